package org.raporto.content.internal;

import java.util.Base64;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.raporto.content.Markdown;
import org.raporto.content.Media;
import org.raporto.shared.Language;
import org.raporto.shared.pdf.HtmlPdf;
import org.springframework.web.util.HtmlUtils;

/**
 * An article as a tagged PDF (PDF/UA) to download and print, made from its own Markdown rendered and sanitised exactly
 * as its page shows it ({@link Markdown}): title, summary, body, and the page's address at the end. The text is set in
 * Liberation Sans, embedded ({@link HtmlPdf}). Nothing is fetched while rendering: links become absolute addresses of the
 * site, and images of the media library are put in from the library itself.
 */
final class ManualPdf {

    private static final Pattern OWN_IMAGE = Pattern.compile("src=\"(/media/([0-9a-f-]{36}))\"");
    private static final String STYLE = """
            @page { size: A4; margin: 22mm 20mm; }
            body { font-family: 'Liberation Sans'; font-size: 11pt; line-height: 1.45; color: #1a1a1a; }
            h1 { font-size: 20pt; line-height: 1.2; margin: 0 0 8pt; }
            h2 { font-size: 14pt; margin: 16pt 0 6pt; }
            h3 { font-size: 12pt; margin: 12pt 0 4pt; }
            h4, h5, h6 { font-size: 11pt; margin: 10pt 0 4pt; }
            .lead { font-size: 12pt; }
            a { color: #0b4f8a; }
            img { max-width: 100%; }
            .address { margin-top: 24pt; font-size: 9pt; color: #444; }
            """;

    private ManualPdf() {
    }

    /**
     * @param address the article's page (absolute): printed at the end, and the base of its relative links
     * @param media   the media library's files, for the images the body shows
     */
    static byte[] render(Language language, String title, String summary, String markdown, String address,
            Function<UUID, @Nullable Media> media) {
        String body = inlineImages(Markdown.toHtml(markdown), media);
        String html = """
                <!DOCTYPE html>
                <html lang="%1$s" xml:lang="%1$s" xmlns="http://www.w3.org/1999/xhtml">
                <head><meta charset="utf-8"/><title>%2$s</title><meta name="description" content="%7$s"/><style>%3$s</style></head>
                <body>
                <h1>%2$s</h1>
                %4$s
                %5$s
                <p class="address"><a href="%6$s">%6$s</a></p>
                </body>
                </html>
                """.formatted(language.code(), escape(title), STYLE, summary.isBlank() ? "" : "<p class=\"lead\">" + escape(summary) + "</p>", body,
                escape(address), escape(summary.isBlank() ? title : summary));
        return HtmlPdf.render(html, address, null);
    }

    /** Images of the media library as data addresses; one that is not there (any more) is left out, its alt text kept. */
    private static String inlineImages(String html, Function<UUID, @Nullable Media> media) {
        Matcher image = OWN_IMAGE.matcher(html);
        StringBuilder out = new StringBuilder();
        while (image.find()) {
            Media file = media.apply(UUID.fromString(image.group(2)));
            String source = file == null || file.mediaType().equals("application/pdf") ? ""
                    : "data:" + file.mediaType() + ";base64," + Base64.getEncoder().encodeToString(file.bytes());
            image.appendReplacement(out, Matcher.quoteReplacement("src=\"" + source + "\""));
        }
        image.appendTail(out);
        return out.toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
