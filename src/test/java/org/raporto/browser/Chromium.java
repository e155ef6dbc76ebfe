package org.raporto.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's Chromium, driven by Playwright. Playwright never downloads a browser here: the executable comes from
 * {@code RAPORTO_CHROMIUM} or {@code /usr/bin/chromium}. Without one, browser tests are skipped with a message,
 * unless {@code RAPORTO_REQUIRE_BROWSER=1} (as in CI), where they fail.
 */
public final class Chromium implements AutoCloseable {

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        Path executable = Path.of(System.getenv().getOrDefault("RAPORTO_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(executable)) {
            String message = "No Chromium at " + executable + ": browser tests skipped. Install it (apt-get install chromium)"
                    + " or set RAPORTO_CHROMIUM.";
            if ("1".equals(System.getenv("RAPORTO_REQUIRE_BROWSER"))) {
                fail(message + " RAPORTO_REQUIRE_BROWSER=1 requires the browser tests to run.");
            }
            System.err.println("WARNING: " + message);
            Assumptions.abort(message);
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                // Quiet, offline Chromium: as root it needs --no-sandbox, and its own background traffic is refused here.
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-default-apps", "--disable-domain-reliability")));
        return new Chromium(playwright, browser);
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
