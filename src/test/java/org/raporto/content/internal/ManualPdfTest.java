package org.raporto.content.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.raporto.content.PdfChecks;
import org.raporto.shared.Language;

import static org.assertj.core.api.Assertions.assertThat;

/** A manual's PDF made from its Markdown: tagged, in its language, with its letters in an embedded font, and taken by the PDF check. */
class ManualPdfTest {

    @Test
    void anAlbanianManualBecomesATaggedPdfWithEmbeddedFontsThatPassesTheCheck() throws Exception {
        byte[] pdf = ManualPdf.render(Language.SQ, "Manuali i mësuesit – çështje të sigurisë", "Një përmbledhje për klasën.",
                "## Parimet\n\nFëmijët **mësojnë** duke _folur_. Shihni [RAPORTO!](/sq/raporto) dhe [AKEP](https://akep.al).\n\n- një\n- dy\n",
                "http://localhost:8080/sq/manuale/manuali", id -> null);
        Files.write(Path.of("target/manual-test.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentCatalog().getMarkInfo()).isNotNull();
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).as("tagged").isTrue();
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("sq");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Manuali i mësuesit – çështje të sigurisë");
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Manuali i mësuesit – çështje të sigurisë", "Fëmijët", "mësojnë", "Parimet",
                    "http://localhost:8080/sq/manuale/manuali");
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                }
            }
        }
        assertThat(PdfChecks.clean(pdf)).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
    }
}
