package org.raporto.intake.web;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.raporto.web.FormClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The report form over HTTP, with what browsers and attackers send. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ReportFormTest {

    private static final String FORM = "/en/raporto/form";
    private static final String SECRET = "secret-text-7e2a";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private FormClient form;

    @BeforeEach
    void openTheForm() throws Exception {
        form = new FormClient(port, FORM);
        assertThat(get(FORM).headers().firstValue("Cache-Control")).hasValueSatisfying(cache -> assertThat(cache).contains("no-store"));
    }

    @Test
    void aCompleteReportIsStoredOnceEvenWhenSentTwice(CapturedOutput output) throws Exception {
        walkToCheck();
        assertThat(post(Map.of("step", "CHECK", "action", "send")).statusCode()).isEqualTo(303);
        assertThat(post(Map.of("step", "CHECK", "action", "send")).statusCode()).as("a double click").isEqualTo(303);
        String done = get(FORM).body();
        Matcher reference = Pattern.compile("R-\\d{4}-\\d{6}").matcher(done);
        assertThat(reference.find()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM intake_report WHERE reference = ?").param(reference.group()).query(Integer.class).single()).isOne();
        Matcher receipt = Pattern.compile("id=\"receipt-code\">([^<]+)<").matcher(done);
        assertThat(receipt.find()).isTrue();

        HttpResponse<String> file = form.post(FORM + "/receipt", Map.of());
        assertThat(file.headers().firstValue("Content-Disposition")).hasValueSatisfying(value -> assertThat(value).contains("attachment"));
        assertThat(file.body()).contains(receipt.group(1), reference.group());

        assertThat(post(Map.of("action", "done")).headers().firstValue("Location")).hasValue("/en/");
        assertThat(get(FORM).body()).as("the receipt cannot be shown again").doesNotContain(receipt.group(1));
        assertThat(output.getAll()).doesNotContain(SECRET, receipt.group(1), receipt.group(1).replace("-", ""));
    }

    @Test
    void aPostWithoutTheFormsTokenIsRefusedAndStoresNothing() throws Exception {
        int before = reports();
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(form.uri(FORM))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("step=CATEGORY&category=csam")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(reports()).isEqualTo(before);
    }

    @Test
    void hostileAnswersAreShownBackEscapedAndNeverFailTheServer() throws Exception {
        int before = reports();
        post(Map.of("step", "CATEGORY", "category", "cyberbullying"));
        String[] hostile = {"<script>alert(1)</script>", "'; DROP TABLE intake_report; --", "../../../etc/passwd",
                "\u0000\u0001\u0002", "\uD83D\uDE00".repeat(3000), "x".repeat(200_000), "%00%FF", "https://" + "a".repeat(300) + ".com",
                "\uFEFF\u202E", "javascript:alert(document.cookie)"};
        for (String value : hostile) {
            HttpResponse<String> answer = post(Map.of("step", "WHERE", "urls", value, "platform", value, "account", value));
            // Forms over 256 KB are refused whole (413) with the localised error page; no one types that much.
            assertThat(answer.statusCode()).as(value.substring(0, Math.min(20, value.length()))).isIn(200, 303, 413);
            if (answer.statusCode() == 413) {
                assertThat(answer.body()).contains("The request could not be processed").doesNotContain("Exception");
            }
            assertThat(answer.body()).doesNotContain("<script>alert(1)</script>");
            if (answer.statusCode() == 303) {
                post(Map.of("step", "WHAT", "action", "back"));
            }
        }
        for (String step : new String[] {"WHAT", "ABOUT_YOU", "CHECK", "DONE", "NOPE", ""}) {
            HttpResponse<String> answer = post(Map.of("step", step, "description", "x".repeat(100_000), "happened", "<b>",
                    "childAge", "' OR 1=1", "reporterRole", "ADMIN", "contactChoice", "EMAIL", "email", "<a@b>", "consent", "yes"));
            assertThat(answer.statusCode()).as(step).isIn(200, 303, 413);
        }
        assertThat(reports()).as("nothing was stored").isEqualTo(before);
    }

    @Test
    void aFieldNoFormHasIsIgnoredEvenWhenItsNameIsNoText() throws Exception {
        // Found by the fuzz tests: a name with a control character made Spring Security's firewall throw, a 500.
        post(Map.of("step", "CATEGORY", "category", "cyberbullying"));

        HttpResponse<String> refused = post(Map.of("step", "WHERE", "urls", "javascript:alert(1)", "\u001B\u0015", "x", "\uFFFF", "y"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("<title>Error: Where is it?", "javascript:alert(1)</textarea>");

        HttpResponse<String> taken = post(Map.of("step", "WHERE", "urls", "https://example.org/a", "\u0000", "x"));
        assertThat(taken.statusCode()).isEqualTo(303);
        assertThat(get(FORM).body()).contains("<h1>What happened?</h1>");
    }

    @Test
    void anAnswerChangedInAnotherTabIsAskedForAgainRatherThanBreakingTheCheckPage() throws Exception {
        // Found by the fuzz tests: the check page was shown with a "when" no one had chosen, and failed with a 500.
        walkToCheck();
        // A second tab of the same browser, still at "What happened?", is sent without a choice.
        assertThat(post(Map.of("step", "WHAT", "description", SECRET, "happened", "", "childAge", "UNDER_13")).statusCode()).isEqualTo(200);

        HttpResponse<String> about = post(Map.of("step", "ABOUT_YOU", "reporterRole", "CHILD", "contactChoice", "ANONYMOUS"));
        HttpResponse<String> page = about.statusCode() == 303 ? get(FORM) : about;

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Error: What happened?", "Choose when you saw it.", SECRET);
    }

    @Test
    void aCategoryThatNeedsAnAddressIsNotPassedWithoutOne() throws Exception {
        post(Map.of("step", "CATEGORY", "category", "csam"));
        HttpResponse<String> where = post(Map.of("step", "WHERE", "platform", "TELEGRAM", "account", "someone"));
        assertThat(where.statusCode()).isEqualTo(200);
        assertThat(where.body()).contains("<title>Error: Where is it?", "we need the address (URL)");
        assertThat(where.body()).contains(">someone<".replace(">someone<", "value=\"someone\""));
    }

    private void walkToCheck() throws Exception {
        assertThat(post(Map.of("step", "CATEGORY", "category", "cyberbullying")).statusCode()).isEqualTo(303);
        assertThat(post(Map.of("step", "WHERE", "urls", "example.com/a\nhttps://example.org/b", "platform", "TIKTOK", "account", "@x")).statusCode()).isEqualTo(303);
        assertThat(post(Map.of("step", "WHAT", "description", SECRET, "happened", "TODAY", "childAge", "UNDER_13")).statusCode()).isEqualTo(303);
        assertThat(post(Map.of("step", "ABOUT_YOU", "reporterRole", "CHILD", "contactChoice", "ANONYMOUS")).statusCode()).isEqualTo(303);
        assertThat(get(FORM).body()).contains("Check your answers", "https://example.org/b", SECRET);
    }

    private int reports() {
        return jdbc.sql("SELECT count(*) FROM intake_report").query(Integer.class).single();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return form.get(path);
    }

    private HttpResponse<String> post(Map<String, String> fields) throws Exception {
        return form.post(fields);
    }
}
