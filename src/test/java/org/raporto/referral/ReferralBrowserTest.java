package org.raporto.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.raporto.audit.Actor;
import org.raporto.browser.Browsers;
import org.raporto.browser.PageWatch;
import org.raporto.casework.Analyst;
import org.raporto.casework.Assessments;
import org.raporto.casework.CaseFiles;
import org.raporto.casework.Cases;
import org.raporto.identity.Role;
import org.raporto.identity.StaffAccounts;
import org.raporto.identity.TestStaff;
import org.raporto.intake.ReportId;
import org.raporto.intake.ReportIntake;
import org.raporto.shared.Language;
import org.raporto.testing.FreePorts;
import org.raporto.testing.LoopbackSmtp;
import org.raporto.testing.LoopbackWebServer;
import org.raporto.testing.MondayMorning;
import org.raporto.testing.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Referral in a real browser, on real parts: the notices go through the outbox to an SMTP server of the test's own
 * (GreenMail), the referred address is on a web server of the test's own (loopback), and time passes by moving the
 * server's clock. The analyst refers a report of child sexual abuse material to the police and to its host, the host's
 * notice held for the police; the police's partner answers in the portal; the host's notice follows an hour later;
 * the page goes; the online checks time its removal, which the referral page and the case's timeline show. That path
 * with plain forms and no JavaScript; the pages with JavaScript and axe-core, in Albanian and English.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"raporto.referral.checks.enabled=false",
        "raporto.tracing.worker.enabled=false", "raporto.outbound.offline=false", "raporto.outbound.allow-private=true",
        "raporto.outbound.per-host-interval=0s", "raporto.outbound.read-timeout=1s", "raporto.outbound.total-timeout=3s",
        "raporto.notification.delivery.interval=100ms", "logging.level.com.icegreen.greenmail=warn"})
@DirtiesContext
@Import(MondayMorning.class)
class ReferralBrowserTest {

    private static final int SMTP_PORT = FreePorts.loopback();
    private static final LoopbackWebServer site = new LoopbackWebServer();
    private static final Duration CHECK_ROUND = Duration.ofMinutes(76);
    private static final String POLICE = "al-police-cybercrime";
    private static final String POLICE_EMAIL = "cybercrime@asp.example";
    private static final String HOST = "host-loopback";
    private static final String HOST_EMAIL = "abuse@loopback.example";

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @RegisterExtension
    static final GreenMailExtension smtp = LoopbackSmtp.server(SMTP_PORT);

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        LoopbackSmtp.register(registry, SMTP_PORT);
    }

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    ReportIntake intake;

    @Autowired
    Cases cases;

    @Autowired
    Assessments assessments;

    @Autowired
    CaseFiles files;

    @Autowired
    Agencies agencies;

    @Autowired
    Referrals referrals;

    @Autowired
    AgencyNotices notices;

    @Autowired
    OnlineCheckJob checks;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @AfterAll
    static void stopSite() {
        site.close();
    }

    /** axe-core cannot run where scripts may not, so this path is checked for what it does; the next test for axe. */
    @Test
    void withoutJavaScriptThePoliceAgreeToTheHostsNoticeAndTheRemovalIsTimedOnTheCasePages() throws Exception {
        site.status("/album/7.jpg", 200);
        String url = site.url("/album/7.jpg").toString();
        TestStaff.Account staff = TestStaff.active(accounts, Set.of(Role.ANALYST), Language.EN, true, null, clock.instant());
        Analyst analyst = analyst(staff);
        ReportId id = assessedCsam(url, analyst);
        String reference = reference(id);
        agencies.save(new Agency(HOST, AgencyKind.HOSTING_PROVIDER, "Loopback Hosting", "AL", List.of("en"), List.of(HOST_EMAIL), false, "",
                true, null, null, null, List.of()), true, new Actor(UUID.randomUUID(), "Admin"));
        BrowserContext analystContext = browsers.newContext(false, "en-GB");
        PageWatch analystWatch = new PageWatch(analystContext);
        Page page = TestStaff.signIn(analystContext, port, staff, "/staff/");

        page.navigate(url("/staff/cases/" + id.value() + "/referrals"));
        Locator police = page.getByLabel("Refer to " + policeName());
        assertThat(police).isChecked();
        police.uncheck();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refer").setExact(true)).click();
        assertThat(page).hasTitle(Pattern.compile("^Error: "));
        assertThat(errorSummary(page, "There is a problem")).containsText("Choose at least one agency.");
        assertThat(police).not().isChecked();

        police.check();
        Locator other = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Another agency"));
        other.getByLabel("Agency", new Locator.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setLabel("Hosting provider: Loopback Hosting (AL)"));
        other.getByLabel("item 1", new Locator.GetByLabelOptions().setExact(true)).check();
        other.getByLabel("Hold the notice until the police agree").check();
        Instant referred = clock.instant();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refer").setExact(true)).click();
        assertThat(page).hasTitle(Pattern.compile("^(?!Error)"));
        Locator made = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Referrals made"));
        assertThat(referralTo(made, "Loopback Hosting")).containsText("The notice waits for the police to agree.");
        assertThat(referralTo(made, policeName())).isVisible();

        notices.sendDue();
        MimeMessage toPolice = mailTo(POLICE_EMAIL, reference);
        content(toPolice).contains(url);
        Referral policeReferral = sent(id, analyst, POLICE);
        Referral hostReferral = referral(id, analyst, HOST);
        clock.advance(Duration.ofMinutes(1));
        checks.checkDue();

        TestStaff.Account policeAccount = TestStaff.active(accounts, Set.of(Role.PARTNER), Language.EN, false, POLICE, clock.instant());
        BrowserContext partnerContext = browsers.newContext(false, "en-GB");
        PageWatch partnerWatch = new PageWatch(partnerContext);
        Page partner = TestStaff.signIn(partnerContext, port, policeAccount, "/partner/");
        Locator listed = partner.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(reference));
        // The police's referral, not the host's of the same report.
        assertThat(listed).hasCount(1);
        assertThat(listed).containsText("Sent");
        Response another = partner.navigate(url("/partner/referrals/" + hostReferral.id()));
        Assertions.assertThat(another.status()).as("another agency's referral").isEqualTo(404);
        Assertions.assertThat(partner.content()).doesNotContain(url);

        partner.navigate(url("/partner/"));
        partner.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference)).click();
        assertThat(partner.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Referral " + reference))).isVisible();
        assertThat(partner.locator("main")).containsText(url);
        partner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("We have it")).click();
        assertThat(partner.locator("main")).containsText("Acknowledged");
        assertThat(partner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("We have it"))).hasCount(0);

        partner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Agree to the notice")).click();
        Instant agreed = clock.instant();
        partner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the answer")).click();
        assertThat(partner).hasTitle(Pattern.compile("^Error: "));
        assertThat(errorSummary(partner, "There is a problem")).containsText("Choose what was done.");
        partner.getByLabel("Investigation opened").check();
        partner.getByLabel("Reason or note").fill("Hetimi nr. 42/2026");
        partner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the answer")).click();
        assertThat(partner.locator("main")).containsText("Investigation opened: Hetimi nr. 42/2026");
        assertThat(partner.locator("main")).containsText("Actioned");
        partnerWatch.assertClean();

        clock.advance(Duration.ofMinutes(59));
        Assertions.assertThat(notices.sendDue()).as("not yet an hour after the police agreed").isZero();
        clock.advance(Duration.ofMinutes(1));
        notices.sendDue();
        MimeMessage toHost = mailTo(HOST_EMAIL, reference);
        content(toHost).contains(url).doesNotContain(Fixtures.DESCRIPTION);
        Assertions.assertThat(sent(id, analyst, HOST).sentAt()).isEqualTo(agreed.plus(Duration.ofHours(1)));

        site.status("/album/7.jpg", 404);
        clock.advance(CHECK_ROUND);
        Instant firstGone = clock.instant();
        checks.checkDue();
        clock.advance(CHECK_ROUND);
        checks.checkDue();
        clock.advance(CHECK_ROUND);
        checks.checkDue();

        Duration toRemoval = Duration.between(referred, firstGone);
        String removedAfter = "removed after " + toRemoval.toHours() + " h " + toRemoval.toMinutesPart() + " min";
        page.navigate(url("/staff/cases/" + id.value() + "/referrals"));
        Locator item = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Items that can be referred"))
                .getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(url));
        assertThat(item).containsText("Removed — " + removedAfter);
        assertThat(referralTo(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Referrals made")), policeName()))
                .containsText("Investigation opened: Hetimi nr. 42/2026");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Report " + reference)).click();
        Locator timeline = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("What happened"));
        assertThat(timeline).containsText("The police agreed to the notice");
        assertThat(timeline.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText("Content removed")))
                .containsText("item 1 · " + removedAfter);
        Assertions.assertThat(mailsTo(HOST_EMAIL, reference)).as("the host was told once").isOne();
        analystWatch.assertClean();
    }

    @Test
    void theReferralPartnerAndDirectoryPagesPassAxeInAlbanianAndEnglish() throws Exception {
        site.status("/axe/1.jpg", 200);
        String url = site.url("/axe/1.jpg").toString();
        Set<Role> staffRoles = EnumSet.of(Role.ADMIN, Role.ANALYST);
        TestStaff.Account albanian = TestStaff.active(accounts, staffRoles, Language.SQ, true, null, clock.instant());
        TestStaff.Account english = TestStaff.active(accounts, staffRoles, Language.EN, true, null, clock.instant());
        TestStaff.Account partnerSq = TestStaff.active(accounts, Set.of(Role.PARTNER), Language.SQ, false, POLICE, clock.instant());
        TestStaff.Account partnerEn = TestStaff.active(accounts, Set.of(Role.PARTNER), Language.EN, false, POLICE, clock.instant());
        Analyst analyst = analyst(albanian);
        ReportId id = assessedCsam(url, analyst);
        String reference = reference(id);
        String referralPage = "/staff/cases/" + id.value() + "/referrals";

        BrowserContext sqContext = browsers.newContext(true, "sq-AL");
        PageWatch sqWatch = new PageWatch(sqContext);
        Page sq = TestStaff.signIn(sqContext, port, albanian, "/staff/");
        sq.navigate(url(referralPage));
        PageWatch.assertAccessible(sq);
        Locator police = sq.getByLabel("Referoni te " + policeName());
        police.uncheck();
        sq.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Referoni").setExact(true)).click();
        assertThat(sq).hasTitle(Pattern.compile("^Gabim: "));
        assertThat(errorSummary(sq, "Ka një problem")).containsText("Zgjidhni të paktën një agjenci.");
        PageWatch.assertAccessible(sq);
        police.check();
        sq.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Referoni").setExact(true)).click();
        assertThat(referralTo(sq.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Referimet e bëra")), policeName())).isVisible();
        PageWatch.assertAccessible(sq);

        notices.sendDue();
        mailTo(POLICE_EMAIL, reference);
        sent(id, analyst, POLICE);
        BrowserContext enContext = browsers.newContext(true, "en-GB");
        PageWatch enWatch = new PageWatch(enContext);
        Page en = TestStaff.signIn(enContext, port, english, "/staff/");
        en.navigate(url(referralPage));
        assertThat(referralTo(en.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Referrals made")), policeName()))
                .containsText("Sent on");
        PageWatch.assertAccessible(en);

        // The list and an agency's form in both languages; the long routing table and the outbox, alike in both, in one each.
        for (Page admin : List.of(sq, en)) {
            for (String path : List.of("/staff/admin/agencies", "/staff/admin/agencies/" + POLICE, admin == sq ? "/staff/admin/routing"
                    : "/staff/admin/outbox")) {
                admin.navigate(url(path));
                PageWatch.assertAccessible(admin);
            }
        }
        en.navigate(url("/staff/admin/agencies/new"));
        PageWatch.assertAccessible(en);
        en.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(errorSummary(en, "There is a problem")).containsText("Type the name");
        PageWatch.assertAccessible(en);
        sqWatch.assertClean();
        enWatch.assertClean();

        for (TestStaff.Account account : List.of(partnerSq, partnerEn)) {
            boolean inAlbanian = account == partnerSq;
            BrowserContext context = browsers.newContext(true, inAlbanian ? "sq-AL" : "en-GB");
            PageWatch watch = new PageWatch(context);
            Page partner = TestStaff.signIn(context, port, account, "/partner/");
            assertThat(partner.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(reference))).hasCount(1);
            PageWatch.assertAccessible(partner);
            partner.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference)).click();
            assertThat(partner.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName((inAlbanian ? "Referimi " : "Referral ") + reference)))
                    .isVisible();
            PageWatch.assertAccessible(partner);
            partner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(inAlbanian ? "Dërgoni përgjigjen" : "Send the answer")).click();
            assertThat(errorSummary(partner, inAlbanian ? "Ka një problem" : "There is a problem"))
                    .containsText(inAlbanian ? "Zgjidhni çfarë u bë." : "Choose what was done.");
            PageWatch.assertAccessible(partner);
            watch.assertClean();
        }
    }

    /** A new report of child sexual abuse material at this address, assessed by this analyst and confirmed by another. */
    private ReportId assessedCsam(String url, Analyst analyst) {
        Fixtures fixtures = new Fixtures(intake, cases, assessments, files, jdbc);
        ReportId id = fixtures.submit("csam", url);
        fixtures.assess(id, Fixtures.CSAM, analyst, new Analyst(UUID.randomUUID(), "Drini", true, false));
        fixtures.ready(POLICE, POLICE_EMAIL);
        return id;
    }

    /** The analyst the account signs in as, to assess (and so hold) the case the browser then refers. */
    private static Analyst analyst(TestStaff.Account account) {
        return new Analyst(account.id(), "Analyst", true, false);
    }

    private String policeName() {
        return agencies.find(POLICE).orElseThrow().name();
    }

    private static Locator errorSummary(Page page, String title) {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(title));
    }

    /** A referral as the analyst's page shows it, by its agency's name. */
    private static Locator referralTo(Locator made, String agency) {
        return made.getByRole(AriaRole.ARTICLE).filter(new Locator.FilterOptions()
                .setHas(made.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(agency + " — "))));
    }

    private Referral referral(ReportId id, Analyst analyst, String agency) {
        return referrals.of(id, analyst).stream().filter(referral -> referral.agency().id().equals(agency)).findFirst().orElseThrow();
    }

    /** The referral once the delivery has recorded that the mail server took its first notice (just after it arrived). */
    private Referral sent(ReportId id, Analyst analyst, String agency) throws InterruptedException {
        for (int wait = 0; wait < 100 && referral(id, analyst, agency).status() == ReferralStatus.QUEUED; wait++) {
            Thread.sleep(100);
        }
        Referral referral = referral(id, analyst, agency);
        Assertions.assertThat(referral.status()).as("the mail server took it").isEqualTo(ReferralStatus.SENT);
        return referral;
    }

    private String reference(ReportId id) {
        return jdbc.sql("SELECT reference FROM casework_case WHERE report_id = ?").param(id.value()).query(String.class).single();
    }

    /** The notice about this report to this address, once the outbox has delivered it; both tests write to the police. */
    private static MimeMessage mailTo(String address, String reference) throws Exception {
        for (int wait = 0; wait < 150; wait++) {
            MimeMessage found = Arrays.stream(smtp.getReceivedMessages()).filter(message -> about(message, address, reference)).findFirst().orElse(null);
            if (found != null) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No notice about " + reference + " reached " + address);
    }

    private static long mailsTo(String address, String reference) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> about(message, address, reference)).count();
    }

    private static boolean about(MimeMessage message, String address, String reference) {
        try {
            return message.getAllRecipients()[0].toString().equals(address) && message.getSubject().contains(reference);
        }
        catch (MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static AbstractStringAssert<?> content(MimeMessage message) throws Exception {
        return Assertions.assertThat(message.getContent().toString());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
