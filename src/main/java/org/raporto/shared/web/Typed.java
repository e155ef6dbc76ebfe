package org.raporto.shared.web;

import org.jspecify.annotations.Nullable;

/** What a visitor typed into a form, made safe to keep and show again whatever was sent. */
public final class Typed {

    private Typed() {
    }

    /**
     * The text as typed, with browsers' line ends ({@code \r\n}) made {@code \n}, cut to at most {@code length}
     * characters — never between the two halves of a character outside the basic plane (an emoji), which would leave
     * text that is no longer valid Unicode. Null (a field not sent) is empty.
     */
    public static String clip(@Nullable String text, int length) {
        if (text == null) {
            return "";
        }
        String value = text.replace("\r\n", "\n");
        if (value.length() <= length) {
            return value;
        }
        int end = length > 0 && Character.isHighSurrogate(value.charAt(length - 1)) ? length - 1 : length;
        return value.substring(0, end);
    }
}
