package org.raporto.content.web;

import java.awt.Color;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.raporto.browser.Browsers;
import org.raporto.browser.PageWatch;
import org.raporto.identity.Role;
import org.raporto.identity.StaffAccounts;
import org.raporto.identity.TestStaff;
import org.raporto.shared.Language;
import org.raporto.shared.image.TestImages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An editor keeps the media library in a real browser: every page of it accessible (axe-core) in both languages,
 * and an image uploaded, refused and corrected, and a file deleted, all without JavaScript.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "raporto.content.seed-location=classpath:content/seed-sample/")
class MediaBrowserTest {

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyPageOfTheLibraryIsAccessible(Language language) {
        BrowserContext context = browsers.newContext(true, language == Language.SQ ? "sq-AL" : "en-GB");
        PageWatch watch = new PageWatch(context);
        Page page = signIn(context, language);
        page.navigate(url("/staff/content/media/new"));
        PageWatch.assertAccessible(page);
        page.locator("#altSq").fill("Një figurë");
        page.locator("form[enctype] button[type=submit]").click();
        assertThat(page).hasTitle(Pattern.compile("^(Gabim|Error): "));
        PageWatch.assertAccessible(page);
        page.locator("#file").setInputFiles(new FilePayload("figura.png", "image/png", TestImages.png(80 + language.ordinal(), 60, Color.ORANGE)));
        page.locator("#altEn").fill("An image");
        page.locator("form[enctype] button[type=submit]").click();
        assertThat(page).hasURL(Pattern.compile(".*/staff/content/media\\?stored=.*"));
        PageWatch.assertAccessible(page);
        page.locator("a[href$='/delete']").first().click();
        PageWatch.assertAccessible(page);
        watch.assertClean();
    }

    @Test
    void anEditorUploadsCorrectsAndDeletesWithoutJavaScript() {
        BrowserContext context = browsers.newContext(false, "en-GB");
        PageWatch watch = new PageWatch(context);
        Page page = signIn(context, Language.EN);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Media").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Media library");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a file")).click();

        page.getByLabel("File").setInputFiles(new FilePayload("class.png", "image/png", TestImages.png(90, 40, Color.GREEN)));
        page.getByLabel("Alternative text or title, in Albanian").fill("Nxënës në klasë");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Write the alternative text or title in English."))).isVisible();
        assertThat(page.getByLabel("Alternative text or title, in Albanian")).hasValue("Nxënës në klasë");

        page.getByLabel("File").setInputFiles(new FilePayload("class.png", "image/png", TestImages.png(90, 40, Color.GREEN)));
        page.getByLabel("Alternative text or title, in English").fill("Pupils in a classroom");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("The file “class.png” was added.");
        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Pupils in a classroom"))).isVisible();
        assertThat(page.locator("#stored-en")).hasValue(Pattern.compile("^!\\[Pupils in a classroom]\\(/media/[0-9a-f-]{36}\\)$"));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete class.png")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, delete it")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("The file was deleted.");
        watch.assertClean();
    }

    private Page signIn(BrowserContext context, Language language) {
        TestStaff.Account account = TestStaff.active(accounts, Set.of(Role.EDITOR), language, false);
        Page page = context.newPage();
        page.navigate(url("/staff/login"));
        page.locator("#email").fill(account.email());
        page.locator("#password").fill(account.password());
        page.locator("form button[type=submit]").click();
        page.locator("#code").fill(account.nextCode());
        page.locator("form button[type=submit]").click();
        assertThat(page).hasURL(Pattern.compile(".*/staff/$"));
        return page;
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
