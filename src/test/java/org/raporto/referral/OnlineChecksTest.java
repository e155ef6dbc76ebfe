package org.raporto.referral;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.raporto.shared.outbound.OutboundProperties;
import org.raporto.shared.outbound.SafeFetcher;
import org.raporto.testing.LoopbackWebServer;
import org.raporto.testing.MutableClock;
import org.raporto.tracing.HostingTraces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Online checks on the embedded PostgreSQL against a web server of the test's own on loopback (private addresses
 * allowed for it). The scheduler is off: each test runs the job itself, and moves the clock instead of waiting.
 */
@SpringBootTest(properties = {"raporto.referral.checks.enabled=false", "raporto.tracing.worker.enabled=false",
        "raporto.outbound.offline=false", "raporto.outbound.allow-private=true", "raporto.outbound.per-host-interval=0s",
        "raporto.outbound.read-timeout=400ms", "raporto.outbound.total-timeout=2s"})
class OnlineChecksTest {

    private static final LoopbackWebServer site = new LoopbackWebServer();
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    /** Later than any next check can be drawn (every × 1.25). */
    private static final Duration ROUND = Duration.ofMinutes(76);

    @TestConfiguration(proxyBeanMethods = false)
    static class Time {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(START);
        }

        @Bean
        Published published() {
            return new Published();
        }
    }

    /** What the checks published, from whichever thread. */
    static class Published {

        final List<Object> events = new CopyOnWriteArrayList<>();

        @EventListener
        void removed(ContentRemoved event) {
            events.add(event);
        }

        @EventListener
        void moved(ContentMoved event) {
            events.add(event);
        }
    }

    @Autowired
    OnlineChecks checks;

    @Autowired
    OnlineCheckJob job;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MutableClock clock;

    @Autowired
    Published published;

    private final UUID report = UUID.randomUUID();

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @BeforeEach
    void empty() {
        jdbc.sql("DELETE FROM referral_watch").update();
        jdbc.sql("DELETE FROM tracing_host").update();
        site.clear();
        published.events.clear();
    }

    @Test
    void onlineThenThreeNotFoundAnswersAreARemovalDatedAtTheFirstOfThem() {
        site.status("/page", 200);
        Instant started = clock.instant();
        watch(url("/page"), "AL");
        assertThat(checks.find(report, url("/page"))).get().satisfies(watch -> assertThat(watch.status()).isEqualTo(Watch.Status.PENDING));

        clock.advance(Duration.ofMinutes(1));
        assertThat(job.checkDue()).as("the first check comes within the job's interval").isOne();
        assertThat(watch("/page").status()).isEqualTo(Watch.Status.ONLINE);
        assertThat(watch("/page").lastResult()).isEqualTo("200");

        site.status("/page", 404);
        clock.advance(ROUND);
        Instant firstGone = clock.instant();
        assertThat(job.checkDue()).isOne();
        assertThat(watch("/page").status()).as("one 404 is not a removal").isEqualTo(Watch.Status.ONLINE);
        clock.advance(ROUND);
        job.checkDue();
        clock.advance(ROUND);
        job.checkDue();

        Watch removed = watch("/page");
        assertThat(removed.status()).isEqualTo(Watch.Status.REMOVED);
        assertThat(removed.removedAt()).isEqualTo(firstGone);
        assertThat(removed.timeToRemoval()).isEqualTo(Duration.between(started, firstGone));
        assertThat(removed.checks()).isEqualTo(4);
        assertThat(removed.lastChecked()).isEqualTo(clock.instant());
        assertThat(published.events).containsExactly(
                new ContentRemoved(report, url("/page"), firstGone, Duration.between(started, firstGone)));

        clock.advance(ROUND.multipliedBy(3));
        assertThat(job.checkDue()).as("a removed address is not checked again").isZero();
        assertThat(site.requests("/page")).isEqualTo(4);
    }

    @Test
    void aNameThatNoLongerExistsCountsAsGone() {
        String gone = "http://reported-site.invalid/album/7";
        watch(gone, null);

        for (int round = 0; round < 3; round++) {
            clock.advance(ROUND);
            assertThat(job.checkDue()).isOne();
        }

        Watch watch = checks.find(report, gone).orElseThrow();
        assertThat(watch.status()).isEqualTo(Watch.Status.REMOVED);
        assertThat(watch.lastResult()).isEqualTo("NO_SUCH_HOST");
    }

    @Test
    void timeoutsCountNeitherWay() {
        site.status("/page", 404);
        watch(url("/page"), null);
        clock.advance(ROUND);
        Instant firstGone = clock.instant();
        job.checkDue();

        site.handle("/page", exchange -> sleep(Duration.ofSeconds(1)));
        for (int round = 0; round < 3; round++) {
            clock.advance(ROUND);
            job.checkDue();
        }
        assertThat(watch("/page").status()).as("three timeouts are no removal").isEqualTo(Watch.Status.PENDING);
        assertThat(watch("/page").lastResult()).isEqualTo("TIMEOUT");

        site.status("/page", 410);
        clock.advance(ROUND);
        job.checkDue();
        clock.advance(ROUND);
        job.checkDue();

        assertThat(watch("/page").status()).isEqualTo(Watch.Status.REMOVED);
        assertThat(watch("/page").removedAt()).as("nor do they break a run of gone answers").isEqualTo(firstGone);
        assertThat(watch("/page").checks()).isEqualTo(6);
    }

    @Test
    void anOnlineAnswerEndsARunOfGoneAnswers() {
        site.status("/page", 404);
        watch(url("/page"), null);
        clock.advance(ROUND);
        job.checkDue();
        clock.advance(ROUND);
        job.checkDue();
        site.status("/page", 503);
        clock.advance(ROUND);
        job.checkDue();
        site.status("/page", 404);
        clock.advance(ROUND);
        job.checkDue();
        clock.advance(ROUND);
        job.checkDue();

        assertThat(watch("/page").status()).isEqualTo(Watch.Status.ONLINE);
        assertThat(published.events).isEmpty();
    }

    @Test
    void offlineNothingIsCheckedAndNothingChanges(@Autowired HostingTraces traces, @Autowired ApplicationEventPublisher events,
            @Autowired OnlineCheckProperties settings) throws Exception {
        site.status("/page", 404);
        watch(url("/page"), null);
        OutboundProperties offline = new OutboundProperties(true);
        try (SafeFetcher fetcher = new SafeFetcher(offline)) {
            OnlineCheckJob offlineNode = new OnlineCheckJob(jdbc, transactions, fetcher, traces, events, clock, settings, offline);
            for (int round = 0; round < 4; round++) {
                clock.advance(ROUND);
                assertThat(offlineNode.checkDue()).isZero();
            }
            offlineNode.destroy();
        }

        Watch watch = watch("/page");
        assertThat(watch.status()).isEqualTo(Watch.Status.PENDING);
        assertThat(watch.checks()).isZero();
        assertThat(watch.lastChecked()).isNull();
        assertThat(site.requests()).isZero();
    }

    @Test
    void twoNodesNeverCheckTheSameWatchAtOnce(@Autowired HostingTraces traces, @Autowired ApplicationEventPublisher events,
            @Autowired OnlineCheckProperties settings, @Autowired SafeFetcher fetcher, @Autowired OutboundProperties outbound) {
        Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        List<String> paths = IntStream.range(0, 40).mapToObj(i -> "/item/" + i).toList();
        for (String path : paths) {
            site.handle(path, exchange -> {
                if (inFlight.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                sleep(Duration.ofMillis(20));
                inFlight.get(path).decrementAndGet();
                LoopbackWebServer.answer(exchange, 200);
            });
            watch(url(path), null);
        }
        clock.advance(ROUND);
        OnlineCheckJob otherNode = new OnlineCheckJob(jdbc, transactions, fetcher, traces, events, clock, settings, outbound);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<Integer>> rounds = List.of(job, otherNode).stream()
                    .map(node -> CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return node.checkDue();
                    }, nodes))
                    .toList();

            assertThat(rounds.stream().mapToInt(CompletableFuture::join).sum()).isEqualTo(40);
            assertThat(rounds).as("both nodes took part").allSatisfy(round -> assertThat(round.join()).isPositive());
        }
        finally {
            nodes.shutdownNow();
            otherNode.destroy();
        }
        assertThat(paths).allSatisfy(path -> assertThat(site.requests(path)).isOne());
        assertThat(overlaps).hasValue(0);
        assertThat(checks.forReport(report)).hasSize(40).allSatisfy(watch -> {
            assertThat(watch.status()).isEqualTo(Watch.Status.ONLINE);
            assertThat(watch.checks()).isOne();
        });
    }

    @Test
    void aWatchWhoseNodeDiedIsCheckedOnceTheLeaseRunsOut() {
        site.status("/page", 200);
        watch(url("/page"), null);
        clock.advance(ROUND);
        jdbc.sql("UPDATE referral_watch SET lease_until = :until, claim = :claim")
                .param("until", Timestamp.from(clock.instant().plus(Duration.ofMinutes(10))))
                .param("claim", UUID.randomUUID())
                .update();

        assertThat(job.checkDue()).as("another node holds it").isZero();
        clock.advance(Duration.ofMinutes(10));

        assertThat(job.checkDue()).isOne();
        assertThat(watch("/page").status()).isEqualTo(Watch.Status.ONLINE);
    }

    @Test
    void aNewHostingCountryIsAMove() {
        site.status("/page", 200);
        traced("127.0.0.1", "AL");
        watch(url("/page"), "AL");
        clock.advance(ROUND);
        job.checkDue();
        assertThat(watch("/page").status()).isEqualTo(Watch.Status.ONLINE);

        traced("127.0.0.1", "NL");
        clock.advance(ROUND);
        Instant movedAt = clock.instant();
        job.checkDue();

        Watch moved = watch("/page");
        assertThat(moved.status()).isEqualTo(Watch.Status.MOVED);
        assertThat(moved.country()).isEqualTo("AL");
        assertThat(moved.movedToCountry()).isEqualTo("NL");
        assertThat(published.events).containsExactly(new ContentMoved(report, url("/page"), "AL", "NL", movedAt));

        clock.advance(ROUND);
        job.checkDue();
        assertThat(watch("/page").status()).as("still online where it moved to").isEqualTo(Watch.Status.MOVED);
        assertThat(published.events).hasSize(1);
    }

    @Test
    void aPrivateTargetIsUnavailable(@Autowired HostingTraces traces, @Autowired ApplicationEventPublisher events,
            @Autowired OnlineCheckProperties settings) throws Exception {
        OutboundProperties strict = new OutboundProperties(false);
        try (SafeFetcher fetcher = new SafeFetcher(strict)) {
            OnlineCheckJob node = new OnlineCheckJob(jdbc, transactions, fetcher, traces, events, clock, settings, strict);
            site.status("/page", 200);
            watch(url("/page"), null);
            clock.advance(ROUND);
            node.checkDue();
            node.destroy();
        }

        assertThat(watch("/page").status()).isEqualTo(Watch.Status.UNAVAILABLE);
        assertThat(watch("/page").lastResult()).isEqualTo("TARGET_REFUSED");
        assertThat(site.requests()).isZero();
    }

    @Test
    void watchingIsIdempotentAndPartOfTheCallersTransaction() {
        assertThatThrownBy(() -> checks.watch(report, url("/page"), null)).isInstanceOf(IllegalTransactionStateException.class);
        UUID first = watch(url("/page"), "AL");
        UUID again = watch(url("/page"), "AL");

        assertThat(again).isEqualTo(first);
        assertThat(checks.forReport(report)).hasSize(1);
        assertThatThrownBy(() -> watch("ftp://example.org/file", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> watch(url("/page"), "Albania")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStoppedWatchIsNotCheckedUntilWatchedAgain() {
        site.status("/page", 200);
        watch(url("/page"), null);

        assertThat(checks.stop(report)).isOne();
        clock.advance(ROUND);
        assertThat(job.checkDue()).isZero();
        assertThat(watch("/page").stopped()).isTrue();
        assertThat(watch("/page").active()).isFalse();

        watch(url("/page"), null);
        clock.advance(ROUND);
        assertThat(job.checkDue()).isOne();
        assertThat(watch("/page").active()).isTrue();
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new OnlineCheckProperties(true, Duration.ofMinutes(1), Duration.ofHours(1), 0, 4, 16, Duration.ofMinutes(10)))
                .hasMessageContaining("gone-after");
        assertThatThrownBy(() -> new OnlineCheckProperties(true, Duration.ZERO, Duration.ofHours(1), 3, 4, 16, Duration.ofMinutes(10)))
                .hasMessageContaining("interval");
    }

    /** A finished trace of the host, placing it in the country (as the tracing module stores one). */
    private void traced(String host, String country) {
        jdbc.sql("DELETE FROM tracing_host WHERE host = :host").param("host", host).update();
        jdbc.sql("""
                INSERT INTO tracing_host (host, literal, requested_at, outcome, country, traced_at, expires_at)
                VALUES (:host, true, :now, 'TRACED', :country, :now, :expires)
                """)
                .param("host", host)
                .param("country", country)
                .param("now", Timestamp.from(clock.instant()))
                .param("expires", Timestamp.from(clock.instant().plus(Duration.ofDays(30))))
                .update();
        jdbc.sql("""
                INSERT INTO tracing_address (host, position, address, on_internet, country)
                VALUES (:host, 0, '31.22.48.10'::inet, true, :country)
                """)
                .param("host", host)
                .param("country", country)
                .update();
    }

    private UUID watch(String url, String country) {
        return transactions.execute(status -> checks.watch(report, url, country));
    }

    private Watch watch(String path) {
        return checks.find(report, url(path)).orElseThrow();
    }

    private static String url(String path) {
        URI url = site.url(path);
        return url.toString();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
