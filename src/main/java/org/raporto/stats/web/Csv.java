package org.raporto.stats.web;

import java.util.List;

/**
 * CSV as RFC 4180 (comma, CRLF, quotes doubled), safe to open in a spreadsheet: a cell that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return is prefixed with an apostrophe, so that it is never taken
 * for a formula (OWASP "CSV injection"). Agency and network names come from outside and may start with anything.
 */
final class Csv {

    private final StringBuilder text = new StringBuilder();

    Csv row(List<?> cells) {
        text.append(line(cells));
        return this;
    }

    /** One row with its line end, for a list written out as it is read. */
    static String line(List<?> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(String.valueOf(cells.get(i))));
        }
        return line.append("\r\n").toString();
    }

    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r") || safe.startsWith(" ")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
