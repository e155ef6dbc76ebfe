package org.raporto.tracing;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The table of hosts ({@code tracing_host}, {@code tracing_address}): the queue of hosts to trace, and the last outcome
 * of each, which every node reads.
 */
@Component
class TraceStore {

    private final JdbcClient jdbc;

    TraceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Queues the host unless it waits already, or has an outcome that has not expired. A host queued again starts its
     * count of failures anew.
     *
     * @return whether it was queued by this call
     */
    boolean request(Target target, Instant now) {
        return jdbc.sql("""
                INSERT INTO tracing_host (host, literal, requested_at, due_at)
                VALUES (:host, :literal, :now, :now)
                ON CONFLICT (host) DO UPDATE SET due_at = :now, attempts = 0
                WHERE tracing_host.due_at IS NULL AND tracing_host.expires_at <= :now
                """)
                .param("host", target.key())
                .param("literal", target instanceof Target.Literal)
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    /**
     * Takes the host that has waited longest among those due, for the lease: committed at once (one statement), so
     * that other nodes see it taken, and never waiting for a row another node holds ({@code SKIP LOCKED}).
     *
     * @param namesToo false: only hosts that are addresses (offline, names cannot be traced)
     */
    Optional<Claim> claimNext(Instant now, Duration lease, boolean namesToo) {
        return jdbc.sql("""
                UPDATE tracing_host SET lease_until = :leaseUntil
                WHERE host = (
                    SELECT host FROM tracing_host
                    WHERE due_at <= :now AND (lease_until IS NULL OR lease_until <= :now) AND (literal OR :namesToo)
                    ORDER BY due_at
                    LIMIT 1
                    FOR UPDATE SKIP LOCKED)
                RETURNING host, attempts
                """)
                .param("now", Timestamp.from(now))
                .param("leaseUntil", Timestamp.from(now.plus(lease)))
                .param("namesToo", namesToo)
                .query((row, number) -> new Claim(row.getString("host"), row.getInt("attempts")))
                .optional();
    }

    /** Gives a claimed host back to the queue untraced, for another round or node. */
    void release(String host) {
        jdbc.sql("UPDATE tracing_host SET lease_until = NULL WHERE host = :host").param("host", host).update();
    }

    /**
     * Records the outcome of a trace as the host's last, whoever asked for it, and takes the host off the queue or
     * queues its retry.
     *
     * @param attempts failures in a row, this trace included (0 when it succeeded)
     * @param retryAt  when to trace it again; null: not before someone asks
     */
    void store(Target target, Tracer.Findings findings, HostingTrace summary, Instant tracedAt, Instant expiresAt,
            int attempts, @Nullable Instant retryAt) {
        jdbc.sql("""
                INSERT INTO tracing_host (host, literal, requested_at, due_at, lease_until, attempts, outcome, reason,
                                          aliases, country, behind_cdn, traced_at, expires_at)
                VALUES (:host, :literal, :tracedAt, :dueAt, NULL, :attempts, :outcome, :reason,
                        :aliases, :country, :behindCdn, :tracedAt, :expiresAt)
                ON CONFLICT (host) DO UPDATE SET
                    due_at = EXCLUDED.due_at, lease_until = NULL, attempts = EXCLUDED.attempts, outcome = EXCLUDED.outcome,
                    reason = EXCLUDED.reason, aliases = EXCLUDED.aliases, country = EXCLUDED.country,
                    behind_cdn = EXCLUDED.behind_cdn, traced_at = EXCLUDED.traced_at, expires_at = EXCLUDED.expires_at
                """)
                .param("host", target.key())
                .param("literal", target instanceof Target.Literal)
                .param("dueAt", retryAt == null ? null : Timestamp.from(retryAt))
                .param("attempts", attempts)
                .param("outcome", findings.traced() ? "TRACED" : "NOT_TRACED")
                .param("reason", findings.failure() == null ? null : findings.failure().name())
                .param("aliases", findings.aliases().toArray(String[]::new))
                .param("country", summary.hostingCountry().orElse(null))
                .param("behindCdn", summary.behindCdn())
                .param("tracedAt", Timestamp.from(tracedAt))
                .param("expiresAt", Timestamp.from(expiresAt))
                .update();
        jdbc.sql("DELETE FROM tracing_address WHERE host = :host").param("host", target.key()).update();
        List<HostingTrace.Address> addresses = findings.addresses();
        for (int position = 0; position < addresses.size(); position++) {
            HostingTrace.Address address = addresses.get(position);
            jdbc.sql("""
                    INSERT INTO tracing_address (host, position, address, on_internet, country, asn, network, cdn)
                    VALUES (:host, :position, CAST(:address AS inet), :onInternet, :country, :asn, :network, :cdn)
                    """)
                    .param("host", target.key())
                    .param("position", position)
                    .param("address", address.ip())
                    .param("onInternet", address.onInternet())
                    .param("country", address.country())
                    .param("asn", address.asn())
                    .param("network", address.network())
                    .param("cdn", address.cdn())
                    .update();
        }
    }

    /** The rows of the hosts that have one, by key. */
    Map<String, Row> find(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<String, Row> rows = new HashMap<>();
        jdbc.sql("""
                SELECT host, due_at, outcome, reason, aliases, traced_at, expires_at
                FROM tracing_host WHERE host IN (:hosts)
                """)
                .param("hosts", keys)
                .query((ResultSet row) -> {
                    rows.put(row.getString("host"), new Row(row.getString("host"), row.getTimestamp("due_at") != null,
                            row.getString("outcome"), row.getString("reason"), aliases(row.getArray("aliases")),
                            instant(row.getTimestamp("traced_at")), instant(row.getTimestamp("expires_at")), new ArrayList<>()));
                });
        if (!rows.isEmpty()) {
            jdbc.sql("""
                    SELECT host, host(address) AS ip, family(address) AS version, on_internet, country, asn, network, cdn
                    FROM tracing_address WHERE host IN (:hosts) ORDER BY host, position
                    """)
                    .param("hosts", rows.keySet())
                    .query((ResultSet row) -> {
                        Long asn = row.getObject("asn", Long.class);
                        rows.get(row.getString("host")).addresses().add(new HostingTrace.Address(row.getString("ip"),
                                row.getInt("version"), row.getBoolean("on_internet"), row.getString("country"), asn,
                                row.getString("network"), row.getString("cdn")));
                    });
        }
        return rows;
    }

    private static List<String> aliases(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A host this node has taken, with the failures in a row before this trace. */
    record Claim(String host, int attempts) {
    }

    /**
     * A host's row.
     *
     * @param queued  whether it waits for a trace (or is being traced)
     * @param outcome {@code TRACED} or {@code NOT_TRACED}; null before the first trace
     */
    record Row(String host, boolean queued, @Nullable String outcome, @Nullable String reason, List<String> aliases,
            @Nullable Instant tracedAt, @Nullable Instant expiresAt, List<HostingTrace.Address> addresses) {
    }
}
