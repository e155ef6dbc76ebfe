package org.raporto.casework.web;

import java.awt.Color;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.raporto.browser.Browsers;
import org.raporto.browser.PageWatch;
import org.raporto.identity.Role;
import org.raporto.identity.StaffAccounts;
import org.raporto.identity.TestStaff;
import org.raporto.intake.AgeBand;
import org.raporto.intake.Channel;
import org.raporto.intake.Contact;
import org.raporto.intake.Happened;
import org.raporto.intake.NewReport;
import org.raporto.intake.Platform;
import org.raporto.intake.ReportIntake;
import org.raporto.intake.ReportedItem;
import org.raporto.intake.ReporterRole;
import org.raporto.intake.Screenshots;
import org.raporto.shared.Language;
import org.raporto.shared.image.TestImages;
import org.raporto.tracing.CanonicalUrl;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An analyst handles a report in a real browser: take next → assess with the keyboard → reply → close, in Albanian
 * with JavaScript and axe-core on each page; and the same with plain forms and no JavaScript, in English.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseworkBrowserTest {

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    ReportIntake intake;

    @Autowired
    Screenshots screenshots;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAnalystTakesAssessesAnswersAndClosesAReportWithTheKeyboard() {
        // Nothing else waits, so "take next" takes this report.
        jdbc.sql("UPDATE casework_case SET status = 'CLOSED', close_reason = 'NOT_ACTIONABLE', assignee = NULL, assignee_name = NULL, claimed_at = NULL WHERE status = 'NEW'").update();
        UUID upload = screenshots.upload(TestImages.png(64, 48, Color.MAGENTA)).upload();
        String reference = submit("cyberbullying", List.of(upload));
        BrowserContext context = browsers.newContext(true, "sq-AL");
        PageWatch watch = new PageWatch(context);
        Page page = signIn(context, EnumSet.of(Role.ANALYST, Role.SUPERVISOR), Language.SQ);

        page.navigate(url("/staff/cases"));
        PageWatch.assertAccessible(page);
        page.keyboard().press("t");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Raporti " + reference))).isVisible();
        PageWatch.assertAccessible(page);
        assertThat(page.locator(".screenshot img")).hasCSS("filter", Pattern.compile(".*blur.*grayscale.*"));
        page.getByLabel("Shfaqni pamjen e ekranit 1").check();
        assertThat(page.locator(".screenshot img")).hasCSS("filter", "none");

        page.keyboard().press("a");
        page.keyboard().press("1");
        page.keyboard().press("s");
        assertThat(page).hasTitle(Pattern.compile("^Gabim: "));
        assertThat(page.locator(".error-summary")).containsText("grupmoshën, gjininë, llojin e faqes");
        PageWatch.assertAccessible(page);

        page.keyboard().press("a");
        page.keyboard().press("3");
        page.keyboard().press("s");
        assertThat(page.locator(".case-facts").first()).containsText("I vlerësuar");
        assertThat(page.locator("#items")).containsText("I dëmshëm, jo i paligjshëm");
        PageWatch.assertAccessible(page);

        page.keyboard().press("r");
        page.keyboard().type("Faleminderit, e kemi njoftuar platformën.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Dërgoni")).click();
        assertThat(page.locator(".messages").first()).containsText("Faleminderit, e kemi njoftuar platformën.");

        page.getByLabel("Arsyeja e mbylljes").selectOption("NOT_ACTIONABLE");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mbyllni raportin")).click();
        assertThat(page.locator(".case-facts").first()).containsText("I mbyllur");
        assertThat(page.locator(".timeline")).containsText("U dërgua përgjigjja");
        PageWatch.assertAccessible(page);

        page.navigate(url("/staff/cases/late"));
        PageWatch.assertAccessible(page);
        page.navigate(url("/staff/cases?status=CLOSED&q=" + reference));
        assertThat(page.locator("table.queue")).containsText(reference);
        PageWatch.assertAccessible(page);

        page.navigate(url("/staff/iccam/export"));
        PageWatch.assertAccessible(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Shkarko")).click();
        assertThat(page).hasTitle(Pattern.compile("^Gabim: "));
        PageWatch.assertAccessible(page);
        page.navigate(url("/staff/iccam/import"));
        PageWatch.assertAccessible(page);
        page.getByLabel("Skedari (JSON ose CSV, deri në 1 MB)").setInputFiles(new com.microsoft.playwright.options.FilePayload("dërguar.csv", "text/csv",
                "hotlineReference,hotlineReceivedDate,urlString,classification\nBE-1,dje,https://a.example/,9\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kontrollo skedarin")).click();
        assertThat(page.locator(".error-summary")).containsText("Rreshti 2");
        PageWatch.assertAccessible(page);
        watch.assertClean();
    }

    /** axe-core cannot run where scripts may not, so this path is checked for what it does; the one above for axe. */
    @Test
    void withoutJavaScriptAnAnalystClassifiesAndClosesWithPlainForms() {
        String reference = submit("hate-speech", List.of());
        BrowserContext context = browsers.newContext(false, "en-GB");
        PageWatch watch = new PageWatch(context);
        Page page = signIn(context, EnumSet.of(Role.ANALYST), Language.EN);

        page.navigate(url("/staff/cases?q=" + reference));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Take this report")).click();
        page.getByLabel("Select item 1").check();
        page.getByLabel("1. Child sexual abuse material (baseline)").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Classify the selected items")).click();
        assertThat(page).hasTitle(Pattern.compile("^Error: "));
        assertThat(page.locator(".error-summary")).containsText("choose age group, gender, site type");

        page.getByLabel("Select item 1").check();
        page.getByLabel("Select item 2").check();
        page.getByLabel("2. Illegal under Albanian law").check();
        page.getByLabel("Kind of harm").selectOption("hate-speech");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Classify the selected items")).click();
        assertThat(page.locator(".case-facts").first()).containsText("Assessed");
        page.getByLabel("Reason for closing").selectOption("OUT_OF_REMIT");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close the report")).click();
        assertThat(page.locator(".case-facts").first()).containsText("Closed — Out of remit");
        watch.assertClean();
    }

    private Page signIn(BrowserContext context, Set<Role> roles, Language language) {
        return TestStaff.signIn(context, port, TestStaff.active(accounts, roles, language, true), "/staff/");
    }

    private String submit(String category, List<UUID> uploads) {
        return intake.submit(new NewReport(category, List.of(new ReportedItem.Address(CanonicalUrl.parse("https://browser-case.example/" + UUID.randomUUID())),
                new ReportedItem.Account(Platform.INSTAGRAM, "bully_account")), "Më ngacmojnë çdo ditë.", Happened.THIS_WEEK, AgeBand.FROM_13_TO_15,
                ReporterRole.CHILD, new Contact(Contact.Kind.EMAIL, "femija@example.org"), uploads), Channel.WEB, Language.SQ, UUID.randomUUID()).reference();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
