package org.raporto.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.raporto.browser.Browsers;
import org.raporto.browser.PageWatch;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Setup → enrol an authenticator app (the test computes its codes) → invite an analyst → the analyst opens the
 * account and signs in, in a real browser, in English for the administrator and Albanian for the analyst, with
 * axe-core on every page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class StaffBrowserTest {

    private static final String PASSWORD = "long enough and not common 2026";

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Clock clock;

    @Test
    void theFirstAdministratorInvitesAnAnalystWhoSignsIn() {
        BrowserContext adminContext = browsers.newContext(true, "en-US");
        PageWatch watch = new PageWatch(adminContext);
        Page admin = adminContext.newPage();
        admin.navigate(url("/staff/setup?token=" + accounts.setupToken(Duration.ofHours(1))));
        assertThat(admin).hasURL(url("/staff/setup"));
        PageWatch.assertAccessible(admin);
        admin.getByLabel("Name").fill("Arta Hoxha");
        admin.getByLabel("E-mail address").fill("arta.browser@example.org");
        admin.getByLabel("English").check();
        admin.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        admin.getByLabel("Password again").fill(PASSWORD);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();

        enrol(admin, "Confirm", "I have kept them, continue");
        assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Overview"))).isVisible();
        PageWatch.assertAccessible(admin);

        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Accounts").setExact(true)).first().click();
        PageWatch.assertAccessible(admin);
        admin.getByLabel("Name").fill("Besa Analiste");
        admin.getByLabel("E-mail address").fill("besa.browser@example.org");
        admin.getByLabel("Albanian (Shqip)").check();
        admin.getByLabel("Analyst").check();
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invite")).click();
        String link = admin.locator("#invitation-link").textContent().strip();
        PageWatch.assertAccessible(admin);
        for (String page : new String[] {"/staff/admin/categories", "/staff/admin/categories/cyberbullying", "/staff/admin/settings",
                "/staff/admin/audit", "/staff/admin/outbox", "/staff/account/password"}) {
            admin.navigate(url(page));
            PageWatch.assertAccessible(admin);
        }
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Accounts").setExact(true)).first().click();
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Besa Analiste")).click();
        PageWatch.assertAccessible(admin);
        watch.assertClean();

        BrowserContext analystContext = browsers.newContext(true, "sq-AL");
        PageWatch analystWatch = new PageWatch(analystContext);
        Page analyst = analystContext.newPage();
        analyst.navigate(url(link.substring(link.indexOf("/staff/invitation"))));
        assertThat(analyst.locator("main")).containsText("Besa Analiste");
        PageWatch.assertAccessible(analyst);
        analyst.getByLabel("Fjalëkalimi", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        analyst.getByLabel("Fjalëkalimi përsëri").fill(PASSWORD);
        analyst.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vazhdo")).click();
        enrol(analyst, "Konfirmo", "I kam ruajtur, vazhdo");
        assertThat(analyst.locator("main")).containsText("Mirë se erdhët, Besa Analiste");
        assertThat(analyst.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Llogaritë"))).hasCount(0);
        PageWatch.assertAccessible(analyst);
        analystWatch.assertClean();
    }

    private void enrol(Page page, String confirm, String kept) {
        PageWatch.assertAccessible(page);
        String secret = page.locator("#secret").textContent();
        String code = Totp.code(Base32.decode(secret), Totp.step(clock.instant()));
        page.locator("#code").fill(code);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(confirm)).click();
        assertThat(page.locator("#recovery-codes li")).hasCount(10);
        PageWatch.assertAccessible(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(kept)).click();
        assertThat(page).hasURL(Pattern.compile(".*/staff/$"));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
