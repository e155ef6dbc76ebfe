package org.raporto.content;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Consumer;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** PDFs for tests, and the PDF check of the media library for tests in other packages. */
public final class PdfChecks {

    private PdfChecks() {
    }

    /** A one-page PDF with a line of text, changed by {@code hostile} before it is saved. */
    public static byte[] pdf(Consumer<PDDocument> hostile) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(72, 700);
                text.showText("Safer internet in the classroom");
                text.endText();
            }
            hostile.accept(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** The PDF as the library would store it; throws when the library would refuse it. */
    public static byte[] clean(byte[] pdf) {
        return PdfCheck.clean(pdf);
    }
}
