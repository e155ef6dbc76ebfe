package org.raporto.tracing;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.raporto.tracing.TestIpData.ALBANIA_V4;
import static org.raporto.tracing.TestIpData.GERMANY_V4;

/**
 * Offline, as the test profile is ({@code raporto.outbound.offline=true}): the application works on, no DNS query
 * leaves, names say "not traced: offline" and wait, addresses written as the host are still placed from the data on
 * the machine. A DNS server of the test's own is configured all the same, to see that nothing reaches it.
 */
@SpringBootTest(properties = "raporto.tracing.worker.enabled=false")
class OfflineTracesTest {

    private static final TestDnsServer dns = new TestDnsServer();

    @DynamicPropertySource
    static void ownDnsAndData(DynamicPropertyRegistry registry) {
        registry.add("raporto.tracing.dns.resolvers", dns::address);
        registry.add("raporto.tracing.data", () -> TestIpData.location(TestIpData.write()));
    }

    @Autowired
    HostingTraces traces;

    @Autowired
    TraceWorker worker;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @AfterAll
    static void stopDns() {
        dns.close();
    }

    @BeforeEach
    void emptyTable() {
        jdbc.sql("DELETE FROM tracing_host").update();
        dns.clear();
        dns.a("site.al", ALBANIA_V4);
    }

    @Test
    void namesWaitAndSaySoWhileAddressesAreTraced() {
        transactions.executeWithoutResult(status -> traces.request(List.of("site.al", GERMANY_V4)));

        assertThat(worker.traceDue()).isEqualTo(1);

        assertThat(traces.latest("site.al")).get().satisfies(trace -> {
            assertThat(trace.state()).isEqualTo(HostingTrace.State.NOT_TRACED);
            assertThat(trace.reason()).isEqualTo(HostingTrace.Reason.OFFLINE);
            assertThat(trace.queued()).as("traced once the server is online").isTrue();
        });
        assertThat(traces.latest(GERMANY_V4)).get().satisfies(trace -> assertThat(trace.hostingCountry()).contains("DE"));
        assertThat(dns.queries()).isZero();
    }

    @Test
    void traceNowOfANameSaysOfflineAndKeepsTheLastTrace() {
        jdbc.sql("""
                INSERT INTO tracing_host (host, literal, requested_at, outcome, country, traced_at, expires_at)
                VALUES ('site.al', false, now(), 'TRACED', 'AL', now(), now() + interval '1 day')
                """).update();

        HostingTrace now = traces.traceNow("site.al");

        assertThat(now.reason()).isEqualTo(HostingTrace.Reason.OFFLINE);
        assertThat(now.hasOutcome()).isFalse();
        assertThat(jdbc.sql("SELECT outcome FROM tracing_host WHERE host = 'site.al'").query(String.class).single()).isEqualTo("TRACED");
        assertThat(traces.traceNow("[::ffff:" + GERMANY_V4 + "]").hostingCountry()).contains("DE");
        assertThat(dns.queries()).isZero();
    }
}
