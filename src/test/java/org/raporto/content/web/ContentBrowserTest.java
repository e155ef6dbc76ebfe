package org.raporto.content.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.raporto.browser.Browsers;
import org.raporto.browser.PageWatch;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Every kind of content page in a real browser, in both languages: accessible, with and without JavaScript, nothing from another host. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "raporto.content.seed-location=classpath:content/seed-sample/")
class ContentBrowserTest {

    private static final String[] PAGES = {"/sq/", "/en/",
            "/sq/udhezues/cfare-te-besh-kur-te-bullizojne", "/en/guides/what-to-do-when-you-are-bullied",
            "/sq/udhezues/koha-para-ekranit-ne-familje", "/en/guides/koha-para-ekranit-ne-familje",
            "/sq/lajme", "/en/news", "/sq/lajme/dita-e-internetit-te-sigurt", "/en/news/safer-internet-day",
            "/sq/pyetje", "/en/faq", "/sq/partneret", "/en/partners", "/sq/per/prinder", "/en/for/teens-13-17",
            "/sq/tema/bullizmi", "/en/topics/privacy", "/sq/faqe/misioni", "/en/pages/our-mission"};

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @LocalServerPort
    int port;

    private PageWatch watch;

    @ParameterizedTest
    @ValueSource(strings = {"/sq/", "/en/",
            "/sq/udhezues/cfare-te-besh-kur-te-bullizojne", "/en/guides/what-to-do-when-you-are-bullied",
            "/sq/udhezues/koha-para-ekranit-ne-familje", "/en/guides/koha-para-ekranit-ne-familje",
            "/sq/lajme", "/en/news", "/sq/lajme/dita-e-internetit-te-sigurt", "/en/news/safer-internet-day",
            "/sq/pyetje", "/en/faq", "/sq/partneret", "/en/partners", "/sq/per/prinder", "/en/for/teens-13-17",
            "/sq/tema/bullizmi", "/en/topics/privacy", "/sq/faqe/misioni", "/en/pages/our-mission"})
    void everyKindOfContentPageIsAccessibleAndAsksNoOtherHost(String path) {
        Page page = open(true, path);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasCount(1);
        PageWatch.assertAccessible(page);
        watch.assertClean();
    }

    @Test
    void everyKindOfContentPageShowsItsContentWithoutJavaScript() {
        for (String path : PAGES) {
            Page page = open(false, path);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();
            watch.assertClean();
        }
    }

    @Test
    void aParentFindsAGuideThroughTheirHubAndReadsItInTheOtherLanguageWithoutJavaScript() {
        Page page = open(false, "/sq/");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Për të rinjtë 13–17 vjeç")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Për të rinjtë 13–17 vjeç");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Çfarë të bësh kur të bullizojnë në internet")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Çfarë të bësh kur të bullizojnë në internet");
        assertThat(page.getByRole(AriaRole.COMPLEMENTARY).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("RAPORTO!")))
                .hasAttribute("href", "/sq/raporto");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
        assertThat(page).hasURL(url("/en/guides/what-to-do-when-you-are-bullied"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("What to do when you are bullied online");
        watch.assertClean();
    }

    @Test
    void theFaqAnchorsLeadToTheirAnswer() {
        Page page = open(false, "/en/faq");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Can I report anonymously?")).click();
        assertThat(page).hasURL(url("/en/faq#can-i-report-anonymously"));
        assertThat(page.getByText("We ask for neither your name nor your address.")).isVisible();
    }

    private Page open(boolean javaScript, String path) {
        BrowserContext context = browsers.newContext(javaScript, "sq-AL");
        watch = new PageWatch(context);
        Page page = context.newPage();
        page.navigate(url(path));
        return page;
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
