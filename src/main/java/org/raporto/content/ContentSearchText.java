package org.raporto.content;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A piece of an article's text with the words a search found marked. It is plain text in parts, never markup: a
 * template writes each part escaped and wraps the matched ones in {@code <mark>}, so whatever an article holds
 * (Markdown, HTML, a {@code <script>}) reaches the page as the letters it is made of.
 */
public record ContentSearchText(List<Part> parts) {

    /** Letters and digits with the marks that may follow them (a decomposed "ë"). */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}]*");
    private static final Pattern MARKDOWN_LINK_TARGET = Pattern.compile("\\]\\([^)\\s]*\\)");
    private static final Pattern MARKDOWN_SYNTAX = Pattern.compile("(?m)^\\s{0,3}(#{1,6}|>|[-*+]|\\d+[.)])\\s+|[*_`~|\\[\\]]+|!\\[|<[^>]{0,200}>");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final int CONTEXT_BEFORE = 60;
    private static final int EXCERPT_LENGTH = 240;

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

    /** The whole text with the words marked that are, or start with, the query's words (or resemble them). */
    static ContentSearchText marked(String text, ContentSearchTerms terms, boolean similar) {
        List<Part> parts = new ArrayList<>();
        if (terms.isEmpty()) {
            return new ContentSearchText(text.isEmpty() ? List.of() : List.of(new Part(text, false)));
        }
        Matcher word = WORD.matcher(text);
        int plainFrom = 0;
        while (word.find()) {
            String folded = ContentSearchTerms.fold(word.group());
            if (terms.matches(folded) || (similar && terms.resembles(folded))) {
                if (word.start() > plainFrom) {
                    parts.add(new Part(text.substring(plainFrom, word.start()), false));
                }
                parts.add(new Part(word.group(), true));
                plainFrom = word.end();
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
    static ContentSearchText excerpt(String summary, String body, ContentSearchTerms terms, boolean similar) {
        ContentSearchText inSummary = marked(summary, terms, similar);
        if (inSummary.hasMatch() || terms.isEmpty() && !summary.isBlank()) {
            return inSummary;
        }
        String text = SPACE.matcher(MARKDOWN_SYNTAX.matcher(MARKDOWN_LINK_TARGET.matcher(body).replaceAll("]")).replaceAll(" "))
                .replaceAll(" ").strip();
        int first = firstMatch(text, terms, similar);
        if (first < 0) {
            return summary.isBlank() ? marked(window(text, 0), terms, similar) : inSummary;
        }
        int from = Math.max(0, first - CONTEXT_BEFORE);
        // Start at a word, not in the middle of one.
        int space = text.lastIndexOf(' ', from);
        from = from == 0 || space < 0 ? from : space + 1;
        String window = window(text, from);
        return marked((from > 0 ? "… " : "") + window, terms, similar);
    }

    private static String window(String text, int from) {
        int end = Math.min(text.length(), from + EXCERPT_LENGTH);
        if (end < text.length()) {
            int space = text.lastIndexOf(' ', end);
            end = space > from ? space : end;
            return text.substring(from, end) + " …";
        }
        return text.substring(from, end);
    }

    private static int firstMatch(String text, ContentSearchTerms terms, boolean similar) {
        if (terms.isEmpty()) {
            return -1;
        }
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            String folded = ContentSearchTerms.fold(word.group());
            if (terms.matches(folded) || (similar && terms.resembles(folded))) {
                return word.start();
            }
        }
        return -1;
    }
}
