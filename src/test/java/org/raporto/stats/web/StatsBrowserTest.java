package org.raporto.stats.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.raporto.browser.Browsers;
import org.raporto.browser.PageWatch;
import org.raporto.identity.Role;
import org.raporto.identity.StaffAccounts;
import org.raporto.identity.TestStaff;
import org.raporto.shared.Language;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A supervisor chooses a period on the dashboard without JavaScript, and the dashboard (with its error), and the
 * public statistics pass axe-core in Albanian and English and ask no other host.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatsBrowserTest {

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void reportsInFebruary2024() {
        String[][] reports = {{"hate-speech", "false", "{DE}"}, {"csam", "true", "{NL}"}, {"cyberbullying", "false", "{}"}, {"fraud", "false", "{AL}"}};
        for (int i = 0; i < 12; i++) {
            String[] report = reports[i % reports.length];
            Instant received = Instant.parse("2024-02-" + String.format("%02d", i + 1) + "T09:00:00Z");
            jdbc.sql("""
                    INSERT INTO stats_report (report_id, received_at, category_code, channel, reporter_role, age_band, platforms, outcome,
                        csam, case_status, illegal_countries, illegal_networks, first_look_at, assessed_at, removed_at, refreshed_at)
                    VALUES (?, ?, ?, 'WEB', 'PARENT', 'UNDER_13', '{TIKTOK}', 'NATIONAL_ILLEGAL', ?, 'CLOSED', CAST(? AS text[]),
                        '{"AS64500 Example Net"}', ?, ?, ?, now())""")
                    .params(UUID.randomUUID(), Timestamp.from(received), report[0], Boolean.parseBoolean(report[1]), report[2],
                            Timestamp.from(received.plusSeconds(3600L * (i + 1))), Timestamp.from(received.plusSeconds(7200L * (i + 1))),
                            Timestamp.from(received.plusSeconds(36000L * (i + 1))))
                    .update();
        }
    }

    @Test
    void aSupervisorChoosesAPeriodWithoutJavaScript() {
        for (Language language : Language.values()) {
            boolean sq = language == Language.SQ;
            TestStaff.Account account = TestStaff.active(accounts, Set.of(Role.SUPERVISOR), language, true);
            BrowserContext context = browsers.newContext(false, sq ? "sq-AL" : "en-GB");
            PageWatch watch = new PageWatch(context);
            Page page = TestStaff.signIn(context, port, account, "/staff/");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(sq ? "Statistikat" : "Statistics").setExact(true)).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(sq ? "Statistikat" : "Statistics");
            page.getByLabel(sq ? "Nga" : "From", new Page.GetByLabelOptions().setExact(true)).fill("2024-02-01");
            page.getByLabel(sq ? "Deri (përfshirë)" : "To (included)").fill("2024-02-29");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(sq ? "Shfaq" : "Show")).click();
            assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName(sq ? "Raportimet sipas kategorisë" : "Reports by category")))
                    .isVisible();
            assertThat(page.locator("svg.stats-chart__svg").first()).isVisible();

            page.getByLabel(sq ? "Nga" : "From", new Page.GetByLabelOptions().setExact(true)).fill("2024-03-01");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(sq ? "Shfaq" : "Show")).click();
            assertThat(page).hasTitle(Pattern.compile(sq ? "^Gabim: " : "^Error: "));
            assertThat(page.getByRole(AriaRole.REGION)).containsText(sq ? "Data e mbarimit është para datës së fillimit." : "The end date is before the start date.");
            watch.assertClean();
        }
    }

    @Test
    void theDashboardAndThePublicStatisticsAreAccessibleInBothLanguages() {
        for (Language language : Language.values()) {
            boolean sq = language == Language.SQ;
            TestStaff.Account account = TestStaff.active(accounts, Set.of(Role.SUPERVISOR), language, true);
            BrowserContext context = browsers.newContext(true, sq ? "sq-AL" : "en-GB");
            PageWatch watch = new PageWatch(context);
            Page page = TestStaff.signIn(context, port, account, "/staff/");
            for (String path : List.of("/staff/stats?from=2024-02-01&to=2024-02-29", "/staff/stats?from=2024-02-29&to=2024-02-01",
                    sq ? "/sq/statistika?year=2024" : "/en/statistics?year=2024", sq ? "/sq/statistika?year=x" : "/en/statistics?year=x")) {
                page.navigate(url(path));
                PageWatch.assertAccessible(page);
            }
            watch.assertClean();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
