package org.raporto.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long verifying a long audit log takes, against reading the same rows in the same batches without checking them.
 * Not part of the build (surefire runs {@code *Test} and {@code *Tests}); run it with
 * {@code ./mvnw test -Dtest=AuditVerifyBenchmark -Daudit.entries=1000000 -DargLine=-Xmx256m}, the heap limit showing
 * that memory does not grow with the log.
 */
@SpringBootTest
class AuditVerifyBenchmark {

    private static final int INSERT_BATCH = 5_000;

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void verifiesALongLog() {
        int entries = Integer.getInteger("audit.entries", 1_000_000);
        long filling = System.nanoTime();
        fill(entries);
        System.out.printf("audit benchmark: %,d entries written in %,d ms%n", entries, millisSince(filling));

        for (int round = 1; round <= 3; round++) {
            long reading = System.nanoTime();
            long read = transactions.execute(status -> readAll());
            long readMillis = millisSince(reading);

            long verifying = System.nanoTime();
            ChainVerification verification = auditLog.verify();
            long verifyMillis = millisSince(verifying);

            assertThat(read).isEqualTo(entries);
            assertThat(verification.intact()).isTrue();
            assertThat(verification.entries()).isEqualTo(entries);
            Runtime runtime = Runtime.getRuntime();
            System.out.printf("audit benchmark, round %d: reading %,d ms, verifying %,d ms (%.2f × reading), heap used %,d MiB of %,d%n",
                    round, readMillis, verifyMillis, (double) verifyMillis / readMillis,
                    (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
        }
    }

    /** The baseline: every row, in the batches verification reads, and nothing done with it. */
    private long readAll() {
        long last = 0;
        long count = 0;
        int read;
        do {
            List<Long> seqs = jdbc.sql("SELECT seq, id, at, actor_id, actor_name, action, object_type, object_id, details::text AS details, "
                    + "address_hash, previous_hash, hash FROM audit_entry WHERE seq > ? ORDER BY seq LIMIT ?")
                    .params(last, AuditLog.VERIFY_BATCH)
                    .query((row, number) -> row.getLong("seq"))
                    .list();
            read = seqs.size();
            count += read;
            if (read > 0) {
                last = seqs.get(read - 1);
            }
        } while (read == AuditLog.VERIFY_BATCH);
        return count;
    }

    /** Entries like the ones staff make (a view of a report, a role change), chained, written in large batches. */
    private void fill(int entries) {
        byte[] previous = EntryHash.GENESIS;
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        UUID actor = UUID.randomUUID();
        List<Object[]> rows = new ArrayList<>(INSERT_BATCH);
        for (long seq = 1; seq <= entries; seq++) {
            boolean view = seq % 10 != 0;
            Map<String, String> details = view ? Map.of() : Map.of("from", "ANALYST", "to", "ANALYST,SUPERVISOR");
            EntryHash.Content content = new EntryHash.Content(seq, UUID.randomUUID(), at.plusSeconds(seq), actor, "Ardita Hoxha",
                    view ? "REPORT_VIEWED" : "ROLES_CHANGED", view ? "report" : "account", UUID.randomUUID().toString(), details, null);
            byte[] hash = EntryHash.of(content, previous);
            rows.add(new Object[] {content.seq(), content.id(), OffsetDateTime.ofInstant(content.at(), ZoneOffset.UTC), content.actorId(),
                    content.actorName(), content.action(), content.objectType(), content.objectId(),
                    JsonMapper.shared().writeValueAsString(details), previous, hash});
            previous = hash;
            if (rows.size() == INSERT_BATCH || seq == entries) {
                List<Object[]> batch = List.copyOf(rows);
                transactions.executeWithoutResult(status -> jdbcTemplate.batchUpdate("""
                        INSERT INTO audit_entry (seq, id, at, actor_id, actor_name, action, object_type, object_id, details,
                            previous_hash, hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)""", batch));
                rows.clear();
            }
        }
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
