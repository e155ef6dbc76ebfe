package org.raporto.browser;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Watches a browser context the way our promises require: no console errors, no request to any host but ours,
 * and no accessibility violation that axe-core can find.
 */
public final class PageWatch {

    private static final Set<String> OUR_HOSTS = Set.of("127.0.0.1", "localhost");

    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();
    private final List<String> foreignRequests = new CopyOnWriteArrayList<>();

    public PageWatch(BrowserContext context) {
        context.onRequest(request -> {
            String host = URI.create(request.url()).getHost();
            if (host != null && !OUR_HOSTS.contains(host)) {
                foreignRequests.add(request.url());
            }
        });
        context.onPage(this::watch);
        context.pages().forEach(this::watch);
    }

    private void watch(Page page) {
        page.onConsoleMessage(message -> {
            // An error page's own status (404, 403) is reported as a console error; it is the page working as meant.
            boolean statusOfThePageItself = message.location().startsWith(page.url() + ":")
                    && message.text().startsWith("Failed to load resource: the server responded with a status of 4");
            if (message.type().equals("error") && !statusOfThePageItself) {
                consoleErrors.add(message.text() + " at " + message.location());
            }
        });
        page.onPageError(error -> consoleErrors.add(error));
    }

    public List<String> foreignRequests() {
        return List.copyOf(foreignRequests);
    }

    public void assertClean() {
        assertThat(consoleErrors).as("console errors").isEmpty();
        assertThat(foreignRequests).as("requests to other hosts").isEmpty();
    }

    /** Runs axe-core on the page as it is now; fails with every violation, its rule and where it is. */
    public static void assertAccessible(Page page) {
        AxeResults results = new AxeBuilder(page).analyze();
        String violations = results.getViolations().stream().map(PageWatch::describe).collect(Collectors.joining("\n"));
        assertThat(results.getViolations()).as("axe-core violations on " + page.url() + ":\n" + violations).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", "));
    }
}
