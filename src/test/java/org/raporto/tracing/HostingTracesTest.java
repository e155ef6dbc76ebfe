package org.raporto.tracing;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.raporto.testing.MutableClock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import org.xbill.DNS.Type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.raporto.tracing.TestIpData.ALBANIA_V4;
import static org.raporto.tracing.TestIpData.CLOUDFLARE_V4;
import static org.raporto.tracing.TestIpData.GERMANY_V4;
import static org.raporto.tracing.TestIpData.USA_V4;

/**
 * Hosting traces as other modules use them, on the embedded PostgreSQL, against a DNS server of the test's own on
 * loopback and IP location data made by the test. The scheduler is off: each test runs the worker itself, and moves
 * the clock instead of waiting.
 */
@SpringBootTest(properties = {"raporto.tracing.worker.enabled=false", "raporto.tracing.dns.timeout=300ms"})
@RecordApplicationEvents
@ExtendWith(OutputCaptureExtension.class)
class HostingTracesTest {

    private static final TestDnsServer dns = new TestDnsServer();

    @DynamicPropertySource
    static void ownDnsAndData(DynamicPropertyRegistry registry) {
        registry.add("raporto.outbound.offline", () -> "false");
        registry.add("raporto.tracing.dns.resolvers", dns::address);
        registry.add("raporto.tracing.data", () -> TestIpData.location(TestIpData.write()));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Time {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
        }
    }

    @Autowired
    HostingTraces traces;

    @Autowired
    TraceWorker worker;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEvents events;

    @AfterAll
    static void stopDns() {
        dns.close();
    }

    @BeforeEach
    void emptyTablesAndZone() {
        jdbc.sql("DELETE FROM tracing_host").update();
        dns.clear();
    }

    @Test
    void theSchedulerIsOffWhenTheWorkerIsDisabled(@Autowired ObjectProvider<TracingConfiguration.TraceSchedule> schedule) {
        assertThat(schedule.getIfAvailable()).isNull();
    }

    @Test
    void requestedHostsAreTracedInTheBackgroundAndPublished(CapturedOutput log) {
        dns.a("site.al", ALBANIA_V4).cname("www.hidden.example.org", "hidden.example.org").a("hidden.example.org", CLOUDFLARE_V4);

        request("site.al", "www.hidden.example.org", "203.0.113.9", "[2a02:1234::1]");

        assertThat(traces.latest("site.al")).get().satisfies(pending -> {
            assertThat(pending.reason()).isEqualTo(HostingTrace.Reason.PENDING);
            assertThat(pending.queued()).isTrue();
            assertThat(pending.hasOutcome()).isFalse();
        });
        assertThat(worker.traceDue()).isEqualTo(4);

        Map<String, HostingTrace> latest = traces.latest(List.of("site.al", "www.hidden.example.org", "203.0.113.9", "[2a02:1234::1]"));
        assertThat(latest.get("site.al").hostingCountry()).contains("AL");
        assertThat(latest.get("site.al").queued()).isFalse();
        assertThat(latest.get("site.al").tracedAt()).isEqualTo(clock.instant());
        assertThat(latest.get("site.al").expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
        assertThat(latest.get("www.hidden.example.org").behindCdn()).isTrue();
        assertThat(latest.get("www.hidden.example.org").aliases()).containsExactly("hidden.example.org");
        assertThat(latest.get("203.0.113.9").reason()).isEqualTo(HostingTrace.Reason.ONLY_PRIVATE_ADDRESSES);
        assertThat(latest.get("[2a02:1234::1]").hostingCountry()).contains("AL");
        assertThat(events.stream(HostingTraced.class)).containsExactlyInAnyOrder(
                new HostingTraced("site.al", HostingTrace.State.TRACED, null, "AL", List.of("AL"), false, clock.instant()),
                new HostingTraced("www.hidden.example.org", HostingTrace.State.TRACED, null, null, List.of(), true, clock.instant()),
                new HostingTraced("203.0.113.9", HostingTrace.State.NOT_TRACED, HostingTrace.Reason.ONLY_PRIVATE_ADDRESSES, null,
                        List.of(), false, clock.instant()),
                new HostingTraced("2a02:1234::1", HostingTrace.State.TRACED, null, "AL", List.of("AL"), false, clock.instant()));
        assertThat(log.getOut()).as("host names are logged at debug only").doesNotContain("site.al", "hidden.example.org");
    }

    @Test
    void aRequestMustBeMadeInsideTheCallersTransaction() {
        assertThatThrownBy(() -> traces.request(List.of("site.al"))).isInstanceOf(IllegalTransactionStateException.class);
        assertThat(traces.latest("site.al")).isEmpty();
    }

    @Test
    void aRequestRolledBackWithItsTransactionIsNeverTraced() {
        dns.a("site.al", ALBANIA_V4);

        transactions.executeWithoutResult(status -> {
            traces.request(List.of("site.al"));
            status.setRollbackOnly();
        });

        assertThat(worker.traceDue()).isZero();
        assertThat(traces.latest("site.al")).isEmpty();
        assertThat(dns.queries()).isZero();
    }

    @Test
    void aHostTracedAndNotExpiredIsNotQueuedAgainButAnExpiredOneIs() {
        dns.a("site.al", ALBANIA_V4);
        request("site.al");
        request("SITE.al.", "site.al");
        assertThat(worker.traceDue()).isEqualTo(1);

        clock.advance(Duration.ofHours(23));
        request("site.al");
        assertThat(worker.traceDue()).isZero();
        assertThat(traces.latest("site.al")).get().satisfies(trace -> assertThat(trace.expired()).isFalse());

        clock.advance(Duration.ofHours(1));
        assertThat(traces.latest("site.al")).get().satisfies(trace -> {
            assertThat(trace.expired()).isTrue();
            assertThat(trace.queued()).isFalse();
            assertThat(trace.hostingCountry()).as("an expired trace is still shown, flagged").contains("AL");
        });
        request("site.al");
        assertThat(traces.latest("site.al")).get().satisfies(trace -> assertThat(trace.queued()).isTrue());
        assertThat(worker.traceDue()).isEqualTo(1);

        assertThat(dns.queries("site.al", Type.A)).isEqualTo(2);
        assertThat(traces.latest("site.al")).get().satisfies(trace -> {
            assertThat(trace.expired()).isFalse();
            assertThat(trace.tracedAt()).isEqualTo(clock.instant());
        });
    }

    @Test
    void aFailedTraceIsRetriedWithAGrowingWaitUntilTheAttemptsRunOut() {
        dns.failing("flaky.example.org");
        request("flaky.example.org");
        List<Duration> waits = new ArrayList<>();

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(worker.traceDue()).isEqualTo(1);
            HostingTrace trace = traces.latest("flaky.example.org").orElseThrow();
            assertThat(trace.reason()).isEqualTo(HostingTrace.Reason.RESOLVER_FAILED);
            assertThat(trace.queued()).isEqualTo(attempt < 5);
            waits.add(Duration.between(trace.tracedAt(), trace.expiresAt()));
            assertThat(worker.traceDue()).as("not before its time").isZero();
            clock.advance(waits.get(waits.size() - 1));
        }

        assertThat(waits).containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(20),
                Duration.ofMinutes(40), Duration.ofMinutes(80));
        assertThat(worker.traceDue()).as("left until asked for again").isZero();
        assertThat(dns.queries("flaky.example.org", Type.A)).isEqualTo(5);

        dns.clear();
        dns.a("flaky.example.org", GERMANY_V4);
        request("flaky.example.org");
        assertThat(worker.traceDue()).isEqualTo(1);
        assertThat(traces.latest("flaky.example.org")).get().satisfies(trace -> assertThat(trace.hostingCountry()).contains("DE"));
    }

    @Test
    void aTimeoutIsSaidAndRetried() {
        dns.silent("slow.example.org");
        request("slow.example.org");

        assertThat(worker.traceDue()).isEqualTo(1);

        assertThat(traces.latest("slow.example.org")).get().satisfies(trace -> {
            assertThat(trace.reason()).isEqualTo(HostingTrace.Reason.TIMEOUT);
            assertThat(trace.queued()).isTrue();
        });
    }

    @Test
    void aNameThatDoesNotExistIsKeptAsSuchAndNeverTakenForAPlace() {
        request("gone.example.org");
        worker.traceDue();

        assertThat(traces.latest("gone.example.org")).get().satisfies(trace -> {
            assertThat(trace.state()).isEqualTo(HostingTrace.State.NOT_TRACED);
            assertThat(trace.reason()).isEqualTo(HostingTrace.Reason.NO_SUCH_HOST);
            assertThat(trace.hostingCountry()).isEmpty();
        });
        assertThat(events.stream(HostingTraced.class)).singleElement()
                .satisfies(event -> assertThat(event.reason()).isEqualTo(HostingTrace.Reason.NO_SUCH_HOST));
    }

    @Test
    void traceNowRefreshesTheCacheAndPublishes() {
        dns.a("moved.example.org", ALBANIA_V4);
        request("moved.example.org");
        worker.traceDue();
        dns.clear();
        dns.a("moved.example.org", USA_V4);
        clock.advance(Duration.ofMinutes(3));

        HostingTrace now = traces.traceNow("moved.example.org");

        assertThat(now.hostingCountry()).contains("US");
        assertThat(traces.latest("moved.example.org")).contains(now);
        assertThat(events.stream(HostingTraced.class)).extracting(HostingTraced::country).containsExactly("AL", "US");
    }

    @Test
    void traceNowNeedsNoRequestAndTakesNothingThatIsNoHost() {
        dns.a("new.example.org", GERMANY_V4);

        assertThat(traces.traceNow("new.example.org").hostingCountry()).contains("DE");
        assertThat(traces.traceNow("not a host").reason()).isEqualTo(HostingTrace.Reason.INVALID_HOST);
        assertThat(jdbc.sql("SELECT host FROM tracing_host").query(String.class).list()).containsExactly("new.example.org");
    }

    @Test
    void hostileHostsAreNeverStoredNorAskedAboutAndSayWhy() {
        List<String> hostile = List.of("'; DROP TABLE tracing_host; --", "a".repeat(10_000), "exa mple.com",
                "evil.com%00.al", "<script>alert(1)</script>", "..", "", "\u0000", "[::1", "1.2.3.4.5");
        List<String> reachable = List.of("127.0.0.1", "[::1]", "0x7f.1", "2130706433", "localhost", "x.onion", "ｅｘａｍｐｌｅ.al");
        List<String> all = new ArrayList<>(hostile);
        all.addAll(reachable);

        request(all.toArray(String[]::new));
        worker.traceDue();

        assertThat(jdbc.sql("SELECT host FROM tracing_host").query(String.class).list())
                .containsExactlyInAnyOrder("127.0.0.1", "::1", "localhost", "x.onion", "example.al");
        Map<String, HostingTrace> latest = traces.latest(all);
        assertThat(hostile).allSatisfy(host -> assertThat(latest.get(host).reason()).isEqualTo(HostingTrace.Reason.INVALID_HOST));
        assertThat(latest.get("0x7f.1").reason()).isEqualTo(HostingTrace.Reason.ONLY_PRIVATE_ADDRESSES);
        assertThat(latest.get("[::1]").addresses()).extracting(HostingTrace.Address::ip).containsExactly("::1");
        assertThat(latest.get("localhost").reason()).isEqualTo(HostingTrace.Reason.SPECIAL_USE_NAME);
        assertThat(latest.get("x.onion").reason()).isEqualTo(HostingTrace.Reason.ONION);
        assertThat(latest.get("ｅｘａｍｐｌｅ.al").reason()).isEqualTo(HostingTrace.Reason.NO_SUCH_HOST);
        assertThat(dns.queries()).as("only the one real name was asked about").isEqualTo(1);
    }

    @Test
    void aHostNobodyAskedAboutHasNoTrace() {
        assertThat(traces.latest("never.example.org")).isEmpty();
        assertThat(traces.latest(List.of("never.example.org"))).isEmpty();
    }

    @Test
    void twoNodesTracingAtOnceTraceEachHostOnce() throws Exception {
        List<String> hosts = IntStream.range(0, 40).mapToObj(i -> "host" + i + ".example.org").toList();
        hosts.forEach(host -> dns.a(host, i(hosts.indexOf(host))));
        request(hosts.toArray(String[]::new));

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<Integer>> rounds = IntStream.range(0, 2)
                    .mapToObj(node -> CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return worker.traceDue();
                    }, nodes))
                    .toList();
            int traced = rounds.stream().mapToInt(CompletableFuture::join).sum();

            assertThat(traced).isEqualTo(40);
            assertThat(rounds).as("both nodes took part").allSatisfy(round -> assertThat(round.join()).isPositive());
        }
        finally {
            nodes.shutdownNow();
        }
        assertThat(hosts).allSatisfy(host -> {
            assertThat(dns.queries(host, Type.A)).isEqualTo(1);
            assertThat(traces.latest(host)).get().satisfies(trace -> assertThat(trace.traced()).isTrue());
        });
    }

    @Test
    void aHostWhoseNodeDiedWhileTracingIsTracedAgainOnceTheLeaseRunsOut() {
        dns.a("site.al", ALBANIA_V4);
        request("site.al");
        jdbc.sql("UPDATE tracing_host SET lease_until = :until")
                .param("until", Timestamp.from(clock.instant().plus(Duration.ofMinutes(2))))
                .update();

        assertThat(worker.traceDue()).as("another node has it").isZero();
        clock.advance(Duration.ofMinutes(2));

        assertThat(worker.traceDue()).isEqualTo(1);
        assertThat(traces.latest("site.al")).get().satisfies(trace -> assertThat(trace.hostingCountry()).contains("AL"));
    }

    private void request(String... hosts) {
        transactions.executeWithoutResult(status -> traces.request(List.of(hosts)));
    }

    /** Addresses in Albania's test network, one per host. */
    private static String i(int index) {
        return "31.22.48." + (10 + index);
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
