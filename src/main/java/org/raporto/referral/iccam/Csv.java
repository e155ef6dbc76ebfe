package org.raporto.referral.iccam;

import java.util.ArrayList;
import java.util.List;

/**
 * Comma-separated values as RFC 4180 has them (CRLF or LF between records, fields in double quotes when they hold a
 * comma, a quote or a line break), with limits, and cells that a spreadsheet will not run as formulas.
 */
final class Csv {

    private Csv() {
    }

    /**
     * A cell as written: quoted when it must be, and prefixed with an apostrophe when it starts with a character a
     * spreadsheet reads as the start of a formula ({@code = + - @}, tab, carriage return).
     */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    /** A cell as read: the apostrophe {@link #cell} put before a formula character taken off again. */
    static String value(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0 ? cell.substring(1) : cell;
    }

    /**
     * The records of a text, each with the line it starts on; blank lines are skipped.
     *
     * @throws Malformed at the first record that breaks RFC 4180 or a limit
     */
    static List<Record> parse(String text, int maxRecords, int maxFields, int maxField) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int start = 1;
        int i = 0;
        boolean quoted = false;
        boolean afterQuote = false;
        boolean any = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    }
                    else {
                        quoted = false;
                        afterQuote = true;
                    }
                }
                else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            }
            else if (c == ',') {
                add(fields, field, maxFields, maxField, start);
                afterQuote = false;
                any = true;
            }
            else if (c == '\n' || c == '\r') {
                if (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                    throw new Malformed(line, "a carriage return without a line feed");
                }
                if (c == '\r') {
                    i++;
                }
                if (any || !field.isEmpty() || afterQuote) {
                    add(fields, field, maxFields, maxField, start);
                    records.add(new Record(start, List.copyOf(fields)));
                    if (records.size() > maxRecords) {
                        throw new Malformed(start, "more than " + maxRecords + " rows", true);
                    }
                }
                fields.clear();
                any = false;
                afterQuote = false;
                line++;
                start = line;
            }
            else if (afterQuote) {
                throw new Malformed(line, "text after a closing quote");
            }
            else if (c == '"') {
                if (!field.isEmpty()) {
                    throw new Malformed(line, "a quote inside an unquoted field");
                }
                quoted = true;
                any = true;
            }
            else {
                field.append(c);
            }
            if (field.length() > maxField) {
                throw new Malformed(start, "a field longer than " + maxField + " characters");
            }
            i++;
        }
        if (quoted) {
            throw new Malformed(start, "a quote that is never closed");
        }
        if (any || !field.isEmpty() || afterQuote) {
            add(fields, field, maxFields, maxField, start);
            records.add(new Record(start, List.copyOf(fields)));
            if (records.size() > maxRecords) {
                throw new Malformed(start, "more than " + maxRecords + " rows", true);
            }
        }
        return records;
    }

    private static void add(List<String> fields, StringBuilder field, int maxFields, int maxField, int line) {
        if (fields.size() >= maxFields) {
            throw new Malformed(line, "more than " + maxFields + " fields");
        }
        fields.add(field.toString());
        field.setLength(0);
    }

    /** One record and the line it starts on. */
    record Record(int line, List<String> fields) {
    }

    /** A text that is not CSV, at a line. */
    static final class Malformed extends RuntimeException {

        private final int line;

        private final boolean tooLong;

        Malformed(int line, String reason) {
            this(line, reason, false);
        }

        Malformed(int line, String reason, boolean tooLong) {
            super("Line " + line + ": " + reason);
            this.line = line;
            this.tooLong = tooLong;
        }

        int line() {
            return line;
        }

        /** Whether the text is well-formed as far as read, but has more records than allowed. */
        boolean tooLong() {
            return tooLong;
        }
    }
}
