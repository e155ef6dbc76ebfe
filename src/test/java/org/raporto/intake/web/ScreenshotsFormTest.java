package org.raporto.intake.web;

import java.awt.Color;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.raporto.web.FormClient.Upload;
import org.raporto.shared.image.TestImages;
import org.raporto.web.FormClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Screenshots in the report form: taken only as clean images, only where the category allows, kept sealed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScreenshotsFormTest {

    private static final String FORM = "/en/raporto/form";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private FormClient form;

    @BeforeEach
    void openTheForm() throws Exception {
        // Other tests share this database; the counts here are of this test's uploads.
        jdbc.sql("DELETE FROM intake_upload").update();
        form = new FormClient(port, FORM);
    }

    @Test
    void screenshotsAreAddedListedRemovedAndSentSealedWithTheReport() throws Exception {
        walkTo("cyberbullying");
        assertThat(form.get(FORM).body()).contains("<h1>Screenshots</h1>", "Step 4 of 6", "enctype=\"multipart/form-data\"");

        HttpResponse<String> added = form.postWithFiles(Map.of("step", "SCREENSHOTS", "action", "upload"), List.of(
                Upload.screenshot("chat.png", TestImages.png(300, 200, Color.RED)),
                Upload.screenshot("photo.jpg", TestImages.jpeg(120, 80, Color.BLUE))));
        assertThat(added.statusCode()).isEqualTo(303);
        String listed = form.get(FORM).body();
        assertThat(listed).contains("Screenshot 1: 300 × 200 pixels", "Screenshot 2: 120 × 80 pixels");
        assertThat(uploadsWaiting()).isEqualTo(2);

        Matcher remove = Pattern.compile("value=\"(remove:[0-9a-f-]{36})\"").matcher(listed);
        assertThat(remove.find()).isTrue();
        assertThat(form.postWithFiles(Map.of("step", "SCREENSHOTS", "action", remove.group(1)), List.of()).statusCode()).isEqualTo(303);
        assertThat(form.get(FORM).body()).contains("Screenshot 1: 120 × 80 pixels").doesNotContain("Screenshot 2");
        assertThat(uploadsWaiting()).isOne();

        assertThat(form.postWithFiles(Map.of("step", "SCREENSHOTS", "action", "next"), List.of()).statusCode()).isEqualTo(303);
        assertThat(form.post(Map.of("step", "ABOUT_YOU", "reporterRole", "PARENT", "contactChoice", "ANONYMOUS")).statusCode()).isEqualTo(303);
        assertThat(form.get(FORM).body()).contains("1 screenshot");
        assertThat(form.post(Map.of("step", "CHECK", "action", "send")).statusCode()).isEqualTo(303);

        String reference = reference(form.get(FORM).body());
        var stored = jdbc.sql("""
                SELECT a.media_type, a.width, a.height, a.content FROM intake_attachment a JOIN intake_report r ON r.id = a.report_id
                WHERE r.reference = ?""").param(reference)
                .query((row, n) -> new Object[] {row.getString(1), row.getInt(2), row.getInt(3), row.getBytes(4)}).list();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0)[0]).isEqualTo("image/jpeg");
        assertThat(stored.get(0)[1]).isEqualTo(120);
        String sealed = new String((byte[]) stored.get(0)[3], StandardCharsets.ISO_8859_1);
        assertThat(sealed).as("sealed, not an image in clear").doesNotContain("JFIF").doesNotStartWith("\u00FF\u00D8");
        assertThat(uploadsWaiting()).as("moved to the report").isZero();
    }

    @Test
    void filesThatAreNotImagesAreRefusedByNameAndTheOthersKept() throws Exception {
        walkTo("hate-speech");
        HttpResponse<String> answer = form.postWithFiles(Map.of("step", "SCREENSHOTS", "action", "upload"), List.of(
                Upload.screenshot("invoice.pdf.png", "%PDF-1.7 not an image".getBytes(StandardCharsets.US_ASCII)),
                Upload.screenshot("<script>alert(1)</script>.png", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)),
                Upload.screenshot("..\\..\\windows\\bomb.png", TestImages.pngHeaderOnly(20_000, 20_000)),
                Upload.screenshot("fine.png", TestImages.png(50, 50, Color.GREEN))));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("<title>Error: Screenshots", "invoice.pdf.png is not a JPEG, PNG or WebP image",
                "bomb.png has more than 40 megapixels", "Screenshot 1: 50 × 50 pixels");
        assertThat(answer.body()).doesNotContain("<script>alert(1)</script>").doesNotContain("windows");
        assertThat(uploadsWaiting()).isOne();
    }

    @Test
    void childSexualAbuseReportsHaveNoScreenshotStepAndTakeNoFiles() throws Exception {
        walkTo("csam");
        assertThat(form.get(FORM).body()).contains("<h1>About you</h1>", "Step 4 of 5");

        // A hand-made post to the step the form does not offer stores nothing.
        form.postWithFiles(Map.of("step", "SCREENSHOTS", "action", "upload"), List.of(Upload.screenshot("x.png", TestImages.png(10, 10, Color.RED))));

        assertThat(uploadsWaiting()).isZero();
    }

    @Test
    void switchingToACategoryWithoutScreenshotsForgetsThoseAdded() throws Exception {
        walkTo("cyberbullying");
        form.postWithFiles(Map.of("step", "SCREENSHOTS", "action", "upload"), List.of(Upload.screenshot("a.png", TestImages.png(10, 10, Color.RED))));
        assertThat(uploadsWaiting()).isOne();

        assertThat(form.post(Map.of("step", "CATEGORY", "category", "csam")).statusCode()).isEqualTo(303);

        assertThat(uploadsWaiting()).isZero();
    }

    @Test
    void noMoreThanFiveScreenshots() throws Exception {
        walkTo("cyberbullying");
        byte[] image = TestImages.png(10, 10, Color.RED);
        List<Upload> six = List.of(Upload.screenshot("1.png", image), Upload.screenshot("2.png", image), Upload.screenshot("3.png", image),
                Upload.screenshot("4.png", image), Upload.screenshot("5.png", image), Upload.screenshot("6.png", image));

        HttpResponse<String> answer = form.postWithFiles(Map.of("step", "SCREENSHOTS", "action", "upload"), six);

        assertThat(answer.body()).contains("A report can have up to 5 screenshots", "Screenshot 5:").doesNotContain("Screenshot 6:");
        assertThat(answer.body()).as("no file input once full").doesNotContain("type=\"file\"");
        assertThat(uploadsWaiting()).isEqualTo(5);
    }

    @Test
    void aFormLargerThanFiveScreenshotsIsRefusedWithAPage() throws Exception {
        walkTo("cyberbullying");
        byte[] huge = new byte[61 * 1024 * 1024];
        HttpResponse<String> answer = form.postWithFiles(Map.of("step", "SCREENSHOTS", "action", "upload"),
                List.of(Upload.screenshot("huge.png", huge)));
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("<html lang=\"en\"").doesNotContain("Exception");
        assertThat(form.get(FORM).body()).as("the draft is still there").contains("<h1>Screenshots</h1>");
    }

    @Test
    void aSingleFileOverTenMegabytesIsNamedInTheError() throws Exception {
        walkTo("cyberbullying");
        HttpResponse<String> answer = form.postWithFiles(Map.of("step", "SCREENSHOTS", "action", "upload"),
                List.of(Upload.screenshot("big.png", new byte[11 * 1024 * 1024])));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("big.png is larger than 10 MB");
    }

    @Test
    void aFileNameWithANulCharacterIsRefusedWithAPageAndTheDraftKept() throws Exception {
        // Found by the fuzz tests: Tomcat refuses such a name with an unchecked exception, before any controller: a 500.
        walkTo("cyberbullying");
        HttpResponse<String> answer = form.postWithFiles(Map.of("step", "SCREENSHOTS", "action", "upload"),
                List.of(Upload.screenshot("chat\u0000.png", TestImages.png(10, 10, Color.RED))));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("<html lang=\"en\"", "The request could not be processed").doesNotContain("Exception");
        assertThat(uploadsWaiting()).isZero();
        assertThat(form.get(FORM).body()).as("the draft is still there").contains("<h1>Screenshots</h1>");
    }

    @Test
    void aFileNameWithABareQuoteIsRefusedWithAPageAndTheDraftKept() throws Exception {
        // Found by the fuzz tests: Spring cannot parse such a part header, and its MultipartException was a 500.
        walkTo("cyberbullying");
        HttpResponse<String> answer = form.postWithFiles(Map.of("step", "SCREENSHOTS", "action", "upload"),
                List.of(Upload.screenshot("a\";b.png", TestImages.png(10, 10, Color.RED))));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("<html lang=\"en\"", "The request could not be processed").doesNotContain("Exception");
        assertThat(form.get(FORM).body()).as("the draft is still there").contains("<h1>Screenshots</h1>");
    }

    @Test
    void brokenMultipartBodiesAreAnsweredWithoutAServerError() throws Exception {
        walkTo("cyberbullying");
        for (String body : new String[] {"garbage", "--x\r\nContent-Disposition: form-data; name=\"step\"\r\n\r\nSCREENSHOTS",
                "--x\r\nContent-Disposition: form-data; name=\"screenshot\"; filename=\"a.png\"\r\n\r\n\u0000\u0001--x--", ""}) {
            HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(form.uri(FORM))
                    .header("Content-Type", "multipart/form-data; boundary=x").header("Accept", "text/html")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(body).isBetween(400, 499);
        }
    }

    private void walkTo(String category) throws Exception {
        assertThat(form.post(Map.of("step", "CATEGORY", "category", category)).statusCode()).isEqualTo(303);
        assertThat(form.post(Map.of("step", "WHERE", "urls", "https://example.org/post/1")).statusCode()).isEqualTo(303);
        assertThat(form.post(Map.of("step", "WHAT", "description", "x", "happened", "TODAY", "childAge", "FROM_13_TO_15")).statusCode()).isEqualTo(303);
    }

    private int uploadsWaiting() {
        return jdbc.sql("SELECT count(*) FROM intake_upload").query(Integer.class).single();
    }

    private static String reference(String page) {
        Matcher reference = Pattern.compile("R-\\d{4}-\\d{6}").matcher(page);
        assertThat(reference.find()).isTrue();
        return reference.group();
    }
}
