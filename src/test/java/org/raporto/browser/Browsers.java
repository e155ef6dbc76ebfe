package org.raporto.browser;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;

/**
 * One Chromium per test class, a fresh browser context (cookies, storage, history) per use, every context closed
 * after its test. Register with {@code @RegisterExtension static final Browsers browsers = new Browsers();}.
 */
public final class Browsers implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    private Chromium chromium;
    private final List<BrowserContext> open = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        chromium = Chromium.launch();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        open.forEach(BrowserContext::close);
        open.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (chromium != null) {
            chromium.close();
        }
    }

    /**
     * A new context, as a new visitor with a browser set to this language.
     *
     * @param javaScript whether pages may run scripts
     * @param locale     the browser's language, which it sends as {@code Accept-Language}
     */
    public BrowserContext newContext(boolean javaScript, String locale) {
        BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
                .setJavaScriptEnabled(javaScript).setLocale(locale));
        open.add(context);
        return context;
    }
}
