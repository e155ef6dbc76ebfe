package org.raporto.content.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.raporto.content.PdfChecks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A teacher downloads the starter manual as PDF, in both languages: made at the first start from the manual's own text,
 * kept in the media library with the article's titles, offered on the manual's page with its size, downloaded as a file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManualDownloadTest {

    private static final String SQ = "/sq/manuale/manuali-per-mesuesit-programi-internet-me-i-sigurt-ne-klase";
    private static final String EN = "/en/manuals/teachers-manual-safer-internet-in-the-classroom-programme";
    private static final Pattern DOWNLOAD = Pattern.compile("<a class=\"button\" href=\"(/media/[0-9a-f-]{36})\" type=\"application/pdf\" download>([^<]+)</a>");

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyStarterManualHasItsPdfInTheMediaLibrary() {
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM content_article a JOIN content_media m ON m.id = a.media_id
                        WHERE a.type = 'MANUAL' AND m.kind = 'PDF' AND m.media_type = 'application/pdf'
                        """).query(Integer.class).single())
                .isEqualTo(jdbc.sql("SELECT count(*) FROM content_article WHERE type = 'MANUAL'").query(Integer.class).single())
                .isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("SELECT m.alt_sq || ' | ' || m.alt_en FROM content_article a JOIN content_media m ON m.id = a.media_id WHERE a.language = 'en' AND a.type = 'MANUAL'")
                .query(String.class).single())
                .isEqualTo("Manuali për mësuesit – programi «Internet më i sigurt në klasë» | Teachers’ manual – the “Safer Internet in the Classroom” programme");
    }

    @Test
    void theManualPageOffersItsPdfWithItsSizeAndItDownloadsAsAFile() throws Exception {
        String page = get(SQ).body();
        Matcher link = DOWNLOAD.matcher(page);
        assertThat(link.find()).as("a download link on " + SQ).isTrue();
        assertThat(link.group(2)).matches("Shkarko manualin \\(PDF, \\d+ KB\\)");
        Matcher english = DOWNLOAD.matcher(get(EN).body());
        assertThat(english.find()).isTrue();
        assertThat(english.group(2)).matches("Download the manual \\(PDF, \\d+ KB\\)");
        assertThat(english.group(1)).isNotEqualTo(link.group(1));

        HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + link.group(1))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition")).hasValueSatisfying(value ->
                assertThat(value).startsWith("attachment;").contains("manuali-per-mesuesit-programi-internet-me-i-sigurt-ne-klase.pdf"));
        assertThat(pdf.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        long kilobytes = (pdf.body().length + 1023) / 1024;
        assertThat(link.group(2)).contains("PDF, " + kilobytes + " KB");

        assertThat(PdfChecks.clean(pdf.body())).as("taken by the library's own check").isNotEmpty();
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("sq");
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Manuali për mësuesit – programi «Internet më i sigurt në klasë»");
            assertThat(new PDFTextStripper().getText(document)).contains("Parimet e programit", "http://localhost:8080" + SQ);
        }
    }

    @Test
    void aGuideWithoutAPdfOffersNoDownload() throws Exception {
        String guide = jdbc.sql("SELECT slug FROM content_article WHERE type = 'GUIDE' AND language = 'en' LIMIT 1").query(String.class).single();
        assertThat(get("/en/guides/" + guide).body()).doesNotContain("type=\"application/pdf\" download");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
