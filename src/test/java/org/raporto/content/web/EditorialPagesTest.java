package org.raporto.content.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.raporto.identity.Role;
import org.raporto.identity.StaffAccounts;
import org.raporto.identity.TestStaff;
import org.raporto.web.FormClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editors' pages over HTTP as a browser without JavaScript uses them: who may open them, the editor keeping what
 * was typed when it refuses it, the preview made safe, a long article sent whole, the review by a second editor, an
 * old address that keeps working, the revision history, and hostile input.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "raporto.content.seed-location=classpath:content/seed-sample/")
class EditorialPagesTest {

    private static final Pattern LOCATION_ID = Pattern.compile("/staff/content/([0-9a-f-]{36})");
    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"([0-9]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void onlyEditorsOpenTheContentPages() throws Exception {
        FormClient analyst = TestStaff.signedIn(port, accounts, Set.of(Role.ANALYST));
        assertThat(analyst.get("/staff/content").statusCode()).isEqualTo(403);
        assertThat(analyst.post("/staff/content/new", Map.of("title", "x")).statusCode()).isEqualTo(403);
        FormClient editor = editor();
        HttpResponse<String> list = editor.get("/staff/content");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(list.body()).contains("href=\"/staff/content\" aria-current=\"page\"");
        assertThat(new FormClient(port, "/staff/login").get("/staff/content").statusCode()).isEqualTo(302);
    }

    @Test
    void aRefusedFormComesBackWithEverythingTypedAndTheErrorsBesideTheirFields() throws Exception {
        FormClient editor = editor();
        long before = count();
        String body = "Teksti im, me ë dhe ç, <b>shënim</b> & 🙂\nRreshti i dytë.";
        HttpResponse<String> refused = editor.postWithFiles("/staff/content/new", fields("SQ", "", "Not a slug!", body, "0",
                "linkUrl", "http://not-https.example"), List.of());
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("class=\"error-summary\"").contains("href=\"#title\"").contains("href=\"#slug\"")
                .contains("href=\"#linkUrl\"")
                .contains("Teksti im, me ë dhe ç, &lt;b&gt;shënim&lt;/b&gt; &amp; 🙂\nRreshti i dytë.")
                .contains("value=\"Not a slug!\"").contains("value=\"http://not-https.example\"");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void thePreviewShowsTheTextAsReadersWillWithoutAnyScript() throws Exception {
        FormClient editor = editor();
        List<Map.Entry<String, String>> form = fields("SQ", "Parashikim", "", "**E rëndësishme** <script>alert(1)</script>\n\n"
                + "[lidhje](javascript:alert(2)) ![foto](https://elsewhere.example/x.png)", "0");
        form.add(Map.entry("action", "preview"));
        HttpResponse<String> preview = editor.postWithFiles("/staff/content/new", form, List.of());
        assertThat(preview.statusCode()).isEqualTo(200);
        String shown = preview.body().substring(preview.body().indexOf("id=\"preview-title\""));
        assertThat(shown).contains("<strong>E rëndësishme</strong>").doesNotContain("<script>alert").doesNotContain("javascript:")
                .doesNotContain("src=\"https://elsewhere.example");
        assertThat(jdbc.sql("SELECT count(*) FROM content_article WHERE title = 'Parashikim'").query(Integer.class).single()).isZero();
    }

    @Test
    void writeReviewPublishRenameAndTheOldAddressStillLeadsThere() throws Exception {
        FormClient writer = editor();
        String longBody = "Paragraf me shkronjat ë dhe ç, që e bëjnë formën më të gjatë kur kodohet. ".repeat(2_400);
        assertThat(longBody.length()).isBetween(150_000, 200_000);
        HttpResponse<String> created = writer.postWithFiles("/staff/content/new", fields("SQ", "Udhëzues për prindërit e rinj", "", longBody, "0"),
                List.of());
        assertThat(created.statusCode()).isEqualTo(303);
        String id = id(created);
        String path = "/staff/content/" + id;
        HttpResponse<String> editor = writer.get(created.headers().firstValue("Location").orElseThrow());
        assertThat(editor.body()).contains("role=\"status\"");
        assertThat(jdbc.sql("SELECT body FROM content_article WHERE id = :id::uuid").param("id", id).query(String.class).single()).isEqualTo(longBody);

        assertThat(writer.post(path + "/submit", Map.of("version", version(editor))).statusCode()).isEqualTo(303);
        HttpResponse<String> own = writer.get(path);
        assertThat(own.body()).doesNotContain("action=\"" + path + "/publish\"");
        assertThat(writer.post(path + "/publish", Map.of("version", version(own))).body()).contains("so you cannot publish it");

        FormClient reviewer = editor();
        HttpResponse<String> review = reviewer.get(path);
        assertThat(review.body()).contains("action=\"" + path + "/publish\"");
        HttpResponse<String> badDate = reviewer.post(path + "/publish", Map.of("version", version(review), "publishAt", "tomorrow at nine"));
        assertThat(badDate.body()).contains("href=\"#publishAt\"").contains("value=\"tomorrow at nine\"");
        assertThat(reviewer.post(path + "/publish", Map.of("version", version(review))).headers().firstValue("Location").orElseThrow())
                .endsWith("done=published");
        FormClient reader = new FormClient(port, "/staff/login");
        assertThat(reader.get("/sq/udhezues/udhezues-per-prinderit-e-rinj").statusCode()).isEqualTo(200);

        HttpResponse<String> published = writer.get(path);
        List<Map.Entry<String, String>> renamed = fields("SQ", "Udhëzues për prindërit", "udhezues-per-prinderit", "Teksti i ri.", "0");
        renamed.add(Map.entry("version", version(published)));
        assertThat(writer.postWithFiles(path, renamed, List.of()).statusCode()).isEqualTo(303);
        assertThat(reader.get("/sq/udhezues/udhezues-per-prinderit-e-rinj").statusCode()).isEqualTo(200);
        assertThat(reader.get("/sq/udhezues/udhezues-per-prinderit").statusCode()).isEqualTo(404);
        HttpResponse<String> pending = writer.get(path);
        writer.post(path + "/submit", Map.of("version", version(pending)));
        reviewer.post(path + "/publish", Map.of("version", version(reviewer.get(path))));
        assertThat(reader.get("/sq/udhezues/udhezues-per-prinderit").statusCode()).isEqualTo(200);
        HttpResponse<String> old = reader.get("/sq/udhezues/udhezues-per-prinderit-e-rinj");
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location").orElseThrow()).endsWith("/sq/udhezues/udhezues-per-prinderit");

        HttpResponse<String> history = writer.get(path + "/revisions");
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).contains("<del>Udhëzues për prindërit e rinj</del>").contains("<ins>Udhëzues për prindërit</ins>")
                .contains("<ins>Teksti i ri.</ins>");
    }

    @Test
    void aFormOpenedBeforeSomeoneElseSavedIsRefusedKeepingTheTextAndSavingAgainReplacesTheirs() throws Exception {
        FormClient first = editor();
        String id = id(first.postWithFiles("/staff/content/new", fields("SQ", "Artikull i përbashkët", "", "Fillimi.", "0"), List.of()));
        String path = "/staff/content/" + id;
        String opened = version(first.get(path));
        FormClient second = editor();
        List<Map.Entry<String, String>> theirs = fields("SQ", "Artikull i përbashkët", "", "Teksti i tjetrit.", "0");
        theirs.add(Map.entry("version", opened));
        assertThat(second.postWithFiles(path, theirs, List.of()).statusCode()).isEqualTo(303);

        List<Map.Entry<String, String>> mine = fields("SQ", "Artikull i përbashkët", "", "Teksti im që nuk humbet.", "0");
        mine.add(Map.entry("version", opened));
        HttpResponse<String> stale = first.postWithFiles(path, mine, List.of());
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).contains("Someone else saved this article").contains("Teksti im që nuk humbet.");
        List<Map.Entry<String, String>> again = fields("SQ", "Artikull i përbashkët", "", "Teksti im që nuk humbet.", "0");
        again.add(Map.entry("version", version(stale)));
        assertThat(first.postWithFiles(path, again, List.of()).statusCode()).isEqualTo(303);
        assertThat(jdbc.sql("SELECT body FROM content_article WHERE id = :id::uuid").param("id", id).query(String.class).single())
                .isEqualTo("Teksti im që nuk humbet.");
    }

    @Test
    void hostileAddressesAndValuesAreAnsweredWithoutAnError() throws Exception {
        FormClient editor = editor();
        for (String path : List.of("/staff/content/not-a-uuid", "/staff/content/" + UUID.randomUUID(), "/staff/content/%27%20OR%201=1--",
                "/staff/content/" + UUID.randomUUID() + "/revisions")) {
            assertThat(editor.get(path).statusCode()).as(path).isEqualTo(404);
        }
        // A semicolon in a path is refused by the firewall before any controller.
        assertThat(editor.get("/staff/content/%27%3B--").statusCode()).isEqualTo(400);
        HttpResponse<String> list = editor.get("/staff/content?q=%25%27%3B+DROP+TABLE+content_article%3B--&lang=xx&type=NOPE&shown=%00&page=-9");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("No article matches");
        List<Map.Entry<String, String>> form = fields("XX", "Titull", "", "", "not a number");
        form.add(Map.entry("type", "NOT_A_TYPE"));
        form.add(Map.entry("audiences", "ROBOTS"));
        form.add(Map.entry("mediaId", "../../etc/passwd"));
        HttpResponse<String> refused = editor.postWithFiles("/staff/content/new", form, List.of());
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("href=\"#position\"").contains("href=\"#audiences\"").contains("href=\"#mediaId\"")
                .contains("<select name=\"mediaId\"");
        String id = id(editor.postWithFiles("/staff/content/new", fields("SQ", "Një artikull", "", "", "0"), List.of()));
        assertThat(editor.post("/staff/content/" + id + "/submit", Map.of("version", "999999999")).headers().firstValue("Location").orElseThrow())
                .endsWith("refused=STALE");
        assertThat(editor.post("/staff/content/" + id + "/archive", Map.of("version", "x")).headers().firstValue("Location").orElseThrow())
                .endsWith("refused=STALE");
        assertThat(editor.get("/staff/content/" + id + "?done=%3Cscript%3E&refused=%3Cscript%3E").body()).doesNotContain("<script>");
    }

    private FormClient editor() throws Exception {
        return TestStaff.signedIn(port, accounts, Set.of(Role.EDITOR));
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM content_article").query(Long.class).single();
    }

    /** The editor's fields, a guide for parents on cyberbullying, plus any more given as name, value pairs. */
    private static List<Map.Entry<String, String>> fields(String language, String title, String slug, String body, String position, String... more) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("language", language.toLowerCase()), Map.entry("type", "GUIDE"),
                Map.entry("title", title), Map.entry("slug", slug), Map.entry("summary", "Përmbledhje."), Map.entry("body", body),
                Map.entry("audiences", "PARENTS"), Map.entry("topics", "cyberbullying"), Map.entry("position", position)));
        for (int i = 0; i + 1 < more.length; i += 2) {
            fields.add(Map.entry(more[i], more[i + 1]));
        }
        return fields;
    }

    private static String id(HttpResponse<String> created) {
        Matcher matcher = LOCATION_ID.matcher(created.headers().firstValue("Location").orElseThrow());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static String version(HttpResponse<String> page) {
        Matcher matcher = VERSION.matcher(page.body());
        assertThat(matcher.find()).as("the page has a version").isTrue();
        return matcher.group(1);
    }
}
