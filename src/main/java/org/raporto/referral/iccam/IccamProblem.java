package org.raporto.referral.iccam;

/**
 * Something wrong in a file offered for import, and where: each has a text under {@code iccam.problem.<CODE>} in the
 * message bundles, with the field as {@code {0}} and the value found as {@code {1}}.
 *
 * @param line   the line of a CSV file the row starts on; 0 for JSON and for the whole file
 * @param report the report's number in a JSON file, from 1; 0 for CSV and for the whole file
 * @param url    the address's number in its JSON report, from 1; 0 when the problem is the report's
 * @param field  ICCAM's name of the field or column; empty for the whole file
 * @param value  what was found, shortened to {@link #MAX_VALUE} characters; empty when nothing is worth showing
 */
public record IccamProblem(Code code, int line, int report, int url, String field, String value) {

    public static final int MAX_VALUE = 60;

    public IccamProblem {
        value = value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) + "…" : value;
    }

    static IccamProblem ofFile(Code code, String value) {
        return new IccamProblem(code, 0, 0, 0, "", value);
    }

    public String messageKey() {
        return "iccam.problem." + code.name();
    }

    /** What is wrong. */
    public enum Code {
        /** The file is not UTF-8 text. */
        NOT_UTF8,
        /** The file is larger than an import takes. */
        TOO_LARGE,
        /** The file is empty, or holds no report. */
        EMPTY,
        /** The file is not well-formed JSON, or not the JSON of this format. */
        MALFORMED_JSON,
        /** The file is not well-formed CSV (RFC 4180). */
        MALFORMED_CSV,
        /** A column this format needs is not in the CSV header. */
        MISSING_COLUMN,
        /** A field this format needs is missing or empty. */
        MISSING_FIELD,
        /** A field's value is not of the right kind (a date, an address, a country code…). */
        INVALID_VALUE,
        /** A field's number is not in ICCAM's code list. */
        UNKNOWN_CODE,
        /** More reports than one import takes. */
        TOO_MANY_REPORTS,
        /** More addresses in one report than Raporto keeps in a report. */
        TOO_MANY_URLS,
        /** Rows of one report disagree on one of the report's fields. */
        INCONSISTENT_REPORT,
        /** A hotline reference appears for two reports. */
        DUPLICATE_REPORT,
        /** An address appears twice in one report. */
        DUPLICATE_URL,
        /** An action type appears twice for one address. */
        DUPLICATE_ACTION
    }
}
