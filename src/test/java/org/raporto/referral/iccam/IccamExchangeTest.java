package org.raporto.referral.iccam;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.raporto.casework.Analyst;
import org.raporto.casework.Assessments;
import org.raporto.casework.Classification;
import org.raporto.identity.Role;
import org.raporto.identity.StaffAccounts;
import org.raporto.identity.TestStaff;
import org.raporto.intake.AgeBand;
import org.raporto.intake.Channel;
import org.raporto.intake.Happened;
import org.raporto.intake.NewReport;
import org.raporto.intake.ReportId;
import org.raporto.intake.ReportIntake;
import org.raporto.intake.ReportedItem;
import org.raporto.intake.ReporterRole;
import org.raporto.referral.iccam.IccamCodes.ActionType;
import org.raporto.referral.iccam.IccamCodes.AgeGroup;
import org.raporto.referral.iccam.IccamCodes.Commerciality;
import org.raporto.referral.iccam.IccamCodes.Gender;
import org.raporto.referral.iccam.IccamCodes.PaymentMethod;
import org.raporto.referral.iccam.IccamCodes.SiteType;
import org.raporto.shared.Language;
import org.raporto.tracing.CanonicalUrl;
import org.raporto.web.FormClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Export of assessed reports in ICCAM's terms and import of forwarded ones, through the services and the pages. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IccamExchangeTest {

    @LocalServerPort
    int port;

    @Autowired
    ReportIntake intake;

    @Autowired
    Assessments assessments;

    @Autowired
    IccamExports exports;

    @Autowired
    IccamImports imports;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    private final Analyst cleared = new Analyst(UUID.randomUUID(), "Arta (cleared)", true, false);
    private final Analyst uncleared = new Analyst(UUID.randomUUID(), "Besa (not cleared)", false, false);

    @Test
    void anExportedReportCarriesItsAssessmentAndImportsBackAsAForwardedReportOnce() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String reference = submit("csam", "https://img-" + unique + ".example/gallery/1.jpg", "https://img-" + unique + ".example/about",
                "https://img-" + unique + ".example/other");
        ReportId id = id(reference);
        assessments.classify(id, List.of(0), new Classification(Classification.Outcome.BASELINE_CSAM, "csam", Classification.AgeGroup.PRE_PUBESCENT,
                Classification.Gender.FEMALE, Classification.SiteType.IMAGE_HOST, true, "Visa and Bitcoin", false, false, true), cleared);
        assessments.classify(id, List.of(1), Classification.of(Classification.Outcome.HARMFUL_NOT_ILLEGAL, "csam"), cleared);
        assessments.classify(id, List.of(2), Classification.of(Classification.Outcome.OUT_OF_REMIT, null), cleared);

        IccamExports.Export export = exports.export(new IccamExports.Selection.Named(List.of(reference.toLowerCase())), IccamFormat.JSON, cleared);

        assertThat(export.missing()).isEmpty();
        IccamReport report = export.reports().get(0);
        assertThat(report.hotlineReference()).isEqualTo(reference);
        assertThat(report.reportingHotlineCountryCode()).isEqualTo("AL");
        assertThat(report.sourceUrlSiteType()).isEqualTo(SiteType.IMAGE_HOST);
        assertThat(report.sourceUrlCommerciality()).isEqualTo(Commerciality.COMMERCIAL);
        assertThat(report.sourceUrlPaymentMethods()).containsExactly(PaymentMethod.VISA, PaymentMethod.BITCOIN);
        assertThat(report.urls()).hasSize(2);
        IccamUrl image = report.urls().get(0);
        assertThat(image.isSourceUrl()).isTrue();
        assertThat(image.contentType()).isEqualTo(IccamCodes.ContentType.MEDIA);
        assertThat(image.assessment()).isEqualTo(new IccamUrl.Assessment(IccamCodes.Classification.BASELINE, AgeGroup.PRE_PUBESCENT, Gender.FEMALE,
                false, false, true));
        IccamUrl page = report.urls().get(1);
        assertThat(page.contentType()).isEqualTo(IccamCodes.ContentType.WEBSITE);
        assertThat(page.assessment().classification()).isEqualTo(IccamCodes.Classification.NOT_ILLEGAL);
        assertThat(page.actions()).extracting(IccamUrl.Action::actionType).containsExactly(ActionType.NI);
        for (IccamFormat format : IccamFormat.values()) {
            assertThat(IccamReader.read(IccamWriter.write(export.reports(), format)).reports()).as(format.name()).isEqualTo(export.reports());
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'EXPORT_MADE' AND object_type = 'report' AND object_id = ?")
                .param(id.value().toString()).query(Integer.class).single()).isOne();

        byte[] file = IccamWriter.csv(export.reports());
        IccamImports.Imported first = imports.importAll(IccamReader.read(file), null, cleared);
        assertThat(first.created()).hasSize(1);
        assertThat(first.skipped()).isEmpty();
        String imported = first.created().get(0);
        assertThat(jdbc.sql("SELECT channel || ' ' || category_code || ' ' || forwarded_by || ' ' || forwarded_reference FROM intake_report WHERE reference = ?")
                .param(imported).query(String.class).single()).isEqualTo("HOTLINE csam AL " + reference);
        assertThat(jdbc.sql("SELECT channel || ' ' || restricted FROM casework_case WHERE reference = ?").param(imported).query(String.class).single())
                .isEqualTo("HOTLINE true");
        assertThat(jdbc.sql("SELECT canonical_url FROM intake_report_item WHERE report_id = ? ORDER BY position").param(id(imported).value())
                .query(String.class).list()).containsExactly(image.urlString(), page.urlString());
        assertThat(jdbc.sql("SELECT contact IS NULL AND description IS NOT NULL FROM intake_report WHERE reference = ?").param(imported)
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'REPORT_IMPORTED' AND object_id = ?").param(id(imported).value().toString())
                .query(Integer.class).single()).isOne();

        IccamImports.Imported again = imports.importAll(IccamReader.read(IccamWriter.json(export.reports())), null, cleared);
        assertThat(again.created()).isEmpty();
        assertThat(again.skipped()).containsExactly(imported);
        assertThat(jdbc.sql("SELECT count(*) FROM intake_report WHERE forwarded_reference = ?").param(reference).query(Integer.class).single()).isOne();
    }

    @Test
    void actionsComeFromSentReferralsAndOnlineChecks() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String removed = "https://act-" + unique + ".example/removed.png";
        String moved = "https://act-" + unique + ".example/moved";
        String unavailable = "https://act-" + unique + ".example/unavailable";
        String queued = "https://act-" + unique + ".example/queued";
        String reference = submit("csam", removed, moved, unavailable, queued);
        ReportId id = id(reference);
        assessments.classify(id, List.of(0, 1, 2, 3), new Classification(Classification.Outcome.BASELINE_CSAM, "csam",
                Classification.AgeGroup.PUBESCENT, Classification.Gender.MALE, Classification.SiteType.FORUM, false, null, false, false, false), cleared);
        java.sql.Timestamp sent = java.sql.Timestamp.from(java.time.Instant.parse("2026-11-21T10:00:00Z"));
        java.sql.Timestamp later = java.sql.Timestamp.from(java.time.Instant.parse("2026-11-22T10:00:00Z"));
        UUID police = referral(id, reference, "al-police-cybercrime", false, sent, removed, moved);
        UUID platform = referral(id, reference, "platform-meta", true, later, removed);
        UUID waiting = referral(id, reference, "platform-meta-queued", true, null, queued);
        jdbc.sql("""
                INSERT INTO referral_watch (id, report_id, canonical_url, host, country, status, consecutive_gone, first_gone_at, started_at,
                    last_checked_at, removed_at, moved_to_country)
                VALUES (?, ?, ?, 'h', 'AL', 'REMOVED', 1, ?, ?, ?, ?, NULL), (?, ?, ?, 'h', 'AL', 'MOVED', 0, NULL, ?, ?, NULL, 'NL'),
                    (?, ?, ?, 'h', 'AL', 'UNAVAILABLE', 0, NULL, ?, ?, NULL, NULL)""")
                .params(UUID.randomUUID(), id.value(), removed, later, sent, later, later,
                        UUID.randomUUID(), id.value(), moved, sent, later,
                        UUID.randomUUID(), id.value(), unavailable, sent, later)
                .update();

        IccamReport report = exports.export(new IccamExports.Selection.Chosen(List.of(id.value())), IccamFormat.JSON, cleared).reports().get(0);

        Map<String, List<IccamUrl.Action>> actions = new java.util.HashMap<>();
        report.urls().forEach(url -> actions.put(url.urlString(), url.actions()));
        assertThat(actions.get(removed)).containsExactly(new IccamUrl.Action(ActionType.LEA, sent.toInstant(), null),
                new IccamUrl.Action(ActionType.ISP, later.toInstant(), null), new IccamUrl.Action(ActionType.CR, later.toInstant(), null));
        assertThat(actions.get(moved)).containsExactly(new IccamUrl.Action(ActionType.LEA, sent.toInstant(), null),
                new IccamUrl.Action(ActionType.MO, later.toInstant(), "NL"));
        assertThat(actions.get(unavailable)).containsExactly(new IccamUrl.Action(ActionType.CU, later.toInstant(), null));
        assertThat(actions.get(queued)).isEmpty();
        assertThat(List.of(police, platform, waiting)).doesNotHaveDuplicates();
    }

    private UUID referral(ReportId report, String reference, String agency, boolean takedown, java.sql.@org.jspecify.annotations.Nullable Timestamp sentAt,
            String... urls) {
        if (agency.endsWith("-queued")) {
            jdbc.sql("INSERT INTO referral_agency (id, kind, name, country) VALUES (?, 'HOSTING_PROVIDER', 'Queued host', 'NL') ON CONFLICT DO NOTHING")
                    .param(agency).update();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO referral (id, report_id, reference, agency_id, restricted, status, takedown, language, created_by, created_by_name,
                    created_at, sent_at)
                VALUES (?, ?, ?, ?, true, ?, ?, 'en', ?, 'Arta', now(), ?)""")
                .params(id, report.value(), reference, agency, sentAt == null ? "QUEUED" : "SENT", takedown, cleared.id(), sentAt)
                .update();
        for (int i = 0; i < urls.length; i++) {
            jdbc.sql("INSERT INTO referral_item (referral_id, position, target, is_url, outcome) VALUES (?, ?, ?, true, 'BASELINE_CSAM')")
                    .params(id, i, urls[i]).update();
        }
        return id;
    }

    @Test
    void childSexualAbuseMaterialIsNeitherExportedNorImportedWithoutClearance() {
        String reference = submit("csam", "https://nk-" + UUID.randomUUID().toString().substring(0, 8) + ".example/x");
        ReportId id = id(reference);
        assessments.classify(id, List.of(0), new Classification(Classification.Outcome.BASELINE_CSAM, "csam", Classification.AgeGroup.INFANT,
                Classification.Gender.BOTH, Classification.SiteType.FORUM, false, null, true, false, false), cleared);

        IccamExports.Export named = exports.export(new IccamExports.Selection.Named(List.of(reference)), IccamFormat.CSV, uncleared);
        assertThat(named.reports()).isEmpty();
        assertThat(named.missing()).containsExactly(reference);
        assertThat(exports.export(new IccamExports.Selection.Chosen(List.of(id.value())), IccamFormat.CSV, uncleared).reports()).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'EXPORT_MADE' AND object_id = ?").param(id.value().toString())
                .query(Integer.class).single()).isZero();

        IccamReport visible = exports.export(new IccamExports.Selection.Chosen(List.of(id.value())), IccamFormat.CSV, cleared).reports().get(0);
        assertThat(visible.sourceUrlPaymentMethods()).containsExactly(PaymentMethod.NONE);
        IccamReport forwarded = new IccamReport("NL-" + UUID.randomUUID(), visible.hotlineReceivedDate(), "NL", visible.sourceUrlSiteType(),
                visible.sourceUrlCommerciality(), visible.sourceUrlPaymentMethods(), visible.urls());
        IccamReader.Read read = IccamReader.read(IccamWriter.json(List.of(forwarded)));
        assertThat(imports.preview(read, null, uncleared).needsClearance()).isTrue();
        assertThatThrownBy(() -> imports.importAll(read, null, uncleared)).isInstanceOf(IccamImports.Refused.class);
        assertThat(jdbc.sql("SELECT count(*) FROM intake_report WHERE forwarded_reference = ?").param(forwarded.hotlineReference())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aReportThatDoesNotSayItsCountryNeedsOneAndAnImportIsAllOrNothing() {
        IccamUrl url = new IccamUrl("https://nc-" + UUID.randomUUID().toString().substring(0, 8) + ".example/", true, IccamCodes.ContentType.WEBSITE,
                null, null, null, null, new IccamUrl.Assessment(IccamCodes.Classification.NOT_ILLEGAL, AgeGroup.NOT_DETERMINED, Gender.NOT_DETERMINED,
                false, false, false), List.of());
        IccamReport report = new IccamReport("X-" + UUID.randomUUID(), java.time.Instant.parse("2026-11-01T10:00:00Z"), null, SiteType.NOT_DETERMINED,
                Commerciality.NOT_DETERMINED, List.of(), List.of(url));
        IccamReader.Read read = IccamReader.read(IccamWriter.csv(List.of(report)));
        assertThat(imports.preview(read, null, uncleared).needsCountry()).isTrue();
        assertThatThrownBy(() -> imports.importAll(read, null, uncleared)).isInstanceOf(IccamImports.Refused.class);

        IccamImports.Imported done = imports.importAll(read, "XK", uncleared);
        assertThat(jdbc.sql("SELECT category_code || ' ' || forwarded_by FROM intake_report WHERE reference = ?").param(done.created().get(0))
                .query(String.class).single()).isEqualTo("other XK");
    }

    @Test
    void analystsExportFromTheQueueAndSupervisorsImportAfterCheckingWithoutJavaScript() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String reference = submit("hate-speech", "https://q-" + unique + ".example/post");
        assessments.classify(id(reference), List.of(0), Classification.of(Classification.Outcome.NOT_ACTIONABLE, null), cleared);
        FormClient analyst = TestStaff.signedIn(port, accounts, EnumSet.of(Role.ANALYST), false);
        String queue = analyst.open("/staff/cases?status=ASSESSED&q=" + reference).body();
        assertThat(queue).contains("Select " + reference, "Export the selected reports for ICCAM", "Export for ICCAM", "Another hotline (ICCAM)")
                .doesNotContain("Import from another hotline");

        HttpResponse<String> csv = analyst.post("/staff/iccam/export", List.of(Map.entry("report", id(reference).value().toString()),
                Map.entry("report", "not-an-id"), Map.entry("format", "CSV")));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment").contains(".csv");
        assertThat(csv.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(csv.body()).startsWith(String.join(",", IccamFormat.COLUMNS)).contains(reference, "https://q-" + unique + ".example/post");

        assertThat(analyst.open("/staff/iccam/export").body()).contains("ICCAM export", "References");
        assertThat(analyst.post("/staff/iccam/export", Map.of("references", "R-1999-000001\nnonsense")).body())
                .contains("Error:", "These references have nothing to export", "R-1999-000001");
        assertThat(analyst.post("/staff/iccam/export", Map.of("from", "2026-13-01", "to", "x")).body()).contains("Give both days as dates");
        assertThat(analyst.post("/staff/iccam/export", Map.of()).body()).contains("Choose reports");
        assertThat(analyst.get("/staff/iccam/import").statusCode()).isEqualTo(403);

        FormClient supervisor = TestStaff.signedIn(port, accounts, EnumSet.of(Role.SUPERVISOR), true);
        supervisor.open("/staff/iccam/import");
        String forwardedReference = "BE-" + unique;
        byte[] file = csv.body().replace(reference, forwardedReference).replace(",AL,", ",BE,").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> preview = supervisor.postWithFiles("/staff/iccam/import/preview", Map.of("country", ""),
                List.of(new FormClient.Upload("file", "forwarded.csv", "text/csv", file)));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("What the file holds", "CSV, one row per address", "Import 1 report");
        Matcher carried = Pattern.compile("name=\"content\" value=\"([^\"]+)\"").matcher(preview.body());
        assertThat(carried.find()).isTrue();
        HttpResponse<String> imported = supervisor.post("/staff/iccam/import", Map.of("content", carried.group(1), "country", ""));
        assertThat(imported.statusCode()).isEqualTo(303);
        assertThat(imported.headers().firstValue("Location").orElseThrow()).endsWith("/staff/iccam/import?created=1&skipped=0");
        assertThat(supervisor.get("/staff/iccam/import?created=1&skipped=0").body()).contains("1 report imported; none was there already");
        assertThat(supervisor.post("/staff/iccam/import", Map.of("content", carried.group(1), "country", "")).headers().firstValue("Location")
                .orElseThrow()).endsWith("created=0&skipped=1");
        assertThat(supervisor.get("/staff/cases?channel=HOTLINE&status=NEW&q=q-" + unique).body()).contains("q-" + unique);
        UUID forwarded = jdbc.sql("SELECT id FROM intake_report WHERE forwarded_reference = ?").param(forwardedReference).query(UUID.class).single();
        assertThat(supervisor.get("/staff/cases/" + forwarded).body()).contains("Another hotline (ICCAM)", "Imported from another hotline",
                "BE " + forwardedReference);

        HttpResponse<String> latin1 = supervisor.postWithFiles("/staff/iccam/import/preview", Map.of(),
                List.of(new FormClient.Upload("file", "x.csv", "text/csv", "hotlineReference\nR-1 caf\u00e9".getBytes(StandardCharsets.ISO_8859_1))));
        assertThat(latin1.statusCode()).isEqualTo(200);
        assertThat(latin1.body()).contains("Error:", "not UTF-8 text").doesNotContain("name=\"content\"");
        HttpResponse<String> huge = supervisor.postWithFiles("/staff/iccam/import/preview", Map.of(),
                List.of(new FormClient.Upload("file", "x.json", "application/json", new byte[IccamReader.MAX_BYTES + 10])));
        assertThat(huge.body()).contains("larger than 1 MB");
        assertThat(supervisor.postWithFiles("/staff/iccam/import/preview", Map.of("country", "!!"), List.of()).body())
                .contains("Choose a file to check", "Give the country as two letters");
        assertThat(supervisor.post("/staff/iccam/import", Map.of("content", "H4sI" + "A".repeat(50))).body()).contains("could not be carried over");
    }

    private String submit(String category, String... urls) {
        List<ReportedItem> items = java.util.Arrays.stream(urls).<ReportedItem>map(url -> new ReportedItem.Address(CanonicalUrl.parse(url))).toList();
        return intake.submit(new NewReport(category, items, "seen", Happened.TODAY, AgeBand.UNDER_13, ReporterRole.PARENT, null), Channel.WEB,
                Language.EN, UUID.randomUUID()).reference();
    }

    private ReportId id(String reference) {
        return new ReportId(jdbc.sql("SELECT report_id FROM casework_case WHERE reference = ?").param(reference).query(UUID.class).single());
    }
}
