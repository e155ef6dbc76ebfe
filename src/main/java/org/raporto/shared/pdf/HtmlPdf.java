package org.raporto.shared.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.jspecify.annotations.Nullable;

import com.openhtmltopdf.extend.FSObjectDrawerFactory;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Renders well-formed XHTML to a tagged PDF (PDF/UA): the language and title come from the page's {@code lang} and
 * {@code <title>}, the text is set in {@value #FONT_FAMILY}, which PDFBox carries and which has every letter of
 * Albanian (ë, ç), embedded as PDF/UA wants. Nothing is fetched while rendering: only {@code data:} addresses are
 * read, so a page must carry its images itself.
 */
public final class HtmlPdf {

    /** The family a page's style sheet names; the only font there is. */
    public static final String FONT_FAMILY = "Liberation Sans";

    /** PDFBox's own copy of Liberation Sans (SIL Open Font License). */
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private HtmlPdf() {
    }

    /**
     * @param base    the page's address (absolute): the base of its relative links
     * @param objects draws the page's {@code <object>} elements, or null when it has none
     * @throws UncheckedIOException when the page cannot be rendered
     */
    public static byte[] render(String xhtml, String base, @Nullable FSObjectDrawerFactory objects) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .useFastMode()
                .usePdfUaAccessibility(true)
                .withProducer("Raporto")
                .withHtmlContent(xhtml, base)
                // Nothing leaves the machine: whatever a page shows is in the page already as data.
                .useExternalResourceAccessControl((uri, type) -> uri.startsWith("data:"), ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                .useExternalResourceAccessControl((uri, type) -> uri.startsWith("data:"), ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                .toStream(pdf);
        if (objects != null) {
            builder.useObjectDrawerFactory(objects);
        }
        for (int weight : new int[] {400, 700}) {
            for (BaseRendererBuilder.FontStyle style : new BaseRendererBuilder.FontStyle[] {BaseRendererBuilder.FontStyle.NORMAL,
                    BaseRendererBuilder.FontStyle.ITALIC}) {
                // One face for every weight and style: bold and italic text stays in the embedded font, set upright.
                builder.useFont(HtmlPdf::font, FONT_FAMILY, weight, style, true);
            }
        }
        try {
            builder.run();
        }
        catch (IOException e) {
            throw new UncheckedIOException("A PDF of " + base + " could not be made", e);
        }
        return pdf.toByteArray();
    }

    private static InputStream font() {
        InputStream font = HtmlPdf.class.getResourceAsStream(FONT);
        if (font == null) {
            throw new IllegalStateException("PDFBox's Liberation Sans is missing from the class path: " + FONT);
        }
        return font;
    }
}
