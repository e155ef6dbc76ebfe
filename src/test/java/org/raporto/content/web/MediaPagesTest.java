package org.raporto.content.web;

import java.awt.Color;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.raporto.content.PdfChecks;
import org.raporto.identity.Role;
import org.raporto.identity.StaffAccounts;
import org.raporto.identity.TestStaff;
import org.raporto.shared.image.TestImages;
import org.raporto.web.FormClient;
import org.raporto.web.FormClient.Upload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The media library's staff pages over real HTTP, as an editor's browser without JavaScript uses them: multipart
 * uploads taken, refused with an error beside each field and the texts kept, files deleted with a confirmation; other
 * roles kept out; nothing of a file's name or texts in the log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"raporto.content.seed-location=classpath:content/seed-sample/", "raporto.content.media.image-max-size=100KB"})
@ExtendWith(OutputCaptureExtension.class)
class MediaPagesTest {

    private static final String NEW = "/staff/content/media/new";

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEditorUploadsAnImageAndGetsTheMarkdownToCopy(CapturedOutput output) throws Exception {
        FormClient editor = editor();
        String alt = "Mësuesja-" + UUID.randomUUID() + " me nxënësit";
        // Hex: a negative decimal's "-" would join the name's hyphen, and the stored name keeps only one.
        String name = "klasa-" + Integer.toHexString(alt.hashCode());
        HttpResponse<String> answer = editor.postWithFiles(NEW, Map.of("altSq", alt, "altEn", "A teacher with her pupils"),
                List.of(new Upload("file", name + ".png", "image/png", TestImages.png(64, 48, Color.GREEN))));

        assertThat(answer.statusCode()).isEqualTo(303);
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/staff/content/media?stored=");
        String id = location.substring(location.indexOf('=') + 1);
        String list = editor.get(location).body();
        assertThat(list).contains("The file “" + name + ".png” was added.")
                .contains("value=\"![" + alt + "](/media/" + id + ")\"")
                .contains("value=\"![A teacher with her pupils](/media/" + id + ")\"")
                .contains("<img class=\"media-thumb\" src=\"/media/" + id + "\" alt=\"A teacher with her pupils\" width=\"64\" height=\"48\"");
        assertThat(output.getAll()).as("neither the file's name nor its texts are logged").doesNotContain(alt, name);
    }

    @Test
    void aRefusedUploadNamesEachProblemBesideItsFieldAndKeepsTheTexts() throws Exception {
        FormClient editor = editor();
        int before = count();
        byte[] scripted = PdfChecks.pdf(document -> document.getDocumentCatalog().setOpenAction(
                new org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript("app.alert(1)")));
        HttpResponse<String> answer = editor.postWithFiles(NEW, Map.of("altSq", "Manuali <b>i ri</b> \"2026\"", "altEn", ""),
                List.of(new Upload("file", "manual.pdf", "application/pdf", scripted)));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("<title>Error: Add a file")
                .contains("<a href=\"#file\">The PDF contains JavaScript, which is not allowed.")
                .contains("<p class=\"field__error\" id=\"file-error\">The PDF contains JavaScript")
                .contains("<p class=\"field__error\" id=\"altEn-error\">Write the alternative text or title in English.</p>")
                .contains("value=\"Manuali &lt;b>i ri&lt;/b> &#34;2026&#34;\"")
                .doesNotContain("id=\"altSq-error\"");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aFileOverTheLimitIsRefusedByTheFormAndOneOverTheServersLimitWithAPage() throws Exception {
        FormClient editor = editor();
        int before = count();
        HttpResponse<String> answer = editor.postWithFiles(NEW, Map.of("altSq", "Foto", "altEn", "Photo"),
                List.of(new Upload("file", "photo.png", "image/png", new byte[150 * 1024])));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("The file is too large: images up to 100 KB, PDFs up to 20 MB.");

        HttpResponse<String> huge = editor.postWithFiles(NEW, Map.of("altSq", "Foto", "altEn", "Photo"),
                List.of(new Upload("file", "huge.pdf", "application/pdf", new byte[61 * 1024 * 1024])));
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.body()).contains("<html lang=\"en\"").doesNotContain("Exception");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void hostileNamesAndFilesComeBackAsTextOnly() throws Exception {
        FormClient editor = editor();
        HttpResponse<String> stored = editor.postWithFiles(NEW, Map.of("altSq", "<script>alert(1)</script>", "altEn", "x\" onmouseover=\"alert(1)"),
                List.of(new Upload("file", "../../<img src=x onerror=alert(1)>.png", "image/png", TestImages.png(20, 20, Color.RED))));
        assertThat(stored.statusCode()).isEqualTo(303);
        String list = editor.get(stored.headers().firstValue("Location").orElseThrow()).body();
        assertThat(list).contains("img-src-x-onerror-alert-1.png", "&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert", "<img src=x", "alt=\"x\" onmouseover");

        HttpResponse<String> notAnImage = editor.postWithFiles(NEW, Map.of("altSq", "Foto", "altEn", "Photo"),
                List.of(new Upload("file", "photo.png", "image/png", "<svg onload=alert(1)>".getBytes())));
        assertThat(notAnImage.body()).contains("This file is neither a PNG, JPEG or WebP image nor a PDF");
    }

    @Test
    void deletingAsksFirstAndIsRefusedWhileAnArticleUsesTheFile() throws Exception {
        FormClient editor = editor();
        String used = upload(editor, TestImages.png(21, 21, Color.BLUE));
        String unused = upload(editor, TestImages.png(22, 22, Color.BLUE));
        jdbc.sql("UPDATE content_article SET body = body || :image WHERE slug = 'our-mission'")
                .param("image", "\n\n![Logo](/media/" + used + ")").update();

        assertThat(editor.get("/staff/content/media/" + unused + "/delete").body()).contains("The file is deleted for good.", "Yes, delete it");
        HttpResponse<String> deleted = editor.post("/staff/content/media/" + unused + "/delete", Map.of());
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(editor.get(deleted.headers().firstValue("Location").orElseThrow()).body()).contains("The file was deleted.");
        assertThat(editor.get("/media/" + unused).statusCode()).isEqualTo(404);

        HttpResponse<String> refused = editor.post("/staff/content/media/" + used + "/delete", Map.of());
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("This file cannot be deleted: 1 article uses it", "<li>Our mission</li>")
                .doesNotContain("Yes, delete it");
        assertThat(editor.get("/media/" + used).statusCode()).isEqualTo(200);
    }

    @Test
    void onlyEditorsMayUseTheLibrary() throws Exception {
        for (Role role : Set.of(Role.ANALYST, Role.ADMIN, Role.SUPERVISOR)) {
            FormClient other = TestStaff.signedIn(port, accounts, Set.of(role));
            assertThat(other.get("/staff/content/media").statusCode()).as(role.name()).isEqualTo(403);
            assertThat(other.get("/staff/").body()).as(role.name()).doesNotContain("/staff/content/media");
        }
        FormClient editor = editor();
        assertThat(editor.get("/staff/").body()).contains("<a href=\"/staff/content/media\"");
    }

    private FormClient editor() throws Exception {
        FormClient editor = TestStaff.signedIn(port, accounts, Set.of(Role.EDITOR));
        editor.open(NEW);
        return editor;
    }

    private String upload(FormClient editor, byte[] png) throws Exception {
        HttpResponse<String> answer = editor.postWithFiles(NEW, Map.of("altSq", "Logo", "altEn", "Logo"),
                List.of(new Upload("file", "logo.png", "image/png", png)));
        assertThat(answer.statusCode()).isEqualTo(303);
        String location = answer.headers().firstValue("Location").orElseThrow();
        return location.substring(location.indexOf('=') + 1);
    }

    private int count() {
        return jdbc.sql("SELECT count(*) FROM content_media").query(Integer.class).single();
    }
}
