package org.raporto.content.web;

import java.util.List;
import java.util.regex.Pattern;

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
import static org.assertj.core.api.Assertions.assertThat;

/** The portal in a real browser, used as a person does: by links, headings and keys, with and without JavaScript. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "raporto.site.quick-exit-url=https://neutral.example/weather")
class PortalBrowserTest {

    private static final String NEUTRAL_SITE = "https://neutral.example/weather";

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @LocalServerPort
    int port;

    private PageWatch watch;

    @ParameterizedTest
    @ValueSource(strings = {"/sq/", "/en/", "/sq/rreth-nesh", "/en/about", "/sq/raporto", "/en/raporto", "/sq/api", "/en/api",
            "/sq/nuk-ekziston", "/en/missing"})
    void pagesHaveNoAccessibilityViolationsNoConsoleErrorsAndNoForeignRequests(String path) {
        Page page = open(true, path);
        PageWatch.assertAccessible(page);
        watch.assertClean();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sq-AL", "de-DE"})
    void rootOpensTheAlbanianHomePageUnlessTheBrowserPrefersEnglish(String browserLanguage) {
        Page page = open(true, "/", browserLanguage);
        assertThat(page).hasURL(url("/sq/"));
        assertThat(page.locator("html")).hasAttribute("lang", "sq");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Internet më i sigurt për çdo fëmijë");
        watch.assertClean();
    }

    @Test
    void languageSwitchKeepsTheCurrentPage() {
        Page page = open(true, "/sq/rreth-nesh");
        assertThat(page).hasURL(url("/sq/faqe/rreth-nesh"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
        assertThat(page).hasURL(url("/en/pages/about-us"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("About us");
        // The navigation's "About" led here: it is the current entry, though its address redirects.
        assertThat(page.locator("nav.main-nav a[aria-current=page]")).hasAttribute("href", "/en/about");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Shqip")).click();
        assertThat(page).hasURL(url("/sq/faqe/rreth-nesh"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Rreth nesh");
        watch.assertClean();
    }

    @Test
    void theWayToRaportoIsOnEveryPage() {
        for (String path : List.of("/sq/", "/sq/rreth-nesh", "/sq/nuk-ekziston")) {
            Page page = open(true, path);
            assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Navigimi kryesor"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("RAPORTO!")))
                    .hasAttribute("href", "/sq/raporto");
        }
        Page page = open(false, "/en/");
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main navigation"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Report · RAPORTO!")).click();
        assertThat(page).hasURL(url("/en/raporto"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("RAPORTO! Report illegal or harmful content online");
    }

    @Test
    void emergencyNumbersComeFirst() {
        Page page = open(true, "/en/");
        var help = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Immediate help"));
        assertThat(help.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Emergency 112"))).hasAttribute("href", "tel:112");
        assertThat(help.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Police 129"))).hasAttribute("href", "tel:129");
        assertThat(help.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Child helpline ALO 116 111"))).hasAttribute("href", "tel:116111");
    }

    @Test
    void everythingWorksWithoutJavaScript() {
        Page page = open(false, "/sq/");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Internet më i sigurt për çdo fëmijë");
        assertThat(page.getByText("Ose shtyp Shift tri herë")).isHidden();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Dil shpejt"))).hasAttribute("href", "/exit");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Rreth nesh")).first().click();
        assertThat(page).hasURL(url("/sq/faqe/rreth-nesh"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
        assertThat(page).hasURL(url("/en/pages/about-us"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("About us");
        watch.assertClean();
    }

    @Test
    void shiftPressedThreeTimesLeavesForTheNeutralSiteWithoutABackWay() {
        Page page = open(true, "/sq/");
        assertThat(page.getByText("Ose shtyp Shift tri herë")).isVisible();
        page.keyboard().press("Shift");
        page.keyboard().press("Shift");
        page.keyboard().press("Shift");
        page.waitForURL(NEUTRAL_SITE);
        page.goBack();
        assertThat(page.url()).as("Back does not return to the site").doesNotContain("127.0.0.1");
        assertThat(watch.foreignRequests()).allSatisfy(request -> assertThat(request).startsWith("https://neutral.example/"));
    }

    @Test
    void quickExitButtonLeavesForTheNeutralSite() {
        Page page = open(true, "/en/about");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Quick exit")).click();
        page.waitForURL(NEUTRAL_SITE);
        page.goBack();
        assertThat(page.url()).doesNotContain("127.0.0.1");
    }

    @Test
    void quickExitWithoutJavaScriptAlsoLeavesForTheNeutralSite() {
        Page page = open(false, "/sq/rreth-nesh");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Dil shpejt")).click();
        page.waitForURL(NEUTRAL_SITE);
    }

    @Test
    void typingCapitalsDoesNotTriggerTheQuickExit() {
        Page page = open(true, "/sq/raporto/formulari");
        page.getByText("Ngacmim, kërcënim ose bullizëm në internet").click();
        page.keyboard().press("Tab");
        page.keyboard().type("ABC");
        page.keyboard().press("Shift+A");
        page.keyboard().press("Shift+B");
        page.keyboard().press("Shift+C");
        page.waitForTimeout(300);
        assertThat(page).hasURL(url("/sq/raporto/formulari"));
    }

    @Test
    void skipLinkIsTheFirstStopAndMovesToTheContent() {
        Page page = open(true, "/en/");
        page.keyboard().press("Tab");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Skip to content"))).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("main")).isFocused();
    }

    @Test
    void pagesReflowAtThreeHundredTwentyPixels() {
        Page page = open(true, "/sq/");
        page.setViewportSize(320, 640);
        for (String path : List.of("/sq/", "/en/about", "/sq/api", "/en/api")) {
            page.navigate(url(path));
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(((Number) overflow).intValue()).as("horizontal overflow on " + path).isLessThanOrEqualTo(0);
        }
    }

    @Test
    void theApiPageIsFoundFromTheReportingPageWithoutJavaScriptAndKeepsItsPlaceAcrossLanguages() {
        Page page = open(false, "/sq/raporto");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Po ndërtoni një aplikacion ose sistemin e një partneri? API-ja e raportimit")).click();
        assertThat(page).hasURL(url("/sq/api"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("API-ja e raportimit");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
        assertThat(page).hasURL(url("/en/api"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("The reporting API");
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("On this page"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Errors")).click();
        assertThat(page).hasURL(url("/en/api#errors"));
        assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("childAgeBand"))
                .getByRole(AriaRole.CELL, new Locator.GetByRoleOptions().setName("13-15").setExact(true))).isVisible();
        watch.assertClean();
    }

    @Test
    void rootOpensTheEnglishHomePageForEnglishBrowsers() {
        Page page = open(true, "/", "en-GB");
        assertThat(page).hasURL(url("/en/"));
        assertThat(page.locator("html")).hasAttribute("lang", "en");
    }

    private Page open(boolean javaScript, String path) {
        return open(javaScript, path, "sq-AL");
    }

    private Page open(boolean javaScript, String path, String browserLanguage) {
        BrowserContext context = browsers.newContext(javaScript, browserLanguage);
        // The neutral site is answered inside the browser: nothing leaves this machine.
        context.route(Pattern.compile("https://neutral\\.example/.*"),
                route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions().setContentType("text/html").setBody("<title>Weather</title>")));
        watch = new PageWatch(context);
        Page page = context.newPage();
        page.navigate(url(path));
        return page;
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
