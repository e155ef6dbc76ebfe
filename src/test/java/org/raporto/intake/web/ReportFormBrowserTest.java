package org.raporto.intake.web;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.raporto.browser.Browsers;
import org.raporto.browser.PageWatch;
import org.raporto.shared.Language;
import org.raporto.shared.i18n.Messages;
import org.raporto.shared.image.TestImages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report made in the browser as a person makes it, in each language, with and without JavaScript: with a
 * screenshot, and with the proof of work that the browser solves where JavaScript runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "raporto.intake.proof-of-work.enabled=true")
class ReportFormBrowserTest {

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Messages messages;

    private PageWatch watch;

    @ParameterizedTest
    @CsvSource({
            "sq, true,  Fillo raportimin, Ngacmim, Vazhdo, Dërgo raportin, Sot, 13–15 vjeç, Prind ose kujdestar, Jo, Kthehu, Gabim:, Ndiqni raportin, Kodi i raportit, Hap raportin, Shkruani linjës, Dërgo mesazhin, E kemi marrë",
            "en, false, Start reporting, Cyberbullying, Continue, Send the report, Today, 13 to 15, A parent or guardian, No, Back, Error:, Reported before, Report code, Open the report, Write to the hotline, Send the message, Received",
            "sq, false, Fillo raportimin, Ngacmim, Vazhdo, Dërgo raportin, Sot, 13–15 vjeç, Prind ose kujdestar, Jo, Kthehu, Gabim:, Ndiqni raportin, Kodi i raportit, Hap raportin, Shkruani linjës, Dërgo mesazhin, E kemi marrë",
            "en, true,  Start reporting, Cyberbullying, Continue, Send the report, Today, 13 to 15, A parent or guardian, No, Back, Error:, Reported before, Report code, Open the report, Write to the hotline, Send the message, Received",
    })
    void aReportIsMadeStepByStepAcknowledgedWithAReceiptAndFollowedUpWithIt(String language, boolean javaScript, String start,
            String category, String next, String send, String today, String age, String parent, String anonymous, String back,
            String errorTitle, String followUpLink, String codeLabel, String open, String writeLabel, String sendMessage, String received) {
        BrowserContext context = browsers.newContext(javaScript, "en-US");
        watch = new PageWatch(context);
        Page page = context.newPage();
        page.navigate(url("/" + language + "/raporto"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(start)).first().click();
        String formAddress = page.url();
        accessible(page, javaScript);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(next)).click();
        assertThat(page).hasTitle(java.util.regex.Pattern.compile("^" + errorTitle));
        accessible(page, javaScript);
        page.getByLabel(category).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(next)).click();

        page.locator("#urls").fill("javascript:alert(1)");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(next)).click();
        assertThat(page.locator("#urls")).hasValue("javascript:alert(1)");
        accessible(page, javaScript);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(back)).click();
        assertThat(page.getByLabel(category)).isChecked();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(next)).click();
        page.locator("#urls").fill("example.com/post/1?utm_source=share\nhttps://example.org/u/bully");
        // Enter in a field means Continue, never Back.
        page.locator("#account").press("Enter");

        page.locator("#description").fill("Çdo ditë i shkruajnë fjalë fyese — <script>alert('x')</script>");
        page.getByLabel(today).check();
        page.getByLabel(age).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(next)).click();

        Language lang = Language.fromCode(language).orElseThrow();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(messages.get(lang, "report.step.SCREENSHOTS.title")))).isVisible();
        accessible(page, javaScript);
        page.getByLabel(messages.get(lang, "report.screenshots.label")).setInputFiles(screenshot());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(messages.get(lang, "report.screenshots.add"))).click();
        assertThat(page.locator(".uploads")).containsText("320 × 200");
        accessible(page, javaScript);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(next)).click();
        accessible(page, javaScript);
        page.getByLabel(parent).check();
        page.getByLabel(java.util.regex.Pattern.compile("^" + anonymous)).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(next)).click();

        assertThat(page.locator("dl.summary")).containsText("https://example.org/u/bully");
        assertThat(page.locator("dl.summary")).containsText("<script>alert('x')</script>");
        accessible(page, javaScript);
        assertThat(page.url()).as("one address for every step").isEqualTo(formAddress);
        solved(page, javaScript);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(send)).click();

        String receipt = page.locator("#receipt-code").textContent().strip();
        assertThat(receipt).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{5}");
        String reference = page.locator(".reference").textContent().replaceAll(".*(R-\\d{4}-\\d{6}).*", "$1");
        accessible(page, javaScript);
        assertThat(page.url()).isEqualTo(formAddress);
        assertThat(jdbc.sql("SELECT count(*) FROM intake_report WHERE reference = ?").param(reference).query(Integer.class).single()).isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM intake_attachment a JOIN intake_report r ON r.id = a.report_id WHERE r.reference = ?")
                .param(reference).query(Integer.class).single()).isOne();

        // Later, in a new browser session, with the receipt typed by hand.
        context = browsers.newContext(javaScript, "en-US");
        watch = new PageWatch(context);
        page = context.newPage();
        page.navigate(url("/" + language + "/raporto"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile(followUpLink))).click();
        accessible(page, javaScript);
        page.getByLabel(codeLabel).fill(receipt.toLowerCase().replace("-", " "));
        solved(page, javaScript);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(open)).click();
        assertThat(page.locator(".reference")).containsText(reference);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(received))).isVisible();
        assertThat(page.url()).doesNotContain(receipt).doesNotContain(receipt.replace("-", ""));
        accessible(page, javaScript);
        page.getByLabel(writeLabel).fill("Ka shkruar përsëri sot.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(sendMessage)).click();
        assertThat(page.locator(".message__text")).hasText("Ka shkruar përsëri sot.");
        accessible(page, javaScript);
        watch.assertClean();
    }

    /** Where JavaScript runs, the widget solves the proof of work as the page loads; a person takes longer to read. */
    private static void solved(Page page, boolean javaScript) {
        if (javaScript) {
            page.waitForFunction("() => { const proof = document.querySelector('input[name=altcha]'); return proof && proof.value; }");
        }
    }

    private static Path screenshot() {
        try {
            Path file = Files.createTempFile("screenshot", ".png");
            Files.write(file, TestImages.png(320, 200, Color.ORANGE));
            file.toFile().deleteOnExit();
            return file;
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void accessible(Page page, boolean javaScript) {
        if (javaScript) {
            PageWatch.assertAccessible(page);
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

}
