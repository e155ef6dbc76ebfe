package org.raporto.content.web;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

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

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The editor flow in a real browser: one editor writes a guide, previews it and sends it for review, another publishes
 * it, and readers find it — with plain forms and no JavaScript. Every editorial page, its errors included, passes
 * axe-core in Albanian and English and asks no other host.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "raporto.content.seed-location=classpath:content/seed-sample/")
class EditorialBrowserTest {

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Test
    void oneEditorWritesAnotherPublishesAndReadersFindItWithoutJavaScript() {
        TestStaff.Account writerAccount = TestStaff.active(accounts, Set.of(Role.EDITOR), Language.SQ, false);
        TestStaff.Account reviewerAccount = TestStaff.active(accounts, Set.of(Role.EDITOR), Language.EN, false);
        BrowserContext writerContext = browsers.newContext(false, "sq-AL");
        PageWatch writerWatch = new PageWatch(writerContext);
        Page writer = TestStaff.signIn(writerContext, port, writerAccount, "/staff/");

        writer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Përmbajtja").setExact(true)).first().click();
        writer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Artikull i ri")).click();
        writer.getByLabel("Titulli").fill("Kur fëmija juaj luan lojëra në internet");
        writer.getByLabel("Teksti", new Page.GetByLabelOptions().setExact(true))
                .fill("## Çfarë të pyesni\n\nMe kë luan? **Flisni** për këtë çdo javë.\n\n<script>alert(1)</script>");
        writer.getByLabel("Për prindërit").check();
        writer.getByLabel("Lojërat në internet").check();
        writer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Parashikimi")).click();
        assertThat(writer.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Parashikimi i tekstit"))
                .getByRole(AriaRole.HEADING, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Çfarë të pyesni"))).isVisible();
        assertThat(writer.getByLabel("Titulli")).hasValue("Kur fëmija juaj luan lojëra në internet");
        writer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ruaje")).click();
        assertThat(writer.getByRole(AriaRole.STATUS)).hasText("U ruajt.");
        writer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Dërgoje për rishikim")).click();
        assertThat(writer.getByRole(AriaRole.STATUS)).hasText("U dërgua për rishikim.");
        assertThat(writer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publikoje"))).hasCount(0);
        String article = writer.url().replaceAll("\\?.*", "");
        writerWatch.assertClean();

        BrowserContext reviewerContext = browsers.newContext(false, "en-GB");
        PageWatch reviewerWatch = new PageWatch(reviewerContext);
        Page reviewer = TestStaff.signIn(reviewerContext, port, reviewerAccount, "/staff/");
        reviewer.navigate(url("/staff/content?shown=IN_REVIEW"));
        reviewer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Kur fëmija juaj luan lojëra në internet")).click();
        assertThat(reviewer).hasURL(article);
        reviewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish").setExact(true)).click();
        assertThat(reviewer.getByRole(AriaRole.STATUS)).hasText("Published.");
        reviewer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See it on the site")).click();
        assertThat(reviewer).hasURL(url("/sq/udhezues/kur-femija-juaj-luan-lojera-ne-internet"));
        assertThat(reviewer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Kur fëmija juaj luan lojëra në internet");
        assertThat(reviewer.locator("script:not([src])")).hasCount(0);
        reviewer.navigate(url("/sq/per/prinder"));
        assertThat(reviewer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Kur fëmija juaj luan lojëra në internet"))).isVisible();
        reviewerWatch.assertClean();
    }

    @Test
    void everyEditorialPageIsAccessibleInBothLanguages() {
        for (Language language : Language.values()) {
            TestStaff.Account account = TestStaff.active(accounts, Set.of(Role.EDITOR), language, false);
            BrowserContext context = browsers.newContext(true, language == Language.SQ ? "sq-AL" : "en-GB");
            PageWatch watch = new PageWatch(context);
            Page page = TestStaff.signIn(context, port, account, "/staff/");
            page.navigate(url("/staff/content"));
            PageWatch.assertAccessible(page);
            page.navigate(url("/staff/content/new"));
            PageWatch.assertAccessible(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(language == Language.SQ ? "Ruaje" : "Save")).click();
            assertThat(page).hasTitle(Pattern.compile(language == Language.SQ ? "^Gabim: " : "^Error: "));
            PageWatch.assertAccessible(page);
            page.getByLabel(language == Language.SQ ? "Titulli" : "Title").fill("Axe " + language.code());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(language == Language.SQ ? "Parashikimi" : "Preview")).click();
            PageWatch.assertAccessible(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(language == Language.SQ ? "Ruaje" : "Save")).click();
            PageWatch.assertAccessible(page);
            page.getByLabel(language == Language.SQ ? "Titulli" : "Title").fill("Axe " + language.code() + " (2)");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(language == Language.SQ ? "Ruaje" : "Save")).click();
            String editor = page.url().replaceAll("\\?.*", "");
            for (String path : List.of(editor + "/revisions", editor + "/revisions?from=1&to=2")) {
                page.navigate(path);
                PageWatch.assertAccessible(page);
            }
            watch.assertClean();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
