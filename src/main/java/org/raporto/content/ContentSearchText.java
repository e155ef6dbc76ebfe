package org.raporto.content;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A piece of an article's text with the words a search found marked. It is plain text in parts, never markup: a
 * template writes each part escaped and wraps the matched ones in {@code <mark>}, so whatever an article holds
 * (Markdown, HTML, a {@code <script>}) reaches the page as the letters it is made of.
 */
public record ContentSearchText(List<Part> parts) {

    /** The kinds of character a word starts with (\p{L}, \p{N}), as bits by Character.getType. */
    private static final int LETTERS_AND_NUMBERS = 1 << Character.UPPERCASE_LETTER | 1 << Character.LOWERCASE_LETTER
            | 1 << Character.TITLECASE_LETTER | 1 << Character.MODIFIER_LETTER | 1 << Character.OTHER_LETTER
            | 1 << Character.DECIMAL_DIGIT_NUMBER | 1 << Character.LETTER_NUMBER | 1 << Character.OTHER_NUMBER;
    /** Marks (\p{M}), which a word may also go on with: a decomposed "ë". */
    private static final int MARKS = 1 << Character.NON_SPACING_MARK | 1 << Character.ENCLOSING_MARK | 1 << Character.COMBINING_SPACING_MARK;
    private static final Pattern MARKDOWN_LINK_TARGET = Pattern.compile("\\]\\([^)\\s]*\\)");
    private static final Pattern MARKDOWN_SYNTAX = Pattern.compile("(?m)^\\s{0,3}(#{1,6}|>|[-*+]|\\d+[.)])\\s+|[*_`~|\\[\\]]+|!\\[|<[^>]{0,200}>");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final int CONTEXT_BEFORE = 60;
    private static final int EXCERPT_LENGTH = 240;
    /**
     * How much of the body as written is made plain around its first match: the excerpt's length and context and room
     * for the markup that goes (the Markdown patterns cost some 1 µs a character, so not the whole body ten times a page).
     */
    private static final int WINDOW_BEFORE = 200;
    private static final int WINDOW_AFTER = 800;

    public ContentSearchText {
        parts = List.copyOf(parts);
    }

    /** One run of text; {@code match}: a word the search found. */
    public record Part(String text, boolean match) {
    }

    /** The text as it reads, without marks. */
    public String plain() {
        StringBuilder text = new StringBuilder();
        parts.forEach(part -> text.append(part.text()));
        return text.toString();
    }

    public boolean hasMatch() {
        return parts.stream().anyMatch(Part::match);
    }

    /** The whole text with the words marked that are, or start with, the query's words, or are among {@code alike}. */
    static ContentSearchText marked(String text, ContentSearchTerms terms, List<String> alike) {
        return marked(text, terms.isEmpty() ? null : terms.finder(alike));
    }

    /**
     * The whole text with the words marked that {@code found} finds ({@link ContentSearchTerms#finder}); null when
     * there are no words to find.
     */
    static ContentSearchText marked(String text, @Nullable Predicate<String> found) {
        if (found == null) {
            return new ContentSearchText(text.isEmpty() ? List.of() : List.of(new Part(text, false)));
        }
        List<Part> parts = new ArrayList<>();
        int plainFrom = 0;
        for (int start = wordStart(text, 0), end; start >= 0; start = wordStart(text, end)) {
            end = wordEnd(text, start);
            String word = text.substring(start, end);
            if (found.test(word)) {
                if (start > plainFrom) {
                    parts.add(new Part(text.substring(plainFrom, start), false));
                }
                parts.add(new Part(word, true));
                plainFrom = end;
            }
        }
        if (plainFrom < text.length()) {
            parts.add(new Part(text.substring(plainFrom), false));
        }
        return new ContentSearchText(parts);
    }

    /**
     * What to show under a result's title: the summary when the query's words are in it, else the stretch of the body
     * (without its Markdown) around the first of them, else the summary, else the start of the body.
     */
    static ContentSearchText excerpt(String summary, String body, ContentSearchTerms terms, List<String> alike) {
        return excerpt(summary, body, terms.isEmpty() ? null : terms.finder(alike));
    }

    /** As {@link #excerpt(String, String, ContentSearchTerms, List)}, with the words {@code found} finds (null: none). */
    static ContentSearchText excerpt(String summary, String body, @Nullable Predicate<String> found) {
        ContentSearchText inSummary = marked(summary, found);
        if (inSummary.hasMatch() || found == null && !summary.isBlank()) {
            return inSummary;
        }
        // Markdown is taken off only around the first match in the body as written, not off the whole body (up to
        // 20,000 characters, ten times a page); the whole body only when that match was in markup and went with it.
        int firstWritten = firstMatch(body, found);
        if (firstWritten < 0 && !summary.isBlank()) {
            return inSummary;
        }
        if (firstWritten >= 0) {
            int start = firstWritten <= WINDOW_BEFORE ? 0 : body.lastIndexOf('\n', firstWritten - WINDOW_BEFORE) + 1;
            int end = Math.min(body.length(), firstWritten + WINDOW_AFTER);
            ContentSearchText around = excerptOf(plain(body.substring(start, end)), found, start > 0, end < body.length());
            if (around != null) {
                return around;
            }
        }
        ContentSearchText whole = excerptOf(plain(body), found, false, false);
        return whole != null ? whole : summary.isBlank() ? marked(window(plain(body), 0, false), found) : inSummary;
    }

    /** The excerpt around the first match in this text without Markdown, null when there is none. */
    private static @Nullable ContentSearchText excerptOf(String text, @Nullable Predicate<String> found, boolean textBefore, boolean textAfter) {
        int first = firstMatch(text, found);
        if (first < 0) {
            return null;
        }
        int from = Math.max(0, first - CONTEXT_BEFORE);
        // Start at a word, not in the middle of one.
        int space = text.lastIndexOf(' ', from);
        from = from == 0 || space < 0 ? from : space + 1;
        return marked((from > 0 || textBefore ? "… " : "") + window(text, from, textAfter), found);
    }

    private static String plain(String markdown) {
        return SPACE.matcher(MARKDOWN_SYNTAX.matcher(MARKDOWN_LINK_TARGET.matcher(markdown).replaceAll("]")).replaceAll(" ")).replaceAll(" ").strip();
    }

    private static String window(String text, int from, boolean textAfter) {
        int end = Math.min(text.length(), from + EXCERPT_LENGTH);
        if (end < text.length()) {
            int space = text.lastIndexOf(' ', end);
            end = space > from ? space : end;
            return text.substring(from, end) + " …";
        }
        return text.substring(from, end) + (textAfter ? " …" : "");
    }

    private static int firstMatch(String text, @Nullable Predicate<String> found) {
        if (found == null) {
            return -1;
        }
        for (int start = wordStart(text, 0), end; start >= 0; start = wordStart(text, end)) {
            end = wordEnd(text, start);
            if (found.test(text.substring(start, end))) {
                return start;
            }
        }
        return -1;
    }

    /**
     * Where the first word at or after {@code from} starts; -1 when there is none. A word is letters and digits with
     * the marks that may follow them (a decomposed "ë"), as {@code [\p{L}\p{N}][\p{L}\p{N}\p{M}]*} would find,
     * read code point by code point: every word of up to ten bodies is read for a page (a body without the words to
     * its end), and that pattern's Unicode classes were the largest part of the search's Java time (bench/search.sh, typos).
     */
    static int wordStart(String text, int from) {
        for (int i = from; i < text.length();) {
            int c = text.codePointAt(i);
            if (startsWord(c)) {
                return i;
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    /** Where the word that starts at {@code start} ends (exclusive). */
    static int wordEnd(String text, int start) {
        int i = start + Character.charCount(text.codePointAt(start));
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (!startsWord(c) && !isMark(c)) {
                break;
            }
            i += Character.charCount(c);
        }
        return i;
    }

    /** A letter or a digit (\p{L} or \p{N}). */
    private static boolean startsWord(int c) {
        if (c < 0x80) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
        return (1 << Character.getType(c) & LETTERS_AND_NUMBERS) != 0;
    }

    /** A combining mark (\p{M}). */
    private static boolean isMark(int c) {
        return c >= 0x300 && (1 << Character.getType(c) & MARKS) != 0;
    }

}
