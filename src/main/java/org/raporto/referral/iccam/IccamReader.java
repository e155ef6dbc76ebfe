package org.raporto.referral.iccam;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.raporto.referral.iccam.IccamCodes.ActionType;
import org.raporto.referral.iccam.IccamCodes.AgeGroup;
import org.raporto.referral.iccam.IccamCodes.Classification;
import org.raporto.referral.iccam.IccamCodes.Coded;
import org.raporto.referral.iccam.IccamCodes.Commerciality;
import org.raporto.referral.iccam.IccamCodes.ContentType;
import org.raporto.referral.iccam.IccamCodes.Gender;
import org.raporto.referral.iccam.IccamCodes.PaymentMethod;
import org.raporto.referral.iccam.IccamCodes.SiteType;
import org.raporto.referral.iccam.IccamProblem.Code;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a file of either {@link IccamFormat} (told apart by its first character) into ICCAM reports, and says what is
 * wrong with it field by field. Never throws on bad input: a file that is too large, not UTF-8, not JSON or CSV, or
 * whose fields are missing, malformed or not in ICCAM's code lists gives {@link IccamProblem}s, and only the reports
 * without any.
 */
public final class IccamReader {

    /** The largest file read: about 3,000 addresses in CSV. */
    public static final int MAX_BYTES = 1024 * 1024;
    public static final int MAX_REPORTS = 500;
    /** Problems listed before the reader stops counting them. */
    public static final int MAX_PROBLEMS = 100;

    private static final int MAX_FIELD = IccamUrl.MAX_URL + 10;

    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxStringLength(MAX_FIELD).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private IccamReader() {
    }

    /** What a file holds: the reports without problems, and the problems. */
    public static Read read(byte[] bytes) {
        Problems problems = new Problems();
        if (bytes.length == 0) {
            return problems.fileProblem(Code.EMPTY, "");
        }
        if (bytes.length > MAX_BYTES) {
            return problems.fileProblem(Code.TOO_LARGE, String.valueOf(bytes.length));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        }
        catch (CharacterCodingException notUtf8) {
            return problems.fileProblem(Code.NOT_UTF8, "");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String start = text.stripLeading();
        if (start.isEmpty()) {
            return problems.fileProblem(Code.EMPTY, "");
        }
        IccamFormat format = start.charAt(0) == '{' || start.charAt(0) == '[' ? IccamFormat.JSON : IccamFormat.CSV;
        List<Row> rows = format == IccamFormat.JSON ? jsonRows(text, problems) : csvRows(text, problems);
        List<IccamReport> reports = rows == null ? List.of() : reports(rows, problems);
        if (reports.isEmpty() && problems.list.isEmpty()) {
            // A header without rows, or an empty list of reports.
            problems.add(IccamProblem.ofFile(Code.EMPTY, ""));
        }
        return new Read(format, reports, problems.list, problems.more);
    }

    /**
     * What a file holds.
     *
     * @param format       how it was written; null when it could not be read at all
     * @param reports      the reports without problems, in the file's order
     * @param problems     at most {@link #MAX_PROBLEMS}, in the file's order
     * @param moreProblems whether there were more problems than listed
     */
    public record Read(@Nullable IccamFormat format, List<IccamReport> reports, List<IccamProblem> problems, boolean moreProblems) {

        public Read {
            reports = List.copyOf(reports);
            problems = List.copyOf(problems);
        }

        /** Whether the whole file may be imported: it has reports and no problem. */
        public boolean acceptable() {
            return problems.isEmpty() && !reports.isEmpty();
        }

        public int urls() {
            return reports.stream().mapToInt(report -> report.urls().size()).sum();
        }
    }

    /** One address's fields by ICCAM's (CSV) names, with its report's, and where it is in the file. */
    private record Row(int line, int report, int url, Object group, Map<String, String> values) {

        @Nullable
        String get(String field) {
            String value = values.get(field);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    private static final class Problems {

        final List<IccamProblem> list = new ArrayList<>();
        boolean more;
        int count;

        void add(Code code, Row row, boolean ofReport, String field, String value) {
            add(new IccamProblem(code, row.line(), row.report(), ofReport ? 0 : row.url(), field, value));
        }

        void add(IccamProblem problem) {
            count++;
            if (list.size() < MAX_PROBLEMS) {
                list.add(problem);
            }
            else {
                more = true;
            }
        }

        Read fileProblem(Code code, String value) {
            add(IccamProblem.ofFile(code, value));
            return new Read(null, List.of(), list, false);
        }
    }

    // JSON: each address becomes a row with the same names as the CSV columns.

    private static @Nullable List<Row> jsonRows(String text, Problems problems) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        }
        catch (JacksonException malformed) {
            int line = malformed.getLocation() == null ? 0 : Math.max(0, malformed.getLocation().getLineNr());
            problems.add(new IccamProblem(Code.MALFORMED_JSON, line, 0, 0, "", ""));
            return null;
        }
        JsonNode reports = root == null ? null : root.get("reports");
        if (reports == null || !root.isObject() || !reports.isArray()) {
            problems.add(IccamProblem.ofFile(Code.MALFORMED_JSON, "reports"));
            return null;
        }
        if (reports.size() > MAX_REPORTS) {
            problems.add(IccamProblem.ofFile(Code.TOO_MANY_REPORTS, String.valueOf(reports.size())));
            return null;
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < reports.size(); r++) {
            JsonNode report = reports.get(r);
            Row where = new Row(0, r + 1, 0, r, Map.of());
            if (!report.isObject()) {
                problems.add(Code.INVALID_VALUE, where, true, "reports", shown(report));
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            for (String name : IccamFormat.REPORT_COLUMNS) {
                JsonNode value = report.get(name);
                if (name.equals("sourceUrlPaymentMethods") && value != null && value.isArray()) {
                    List<String> ids = new ArrayList<>();
                    value.forEach(id -> ids.add(id.isValueNode() ? id.asString() : shown(id)));
                    fields.put(name, String.join(";", ids));
                }
                else {
                    scalar(fields, name, value, where, true, problems);
                }
            }
            JsonNode urls = report.get("urls");
            if (urls == null || !urls.isArray() || urls.isEmpty()) {
                problems.add(Code.MISSING_FIELD, where, true, "urls", "");
                continue;
            }
            if (urls.size() > IccamReport.MAX_URLS) {
                problems.add(Code.TOO_MANY_URLS, where, true, "urls", String.valueOf(urls.size()));
                continue;
            }
            for (int u = 0; u < urls.size(); u++) {
                JsonNode url = urls.get(u);
                Map<String, String> values = new HashMap<>(fields);
                Row at = new Row(0, r + 1, u + 1, r, values);
                if (!url.isObject()) {
                    problems.add(Code.INVALID_VALUE, at, false, "urls", shown(url));
                    continue;
                }
                for (String name : List.of("urlString", "isSourceUrl", "contentType", "hostingCountryCode", "hostingIpAddress")) {
                    scalar(values, name, url.get(name), at, false, problems);
                }
                JsonNode organization = url.get("hostingOrganization");
                if (organization != null && organization.isObject()) {
                    scalar(values, "hostingOrganizationName", organization.get("organizationName"), at, false, problems);
                    scalar(values, "hostingAutonomousSystemNumber", organization.get("autonomousSystemNumber"), at, false, problems);
                }
                else if (organization != null && !organization.isNull()) {
                    problems.add(Code.INVALID_VALUE, at, false, "hostingOrganization", shown(organization));
                }
                JsonNode assessment = url.get("assessment");
                if (assessment == null || !assessment.isObject()) {
                    problems.add(Code.MISSING_FIELD, at, false, "assessment", "");
                    continue;
                }
                for (String name : List.of("classification", "ageCategorization", "genderCategorization", "virtualContentCategorization",
                        "childModelingCategorization", "userGeneratedContentCategorization")) {
                    scalar(values, name, assessment.get(name), at, false, problems);
                }
                actions(url.get("actions"), values, at, problems);
                rows.add(at);
            }
        }
        return rows;
    }

    private static void actions(@Nullable JsonNode actions, Map<String, String> values, Row at, Problems problems) {
        if (actions == null || actions.isNull()) {
            return;
        }
        if (!actions.isArray()) {
            problems.add(Code.INVALID_VALUE, at, false, "actions", shown(actions));
            return;
        }
        Set<ActionType> seen = new HashSet<>();
        for (JsonNode action : actions) {
            JsonNode type = action.get("actionType");
            if (!action.isObject() || type == null || !type.canConvertToInt()) {
                problems.add(Code.INVALID_VALUE, at, false, "actionType", shown(type == null ? action : type));
                continue;
            }
            var known = IccamCodes.of(ActionType.class, type.asInt());
            if (known.isEmpty()) {
                problems.add(Code.UNKNOWN_CODE, at, false, "actionType", type.asString());
                continue;
            }
            if (!seen.add(known.get())) {
                problems.add(Code.DUPLICATE_ACTION, at, false, "actionType", type.asString());
                continue;
            }
            String column = "action" + known.get().name();
            scalar(values, column, action.get("actionDate"), at, false, problems);
            if (values.get(column) == null) {
                problems.add(Code.MISSING_FIELD, at, false, "actionDate", "");
            }
            if (known.get() == ActionType.MO) {
                scalar(values, "newCountryCode", action.get("newCountryCode"), at, false, problems);
            }
        }
    }

    private static void scalar(Map<String, String> values, String name, @Nullable JsonNode value, Row at, boolean ofReport, Problems problems) {
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isValueNode()) {
            problems.add(Code.INVALID_VALUE, at, ofReport, name, shown(value));
            return;
        }
        values.put(name, value.asString());
    }

    private static String shown(JsonNode node) {
        return node.isValueNode() ? node.asString() : node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    // CSV: a header row of column names, then one row per address.

    private static @Nullable List<Row> csvRows(String text, Problems problems) {
        List<Csv.Record> records;
        try {
            records = Csv.parse(text, MAX_REPORTS * IccamReport.MAX_URLS + 1, IccamFormat.COLUMNS.size() * 2, MAX_FIELD);
        }
        catch (Csv.Malformed malformed) {
            problems.add(new IccamProblem(malformed.tooLong() ? Code.TOO_MANY_REPORTS : Code.MALFORMED_CSV,
                    malformed.line(), 0, 0, "", ""));
            return null;
        }
        List<String> header = records.get(0).fields().stream().map(String::strip).toList();
        boolean complete = true;
        for (String required : IccamFormat.REQUIRED) {
            if (!header.contains(required)) {
                problems.add(new IccamProblem(Code.MISSING_COLUMN, 1, 0, 0, required, ""));
                complete = false;
            }
        }
        if (!complete) {
            return null;
        }
        List<Row> rows = new ArrayList<>();
        for (Csv.Record record : records.subList(1, records.size())) {
            if (record.fields().size() != header.size()) {
                problems.add(new IccamProblem(Code.MALFORMED_CSV, record.line(), 0, 0, "", String.valueOf(record.fields().size())));
                continue;
            }
            Map<String, String> values = new HashMap<>();
            for (int column = 0; column < header.size(); column++) {
                values.putIfAbsent(header.get(column), Csv.value(record.fields().get(column).strip()));
            }
            String reference = values.get("hotlineReference");
            rows.add(new Row(record.line(), 0, 0, reference == null ? "" : reference.strip(), values));
        }
        return rows;
    }

    // Both: rows of one report are next to each other; their report's fields are read from the first.

    private static List<IccamReport> reports(List<Row> rows, Problems problems) {
        Map<Object, List<Row>> groups = new LinkedHashMap<>();
        Set<Object> closed = new HashSet<>();
        Object current = null;
        List<Row> duplicates = new ArrayList<>();
        for (Row row : rows) {
            if (!Objects.equals(row.group(), current)) {
                if (current != null) {
                    closed.add(current);
                }
                current = row.group();
            }
            if (closed.contains(row.group())) {
                duplicates.add(row);
                continue;
            }
            groups.computeIfAbsent(row.group(), key -> new ArrayList<>()).add(row);
        }
        duplicates.forEach(row -> problems.add(Code.DUPLICATE_REPORT, row, true, "hotlineReference", String.valueOf(row.get("hotlineReference"))));
        if (groups.size() > MAX_REPORTS) {
            problems.add(IccamProblem.ofFile(Code.TOO_MANY_REPORTS, String.valueOf(groups.size())));
            return List.of();
        }
        Set<String> references = new HashSet<>();
        List<IccamReport> reports = new ArrayList<>();
        for (List<Row> group : groups.values()) {
            int before = problems.count;
            IccamReport report = report(group, problems);
            if (report != null && !references.add(report.hotlineReference())) {
                problems.add(Code.DUPLICATE_REPORT, group.get(0), true, "hotlineReference", report.hotlineReference());
            }
            else if (report != null && problems.count == before) {
                reports.add(report);
            }
        }
        return reports;
    }

    private static @Nullable IccamReport report(List<Row> group, Problems problems) {
        Row first = group.get(0);
        int before = problems.count;
        Fields report = new Fields(first, true, problems);
        String reference = report.required("hotlineReference");
        if (reference != null && !IccamReport.isReference(reference)) {
            problems.add(Code.INVALID_VALUE, first, true, "hotlineReference", reference);
        }
        Instant received = report.instant("hotlineReceivedDate", true);
        String country = report.country("reportingHotlineCountryCode");
        SiteType siteType = report.code("sourceUrlSiteType", SiteType.class, SiteType.NOT_DETERMINED);
        Commerciality commerciality = report.code("sourceUrlCommerciality", Commerciality.class, Commerciality.NOT_DETERMINED);
        List<PaymentMethod> methods = new ArrayList<>();
        String listed = first.get("sourceUrlPaymentMethods");
        if (listed != null) {
            for (String id : listed.split(";", -1)) {
                methods.add(report.code("sourceUrlPaymentMethods", id.strip(), PaymentMethod.class));
            }
        }
        for (Row row : group.subList(1, group.size())) {
            for (String column : IccamFormat.REPORT_COLUMNS) {
                if (!Objects.equals(row.get(column), first.get(column))) {
                    problems.add(Code.INCONSISTENT_REPORT, row, true, column, String.valueOf(row.get(column)));
                }
            }
        }
        if (group.size() > IccamReport.MAX_URLS) {
            problems.add(Code.TOO_MANY_URLS, first, true, "urlString", String.valueOf(group.size()));
            return null;
        }
        List<IccamUrl> urls = new ArrayList<>();
        Set<String> addresses = new HashSet<>();
        for (Row row : group) {
            IccamUrl url = url(row, problems);
            if (url != null && !addresses.add(url.urlString())) {
                problems.add(Code.DUPLICATE_URL, row, false, "urlString", "");
            }
            else if (url != null) {
                urls.add(url);
            }
        }
        if (problems.count != before) {
            return null;
        }
        try {
            return new IccamReport(reference, received, country, siteType, commerciality, methods, urls);
        }
        catch (IllegalArgumentException | NullPointerException broken) {
            problems.add(Code.INVALID_VALUE, first, true, "hotlineReference", "");
            return null;
        }
    }

    private static @Nullable IccamUrl url(Row row, Problems problems) {
        int before = problems.count;
        Fields fields = new Fields(row, false, problems);
        String address = fields.required("urlString");
        if (address != null && !IccamUrl.isWebAddress(address)) {
            // The address itself is not shown: it may lead to abuse material.
            problems.add(Code.INVALID_VALUE, row, false, "urlString", "");
        }
        boolean source = fields.bool("isSourceUrl");
        ContentType contentType = fields.code("contentType", ContentType.class, ContentType.WEBSITE);
        String country = fields.country("hostingCountryCode");
        String ip = row.get("hostingIpAddress");
        if (ip != null && !IccamUrl.isIpAddress(ip)) {
            problems.add(Code.INVALID_VALUE, row, false, "hostingIpAddress", ip);
        }
        String organization = row.get("hostingOrganizationName");
        if (organization != null && (organization.length() > IccamUrl.MAX_ORGANIZATION || organization.chars().anyMatch(Character::isISOControl))) {
            problems.add(Code.INVALID_VALUE, row, false, "hostingOrganizationName", "");
        }
        Long asn = fields.asn("hostingAutonomousSystemNumber");
        Classification classification = fields.code("classification", Classification.class, null);
        if (row.get("classification") == null) {
            problems.add(Code.MISSING_FIELD, row, false, "classification", "");
        }
        AgeGroup age = fields.code("ageCategorization", AgeGroup.class, AgeGroup.NOT_DETERMINED);
        Gender gender = fields.code("genderCategorization", Gender.class, Gender.NOT_DETERMINED);
        boolean virtual = fields.bool("virtualContentCategorization");
        boolean modelling = fields.bool("childModelingCategorization");
        boolean userGenerated = fields.bool("userGeneratedContentCategorization");
        Map<ActionType, Instant> dates = new EnumMap<>(ActionType.class);
        for (ActionType type : ActionType.values()) {
            Instant date = fields.instant("action" + type.name(), false);
            if (date != null) {
                dates.put(type, date);
            }
        }
        String movedTo = fields.country("newCountryCode");
        if (movedTo != null && !dates.containsKey(ActionType.MO)) {
            problems.add(Code.INVALID_VALUE, row, false, "newCountryCode", movedTo);
        }
        if (problems.count != before) {
            return null;
        }
        List<IccamUrl.Action> actions = dates.entrySet().stream()
                .map(entry -> new IccamUrl.Action(entry.getKey(), entry.getValue(), entry.getKey() == ActionType.MO ? movedTo : null))
                .toList();
        try {
            return new IccamUrl(address, source, contentType, country, ip, organization, asn,
                    new IccamUrl.Assessment(classification, age, gender, virtual, modelling, userGenerated), actions);
        }
        catch (IllegalArgumentException | NullPointerException broken) {
            problems.add(Code.INVALID_VALUE, row, false, "urlString", "");
            return null;
        }
    }

    /** Reads the fields of one row, adding a problem for each that is wrong. */
    private record Fields(Row row, boolean ofReport, Problems problems) {

        @Nullable
        String required(String field) {
            String value = row.get(field);
            if (value == null) {
                problems.add(Code.MISSING_FIELD, row, ofReport, field, "");
            }
            return value;
        }

        @Nullable
        Instant instant(String field, boolean required) {
            String value = required ? required(field) : row.get(field);
            if (value == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(value).toInstant();
            }
            catch (DateTimeParseException notADate) {
                problems.add(Code.INVALID_VALUE, row, ofReport, field, value);
                return null;
            }
        }

        @Nullable
        String country(String field) {
            String value = row.get(field);
            if (value == null) {
                return null;
            }
            String upper = value.toUpperCase(Locale.ROOT);
            if (!IccamReport.COUNTRY.matcher(upper).matches()) {
                problems.add(Code.INVALID_VALUE, row, ofReport, field, value);
                return null;
            }
            return upper;
        }

        boolean bool(String field) {
            String value = row.get(field);
            if (value == null || value.equalsIgnoreCase("false")) {
                return false;
            }
            if (value.equalsIgnoreCase("true")) {
                return true;
            }
            problems.add(Code.INVALID_VALUE, row, ofReport, field, value);
            return false;
        }

        @Nullable
        Long asn(String field) {
            String value = row.get(field);
            if (value == null) {
                return null;
            }
            String digits = value.regionMatches(true, 0, "AS", 0, 2) ? value.substring(2) : value;
            if (digits.matches("[0-9]{1,10}") && Long.parseLong(digits) <= 4294967295L) {
                return Long.parseLong(digits);
            }
            problems.add(Code.INVALID_VALUE, row, ofReport, field, value);
            return null;
        }

        /** The code in a field, the default when it is empty. */
        <E extends Enum<E> & Coded> @Nullable E code(String field, Class<E> list, @Nullable E otherwise) {
            String value = row.get(field);
            return value == null ? otherwise : code(field, value, list);
        }

        <E extends Enum<E> & Coded> @Nullable E code(String field, String value, Class<E> list) {
            if (!value.matches("[0-9]{1,4}")) {
                problems.add(Code.INVALID_VALUE, row, ofReport, field, value);
                return null;
            }
            var known = IccamCodes.of(list, Integer.parseInt(value));
            if (known.isEmpty()) {
                problems.add(Code.UNKNOWN_CODE, row, ofReport, field, value);
                return null;
            }
            return known.get();
        }
    }
}
