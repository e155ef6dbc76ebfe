package org.raporto.referral.iccam;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.raporto.referral.iccam.IccamCodes.ActionType;
import org.raporto.referral.iccam.IccamCodes.AgeGroup;
import org.raporto.referral.iccam.IccamCodes.Classification;
import org.raporto.referral.iccam.IccamCodes.Commerciality;
import org.raporto.referral.iccam.IccamCodes.ContentType;
import org.raporto.referral.iccam.IccamCodes.Gender;
import org.raporto.referral.iccam.IccamCodes.PaymentMethod;
import org.raporto.referral.iccam.IccamCodes.SiteType;
import org.raporto.referral.iccam.IccamProblem.Code;

import static org.assertj.core.api.Assertions.assertThat;

/** The ICCAM exchange file: what is written is read back the same, and bad files are told, never a failure. */
class IccamFormatTest {

    static final Instant RECEIVED = Instant.parse("2026-11-20T08:30:00Z");

    static IccamReport report(String reference, String organization) {
        IccamUrl page = new IccamUrl("https://host.example/gallery?id=1&b=2", true, ContentType.WEBSITE, "NL", "192.0.2.10", organization, 64500L,
                new IccamUrl.Assessment(Classification.BASELINE, AgeGroup.PRE_PUBESCENT, Gender.FEMALE, false, true, false),
                List.of(new IccamUrl.Action(ActionType.LEA, RECEIVED.plusSeconds(3600), null),
                        new IccamUrl.Action(ActionType.MO, RECEIVED.plusSeconds(7200), "DE"),
                        new IccamUrl.Action(ActionType.ISP, RECEIVED.plusSeconds(3660), null)));
        IccamUrl image = new IccamUrl("http://cdn.example/a,b.jpg", false, ContentType.MEDIA, null, "2001:db8::1", null, null,
                new IccamUrl.Assessment(Classification.NOT_ILLEGAL, AgeGroup.NOT_DETERMINED, Gender.NOT_DETERMINED, false, false, false), List.of());
        return new IccamReport(reference, RECEIVED, "AL", SiteType.IMAGE_HOST, Commerciality.COMMERCIAL,
                List.of(PaymentMethod.VISA, PaymentMethod.BITCOIN), List.of(page, image));
    }

    @ParameterizedTest
    @EnumSource(IccamFormat.class)
    void whatIsWrittenIsReadBackWithTheSameFields(IccamFormat format) {
        List<IccamReport> reports = List.of(report("R-2026-000123", "Example Hosting B.V., Amsterdam"), report("R-2026-000124", "Other \"Net\""));
        IccamReader.Read read = IccamReader.read(IccamWriter.write(reports, format));
        assertThat(read.problems()).isEmpty();
        assertThat(read.format()).isEqualTo(format);
        assertThat(read.reports()).isEqualTo(reports);
        assertThat(read.urls()).isEqualTo(4);
        assertThat(read.acceptable()).isTrue();
    }

    @Test
    void jsonUsesIccamsFieldNamesAndNumbers() {
        String json = new String(IccamWriter.json(List.of(report("R-2026-000123", "Net"))), StandardCharsets.UTF_8);
        assertThat(json).contains("\"hotlineReference\" : \"R-2026-000123\"", "\"hotlineReceivedDate\" : \"2026-11-20T08:30:00Z\"",
                "\"sourceUrlSiteType\" : 20", "\"sourceUrlCommerciality\" : 2", "\"sourceUrlPaymentMethods\" : [ 6, 13 ]", "\"urlString\"",
                "\"hostingCountryCode\" : \"NL\"", "\"hostingIpAddress\" : \"192.0.2.10\"", "\"organizationName\" : \"Net\"",
                "\"autonomousSystemNumber\" : 64500", "\"classification\" : 1", "\"ageCategorization\" : 3", "\"genderCategorization\" : 2",
                "\"childModelingCategorization\" : true", "\"actionType\" : 1", "\"actionType\" : 5", "\"newCountryCode\" : \"DE\"", "\"contentType\" : 1");
    }

    @Test
    void csvHasOneRowPerAddressWithTheReportRepeatedAndCellsThatNeverRunAsFormulas() {
        IccamReport hostile = report("R-2026-000125", "=HYPERLINK(\"http://evil.example\",\"x\")");
        String csv = new String(IccamWriter.csv(List.of(hostile)), StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", IccamFormat.COLUMNS));
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith("R-2026-000125,2026-11-20T08:30:00Z,AL,20,2,6;13,https://host.example/gallery?id=1&b=2,true,2,NL,192.0.2.10,")
                .contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",64500,1,3,2,false,true,false,2026-11-20T09:30:00Z,2026-11-20T09:31:00Z,,,2026-11-20T10:30:00Z,DE,");
        assertThat(lines[2]).startsWith("R-2026-000125,2026-11-20T08:30:00Z,AL,20,2,6;13,\"http://cdn.example/a,b.jpg\",false,1,,2001:db8::1,,,4,1,1,");
        for (String dangerous : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            assertThat(Csv.cell(dangerous)).as(dangerous).matches("(?s)\"?'.*");
            assertThat(Csv.value(Csv.cell(dangerous).replaceAll("^\"|\"$", ""))).isEqualTo(dangerous);
        }
        assertThat(IccamReader.read(csv.getBytes(StandardCharsets.UTF_8)).reports()).containsExactly(hostile);
    }

    @Test
    void aCsvWithOnlyTheRequiredColumnsTakesTheDefaults() {
        String csv = "urlString,classification,hotlineReference,hotlineReceivedDate,somethingNew\n"
                + "https://a.example/1,1,X-1,2026-01-02T03:04:05+01:00,ignored\n"
                + "https://a.example/2,4,X-1,2026-01-02T03:04:05+01:00,\n";
        IccamReader.Read read = IccamReader.read(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(read.problems()).isEmpty();
        IccamReport report = read.reports().get(0);
        assertThat(report.hotlineReceivedDate()).isEqualTo(Instant.parse("2026-01-02T02:04:05Z"));
        assertThat(report.sourceUrlSiteType()).isEqualTo(SiteType.NOT_DETERMINED);
        assertThat(report.sourceUrlPaymentMethods()).containsExactly(PaymentMethod.NOT_DETERMINED);
        assertThat(report.urls()).extracting(url -> url.assessment().classification()).containsExactly(Classification.BASELINE, Classification.NOT_ILLEGAL);
        assertThat(report.isCsam()).isTrue();
    }

    @Test
    void refusesFilesThatAreEmptyTooLargeNotUtf8OrNotThisFormat() {
        assertThat(codes(new byte[0])).containsExactly(Code.EMPTY);
        assertThat(codes("  \n\n ".getBytes(StandardCharsets.UTF_8))).containsExactly(Code.EMPTY);
        assertThat(codes(new byte[IccamReader.MAX_BYTES + 1])).containsExactly(Code.TOO_LARGE);
        assertThat(codes("hotlineReference,urlString\nR-1,http://caf\u00e9.example\n".getBytes(StandardCharsets.ISO_8859_1))).containsExactly(Code.NOT_UTF8);
        assertThat(codes(new byte[] {(byte) 0xff, (byte) 0xfe, 'h', 0})).containsExactly(Code.NOT_UTF8);
        assertThat(codes("{\"reports\": [".getBytes(StandardCharsets.UTF_8))).containsExactly(Code.MALFORMED_JSON);
        assertThat(codes("{\"reports\": 1}".getBytes(StandardCharsets.UTF_8))).containsExactly(Code.MALFORMED_JSON);
        assertThat(codes("[1, 2]".getBytes(StandardCharsets.UTF_8))).containsExactly(Code.MALFORMED_JSON);
        assertThat(codes("{\"reports\": [], \"reports\": []}".getBytes(StandardCharsets.UTF_8))).containsExactly(Code.MALFORMED_JSON);
        assertThat(codes(("{\"reports\":" + "[".repeat(5000)).getBytes(StandardCharsets.UTF_8))).containsExactly(Code.MALFORMED_JSON);
        assertThat(codes("a,b\n\"open,c\n".getBytes(StandardCharsets.UTF_8))).containsExactly(Code.MALFORMED_CSV);
        assertThat(codes("a,b\nx\"y,c\n".getBytes(StandardCharsets.UTF_8))).containsExactly(Code.MALFORMED_CSV);
        assertThat(codes("urlString,somethingElse\nhttps://a.example/,x\n".getBytes(StandardCharsets.UTF_8)))
                .containsExactly(Code.MISSING_COLUMN, Code.MISSING_COLUMN, Code.MISSING_COLUMN);
        assertThat(codes("{\"reports\": []}".getBytes(StandardCharsets.UTF_8))).containsExactly(Code.EMPTY);
        assertThat(codes((String.join(",", IccamFormat.COLUMNS) + "\r\n").getBytes(StandardCharsets.UTF_8))).containsExactly(Code.EMPTY);
    }

    @Test
    void tellsEachBadFieldWithItsLineOrPlaceAndKeepsTheGoodReports() {
        String csv = String.join(",", IccamFormat.COLUMNS) + "\r\n"
                + row("R-1", "https://ok.example/1", "1", "") + "\r\n"
                + row("R-2", "https://bad.example/1", "9", "") + "\r\n"
                + row("R-3", "javascript:alert(1)", "1", "") + "\r\n"
                + row("R-4", "https://bad.example/2", "1", "not-a-date") + "\r\n"
                + "R-5,2026-01-01T00:00:00Z,ALB,99,2,6;x,https://bad.example/3,maybe,3,N1,300.1.1.1,,AS99999999999,1,7,1,false,false,false,,,,,,NL,\r\n";
        IccamReader.Read read = IccamReader.read(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(read.reports()).extracting(IccamReport::hotlineReference).containsExactly("R-1");
        assertThat(read.problems()).extracting(IccamProblem::code, IccamProblem::line, IccamProblem::field).contains(
                org.assertj.core.groups.Tuple.tuple(Code.UNKNOWN_CODE, 3, "classification"),
                org.assertj.core.groups.Tuple.tuple(Code.INVALID_VALUE, 4, "urlString"),
                org.assertj.core.groups.Tuple.tuple(Code.INVALID_VALUE, 5, "actionLEA"),
                org.assertj.core.groups.Tuple.tuple(Code.INVALID_VALUE, 6, "reportingHotlineCountryCode"),
                org.assertj.core.groups.Tuple.tuple(Code.UNKNOWN_CODE, 6, "sourceUrlSiteType"),
                org.assertj.core.groups.Tuple.tuple(Code.INVALID_VALUE, 6, "sourceUrlPaymentMethods"),
                org.assertj.core.groups.Tuple.tuple(Code.INVALID_VALUE, 6, "isSourceUrl"),
                org.assertj.core.groups.Tuple.tuple(Code.UNKNOWN_CODE, 6, "contentType"),
                org.assertj.core.groups.Tuple.tuple(Code.INVALID_VALUE, 6, "hostingCountryCode"),
                org.assertj.core.groups.Tuple.tuple(Code.INVALID_VALUE, 6, "hostingIpAddress"),
                org.assertj.core.groups.Tuple.tuple(Code.INVALID_VALUE, 6, "hostingAutonomousSystemNumber"),
                org.assertj.core.groups.Tuple.tuple(Code.UNKNOWN_CODE, 6, "ageCategorization"),
                org.assertj.core.groups.Tuple.tuple(Code.INVALID_VALUE, 6, "newCountryCode"));
        assertThat(read.problems()).filteredOn(problem -> problem.field().equals("urlString")).extracting(IccamProblem::value).containsOnly("");
        assertThat(read.acceptable()).isFalse();
    }

    @Test
    void jsonProblemsSayWhichReportAndAddress() {
        String json = """
                {"reports": [
                  {"hotlineReference": "A-1", "hotlineReceivedDate": "2026-01-01T00:00:00Z", "urls": [
                    {"urlString": "https://a.example/", "assessment": {"classification": 1},
                     "actions": [{"actionType": 6, "actionDate": "2026-01-02T00:00:00Z"}, {"actionType": 1}]},
                    {"urlString": "https://b.example/", "assessment": {"classification": {"x": 1}}}]},
                  {"hotlineReference": "A-2", "hotlineReceivedDate": "2026-01-01T00:00:00Z", "urls": []},
                  {"hotlineReference": "A-1", "hotlineReceivedDate": "2026-01-01T00:00:00Z", "urls": [
                    {"urlString": "https://c.example/", "assessment": {"classification": 4}},
                    {"urlString": "https://c.example/", "assessment": {"classification": 4}}]},
                  "nonsense"
                ]}""";
        IccamReader.Read read = IccamReader.read(json.getBytes(StandardCharsets.UTF_8));
        assertThat(read.reports()).isEmpty();
        assertThat(read.problems()).extracting(IccamProblem::code, IccamProblem::report, IccamProblem::url, IccamProblem::field).contains(
                org.assertj.core.groups.Tuple.tuple(Code.UNKNOWN_CODE, 1, 1, "actionType"),
                org.assertj.core.groups.Tuple.tuple(Code.MISSING_FIELD, 1, 1, "actionDate"),
                org.assertj.core.groups.Tuple.tuple(Code.INVALID_VALUE, 1, 2, "classification"),
                org.assertj.core.groups.Tuple.tuple(Code.MISSING_FIELD, 2, 0, "urls"),
                org.assertj.core.groups.Tuple.tuple(Code.DUPLICATE_URL, 3, 2, "urlString"),
                org.assertj.core.groups.Tuple.tuple(Code.INVALID_VALUE, 4, 0, "reports"));
    }

    @Test
    void aReferenceTwiceAndRowsThatDisagreeOnTheirReportAreRefused() {
        String header = String.join(",", IccamFormat.COLUMNS) + "\n";
        String csv = header + row("R-1", "https://a.example/1", "1", "") + "\n" + row("R-2", "https://a.example/2", "1", "") + "\n"
                + row("R-1", "https://a.example/3", "1", "") + "\n"
                + row("R-3", "https://a.example/4", "1", "") + "\n" + row("R-3", "https://a.example/5", "1", "").replace(",AL,", ",XK,") + "\n";
        IccamReader.Read read = IccamReader.read(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(read.problems()).extracting(IccamProblem::code, IccamProblem::line).contains(
                org.assertj.core.groups.Tuple.tuple(Code.DUPLICATE_REPORT, 4), org.assertj.core.groups.Tuple.tuple(Code.INCONSISTENT_REPORT, 6));
        assertThat(read.reports()).extracting(IccamReport::hotlineReference).doesNotContain("R-3");
    }

    @Test
    void limitsTheNumberOfReportsAddressesAndProblems() {
        StringBuilder many = new StringBuilder(String.join(",", IccamFormat.COLUMNS)).append('\n');
        for (int i = 0; i < IccamReport.MAX_URLS + 1; i++) {
            many.append(row("R-1", "https://a.example/" + i, "1", "")).append('\n');
        }
        assertThat(codes(many.toString().getBytes(StandardCharsets.UTF_8))).containsExactly(Code.TOO_MANY_URLS);
        StringBuilder reports = new StringBuilder(String.join(",", IccamFormat.COLUMNS)).append('\n');
        for (int i = 0; i < IccamReader.MAX_REPORTS + 1; i++) {
            reports.append(row("R-" + i, "https://a.example/", "1", "")).append('\n');
        }
        assertThat(codes(reports.toString().getBytes(StandardCharsets.UTF_8))).containsExactly(Code.TOO_MANY_REPORTS);
        StringBuilder bad = new StringBuilder(String.join(",", IccamFormat.COLUMNS)).append('\n');
        for (int i = 0; i < 300; i++) {
            bad.append(row("R-" + i, "https://a.example/", "0", "")).append('\n');
        }
        IccamReader.Read read = IccamReader.read(bad.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(read.problems()).hasSize(IccamReader.MAX_PROBLEMS);
        assertThat(read.moreProblems()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(IccamFormat.class)
    void mutatedFilesAreToldOrReadNeverAFailure(IccamFormat format) {
        byte[] valid = IccamWriter.write(List.of(report("R-2026-000123", "Net"), report("R-2026-000124", "=cmd|' /C calc'!A0")), format);
        java.util.Random random = new java.util.Random(7734);
        for (int i = 0; i < 3000; i++) {
            byte[] file = org.raporto.fuzz.HostileFiles.mutated(valid.clone(), random);
            IccamReader.Read read = IccamReader.read(file);
            assertThat(read.problems().size() + read.reports().size()).as("attempt %d", i).isPositive();
            for (IccamReport report : read.reports()) {
                assertThat(IccamReader.read(IccamWriter.write(List.of(report), format)).reports()).as("attempt %d", i).containsExactly(report);
            }
        }
    }

    private static String row(String reference, String url, String classification, String leaDate) {
        return reference + ",2026-01-01T00:00:00Z,AL,2,1,1," + url + ",true,2,,,,," + classification + ",1,1,false,false,false," + leaDate + ",,,,,,";
    }

    private static List<Code> codes(byte[] file) {
        return IccamReader.read(file).problems().stream().map(IccamProblem::code).toList();
    }
}
