package org.raporto.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds words written straight into a jte template instead of coming from the message bundles: text between
 * tags, and the values of attributes that people read or hear (alt, title, aria-label, placeholder).
 * Code is skipped: expressions ({@code ${…}}), control structures ({@code @if(…)}), template calls except the
 * content blocks they pass ({@code @`…`}), which are template text again.
 */
final class TemplateText {

    private static final Pattern READABLE_ATTRIBUTE =
            Pattern.compile("\\b(alt|title|aria-label|aria-description|placeholder|label)\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern ENTITY = Pattern.compile("&[a-zA-Z]+;|&#[0-9]+;|&#x[0-9a-fA-F]+;");

    private TemplateText() {
    }

    /** The literal words in the template; empty when every visible word comes from elsewhere. */
    static List<String> literalWords(String template) {
        String markup = markupOnly(template);
        List<String> found = new ArrayList<>();
        Matcher attribute = READABLE_ATTRIBUTE.matcher(markup);
        while (attribute.find()) {
            if (LETTER.matcher(attribute.group(2)).find()) {
                found.add(attribute.group(0));
            }
        }
        String text = markup
                .replaceAll("(?is)<!--.*?-->", " ")
                .replaceAll("(?is)<script\\b.*?</script>", " ")
                .replaceAll("(?is)<style\\b.*?</style>", " ")
                .replaceAll("(?s)<[^>]*>", " ");
        text = ENTITY.matcher(text).replaceAll(" ");
        for (String piece : text.split("\\s+")) {
            if (LETTER.matcher(piece).find()) {
                found.add(piece);
            }
        }
        return found;
    }

    /** The template with all code removed, content blocks kept. */
    static String markupOnly(String template) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int length = template.length();
        while (i < length) {
            if (template.startsWith("<%--", i)) {
                int end = template.indexOf("--%>", i);
                i = end < 0 ? length : end + 4;
            }
            else if (template.startsWith("@import", i) || template.startsWith("@param", i)) {
                int end = template.indexOf('\n', i);
                i = end < 0 ? length : end + 1;
            }
            else if (template.startsWith("${", i) || template.startsWith("!{", i)) {
                i = skipBalanced(template, i + 1, '{', '}');
                out.append(' ');
            }
            else if (template.startsWith("$unsafe{", i)) {
                i = skipBalanced(template, i + 7, '{', '}');
                out.append(' ');
            }
            else if (startsKeywordWithParentheses(template, i)) {
                i = skipBalanced(template, template.indexOf('(', i), '(', ')');
            }
            else if (template.startsWith("@template.", i)) {
                int open = template.indexOf('(', i);
                int close = skipBalanced(template, open, '(', ')');
                out.append(contentBlocks(template.substring(open + 1, close - 1)));
                i = close;
            }
            else if (template.startsWith("@endif", i) || template.startsWith("@endfor", i) || template.startsWith("@endraw", i)) {
                i += template.startsWith("@endif", i) ? 6 : 7;
            }
            else if (template.startsWith("@else", i) || template.startsWith("@raw", i)) {
                i += template.startsWith("@else", i) ? 5 : 4;
            }
            else {
                out.append(template.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    private static boolean startsKeywordWithParentheses(String template, int i) {
        for (String keyword : List.of("@if", "@elseif", "@for")) {
            if (template.startsWith(keyword, i)) {
                int next = i + keyword.length();
                while (next < template.length() && Character.isWhitespace(template.charAt(next))) {
                    next++;
                }
                return next < template.length() && template.charAt(next) == '(';
            }
        }
        return false;
    }

    /** The markup of the {@code @`…`} blocks among a template call's arguments. */
    private static String contentBlocks(String arguments) {
        StringBuilder blocks = new StringBuilder();
        int i = 0;
        while ((i = arguments.indexOf("@`", i)) >= 0) {
            int end = closingBacktick(arguments, i + 2);
            blocks.append(' ').append(markupOnly(arguments.substring(i + 2, end))).append(' ');
            i = end + 1;
        }
        return blocks.toString();
    }

    private static int closingBacktick(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            if (text.startsWith("@`", i)) {
                depth++;
                i++;
            }
            else if (text.charAt(i) == '`') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        throw new IllegalArgumentException("Unclosed content block");
    }

    /** The index just after the bracket that closes the one at {@code open}, skipping Java string literals. */
    private static int skipBalanced(String text, int open, char opening, char closing) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(text, i, c);
            }
            else if (c == '@' && text.startsWith("@`", i)) {
                i = closingBacktick(text, i + 2);
            }
            else if (c == opening) {
                depth++;
            }
            else if (c == closing && --depth == 0) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("Unbalanced " + opening + " at " + open);
    }

    private static int endOfLiteral(String text, int start, char quote) {
        for (int i = start + 1; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            }
            else if (text.charAt(i) == quote) {
                return i;
            }
        }
        throw new IllegalArgumentException("Unclosed literal at " + start);
    }
}
