package org.raporto.shared.outbound;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.raporto.testing.FreePorts;
import org.raporto.testing.LoopbackWebServer;
import org.springframework.util.unit.DataSize;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fetcher against web servers of the test's own on loopback. Private addresses are allowed in most tests (every
 * server here is on one); the tests of the refusals let 127.0.0.1 alone play the internet, so that 127.0.0.2 and
 * {@code ::1} are as private as they really are.
 */
class SafeFetcherTest {

    private static final LoopbackWebServer site = new LoopbackWebServer();
    private static final LoopbackWebServer inside = new LoopbackWebServer("127.0.0.2");
    private static final IPAddress PLAYS_THE_INTERNET = new IPAddressString("127.0.0.1").getAddress();

    private SafeFetcher fetcher;

    @AfterAll
    static void stopServers() {
        site.close();
        inside.close();
    }

    @BeforeEach
    void fetcherAllowedPrivateAddresses() {
        site.clear();
        inside.clear();
        fetcher = new SafeFetcher(settings(true, Duration.ofSeconds(2), Duration.ofSeconds(5), DataSize.ofKilobytes(64), Duration.ZERO));
    }

    @AfterEach
    void closeFetcher() throws IOException {
        fetcher.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 204, 401, 403, 404, 410, 451, 500, 503})
    void tellsTheStatusOfTheAnswer(int status) {
        site.status("/page", status);

        FetchOutcome outcome = fetcher.fetch(site.url("/page"));

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Answered.class, answered -> {
            assertThat(answered.status()).isEqualTo(status);
            assertThat(answered.finalUrl()).isEqualTo(site.url("/page"));
            assertThat(answered.redirects()).isZero();
        });
        assertThat(outcome.code()).isEqualTo(Integer.toString(status));
    }

    @Test
    void followsRedirectsAndTellsWhereTheyLed() {
        site.redirect("/a", "/b").redirect("/b", site.url("/c").toString()).status("/c", 200);

        FetchOutcome outcome = fetcher.fetch(site.url("/a"));

        assertThat(outcome).isEqualTo(new FetchOutcome.Answered(200, site.url("/c"), 2, "<html><body>200</body></html>".length()));
    }

    @Test
    void aRedirectLoopOrTooManyRedirectsEndTheFetch() {
        site.redirect("/loop", "/loop");
        for (int i = 0; i < 10; i++) {
            site.redirect("/r" + i, "/r" + (i + 1));
        }

        assertThat(fetcher.fetch(site.url("/loop"))).isInstanceOfSatisfying(FetchOutcome.Failed.class,
                failed -> assertThat(failed.failure()).isEqualTo(FetchOutcome.Failure.TOO_MANY_REDIRECTS));
        assertThat(fetcher.fetch(site.url("/r0"))).isInstanceOfSatisfying(FetchOutcome.Failed.class, failed -> {
            assertThat(failed.failure()).isEqualTo(FetchOutcome.Failure.TOO_MANY_REDIRECTS);
            assertThat(failed.redirects()).isEqualTo(6);
        });
        assertThat(site.requests("/r5")).isOne();
        assertThat(site.requests("/r6")).as("the sixth redirect is not followed").isZero();
    }

    @Test
    void aRedirectToAnotherSchemeIsNotFollowed() {
        site.redirect("/ftp", "file:///etc/passwd");

        assertThat(fetcher.fetch(site.url("/ftp")).code()).isEqualTo("TARGET_REFUSED");
    }

    @Test
    void privateAndLoopbackTargetsAreRefusedWithoutARequest() throws IOException {
        inside.status("/admin", 200);
        try (SafeFetcher strict = new SafeFetcher(new OutboundProperties(false))) {
            assertThat(strict.fetch(inside.url("/admin")).code()).isEqualTo("TARGET_REFUSED");
            assertThat(strict.fetch(site.url("/admin")).code()).isEqualTo("TARGET_REFUSED");
            assertThat(strict.fetch(URI.create("http://[::ffff:127.0.0.1]:" + site.port() + "/")).code()).isEqualTo("TARGET_REFUSED");
            assertThat(strict.fetch(URI.create("http://[::1]:" + site.port() + "/")).code()).isEqualTo("TARGET_REFUSED");
            assertThat(strict.fetch(URI.create("http://localhost:" + site.port() + "/")).code())
                    .as("a name is refused for what it resolves to").isEqualTo("TARGET_REFUSED");
        }
        assertThat(inside.requests()).isZero();
        assertThat(site.requests()).isZero();
    }

    @Test
    void aRedirectToAPrivateAddressIsRefused() throws IOException {
        inside.status("/secret", 200);
        site.redirect("/out", inside.url("/secret").toString()).redirect("/v6", "http://[::1]:" + inside.port() + "/secret");

        try (SafeFetcher strict = new SafeFetcher(settings(false, Duration.ofSeconds(2), Duration.ofSeconds(5), DataSize.ofKilobytes(64),
                Duration.ZERO), PLAYS_THE_INTERNET::equals)) {
            FetchOutcome outcome = strict.fetch(site.url("/out"));

            assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Failed.class, failed -> {
                assertThat(failed.failure()).isEqualTo(FetchOutcome.Failure.TARGET_REFUSED);
                assertThat(failed.finalUrl()).isEqualTo(inside.url("/secret"));
                assertThat(failed.redirects()).isOne();
            });
            assertThat(strict.fetch(site.url("/v6")).code()).isEqualTo("TARGET_REFUSED");
        }
        assertThat(site.requests("/out")).isOne();
        assertThat(inside.requests()).isZero();
    }

    @Test
    void readsNoMoreThanTheCapAndClosesRatherThanDrains() {
        byte[] megabyte = new byte[1024 * 1024];
        site.handle("/huge", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 200; i++) {
                    out.write(megabyte);
                }
            }
            catch (IOException e) {
                // The client hung up, as it should.
            }
        });
        fetcher = new SafeFetcher(settings(true, Duration.ofSeconds(2), Duration.ofSeconds(5), DataSize.ofBytes(1000), Duration.ZERO));

        long started = System.nanoTime();
        FetchOutcome outcome = fetcher.fetch(site.url("/huge"));

        assertThat(outcome).isEqualTo(new FetchOutcome.Answered(200, site.url("/huge"), 0, 1000));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("200 MB were not read").isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsATimeout() {
        site.handle("/slow", exchange -> sleep(Duration.ofSeconds(3)));
        fetcher = new SafeFetcher(settings(true, Duration.ofMillis(300), Duration.ofSeconds(5), DataSize.ofKilobytes(64), Duration.ZERO));

        assertThat(fetcher.fetch(site.url("/slow")).code()).isEqualTo("TIMEOUT");
    }

    @Test
    void aServerThatTricklesItsAnswerIsCutOffAtTheTotalTimeout() {
        site.handle("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write('x');
                    out.flush();
                    sleep(Duration.ofMillis(100));
                }
            }
            catch (IOException e) {
                // Cut off.
            }
        });
        fetcher = new SafeFetcher(settings(true, Duration.ofSeconds(1), Duration.ofMillis(700), DataSize.ofKilobytes(64), Duration.ZERO));

        long started = System.nanoTime();
        assertThat(fetcher.fetch(site.url("/trickle")).code()).isEqualTo("TIMEOUT");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aPortNobodyListensOnRefusesTheConnection() {
        assertThat(fetcher.fetch(URI.create("http://127.0.0.1:" + FreePorts.loopback() + "/")).code()).isEqualTo("CONNECTION_REFUSED");
    }

    @Test
    void aNameThatDoesNotExistIsNoSuchHost() {
        assertThat(fetcher.fetch(URI.create("http://reported-site.invalid/page")).code()).isEqualTo("NO_SUCH_HOST");
    }

    @Test
    void anOnionServiceIsRefusedWithoutAProxy() {
        assertThat(fetcher.fetch(URI.create("http://abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuv.onion/")).code())
                .isEqualTo("TARGET_REFUSED");
    }

    @Test
    void offlineNothingIsSent() throws IOException {
        site.status("/page", 200);
        try (SafeFetcher offline = new SafeFetcher(new OutboundProperties(true))) {
            assertThat(offline.offline()).isTrue();
            assertThat(offline.fetch(site.url("/page"))).isEqualTo(new FetchOutcome.Failed(FetchOutcome.Failure.OFFLINE, site.url("/page"), 0, 0));
        }
        assertThat(site.requests()).isZero();
    }

    @Test
    void requestsToOneHostWaitForTheirTurn() throws IOException {
        site.status("/a", 200).status("/b", 200);
        try (SafeFetcher polite = new SafeFetcher(settings(true, Duration.ofSeconds(2), Duration.ofSeconds(5), DataSize.ofKilobytes(64),
                Duration.ofMillis(400)))) {
            polite.fetch(site.url("/a"));
            polite.fetch(site.url("/b"));
        }

        List<Long> arrivals = site.arrivals();
        assertThat(Duration.ofNanos(arrivals.get(1) - arrivals.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(380));
    }

    @Test
    void sendsTheFixedUserAgent() {
        site.status("/page", 200);

        fetcher.fetch(site.url("/page"));

        assertThat(site.userAgents()).containsExactly(OutboundProperties.DEFAULT_USER_AGENT);
    }

    @Test
    void onlyHttpUrlsAreFetched() {
        assertThatThrownBy(() -> fetcher.fetch(URI.create("file:///etc/passwd"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fetcher.fetch(URI.create("/relative"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static OutboundProperties settings(boolean allowPrivate, Duration readTimeout, Duration totalTimeout, DataSize maxBytes,
            Duration perHost) {
        return new OutboundProperties(false, Duration.ofSeconds(2), readTimeout, totalTimeout, maxBytes, 5, allowPrivate, null, perHost,
                OutboundProperties.DEFAULT_USER_AGENT);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
