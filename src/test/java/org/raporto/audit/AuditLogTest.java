package org.raporto.audit;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.raporto.audit.ChainVerification.BrokenLink;
import org.raporto.audit.ChainVerification.Flaw;
import org.raporto.testing.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit log on the embedded PostgreSQL: entries written in the caller's transaction, the chain, and what
 * verification finds after someone with the table owner's rights switched the append-only trigger off and changed or
 * removed rows.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class AuditLogTest {

    private static final Actor ARDITA = new Actor(UUID.fromString("5e8f7a6b-1c2d-4e3f-8a9b-0c1d2e3f4a5b"), "Ardita Hoxha");
    private static final Actor BLERINA = new Actor(UUID.fromString("0f1e2d3c-4b5a-4697-8877-665544332211"), "Blerina Çela");
    private static final String REPORT = "8d2f6c1a-3b4e-4f5a-9c8d-7e6f5a4b3c2d";

    @TestConfiguration(proxyBeanMethods = false)
    static class Time {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
        }
    }

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void emptyLog() {
        asTableOwner("TRUNCATE audit_entry");
    }

    @Test
    void anEntryIsStoredAsRecordedAndChainedToTheOneBefore() {
        byte[] address = HexFormat.of().parseHex("a1b2c3d4e5f60718293a4b5c6d7e8f90");
        AuditEntry first = record(Actor.system(), AuditAction.SETUP_COMPLETED, null, null, Map.of());
        AuditEntry second = transactions.execute(status -> auditLog.record(BLERINA, AuditAction.ROLES_CHANGED, "account",
                ARDITA.id().toString(), Map.of("to", "ANALYST,SUPERVISOR", "from", "ANALYST", "note", "Çështje e ngutshme 🚨"), address));

        assertThat(first.seq()).isOne();
        assertThat(first.previousHash()).isEqualTo("0".repeat(64));
        assertThat(first.actor()).isEqualTo(new Actor(null, "system"));
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(second.details()).containsExactly(Map.entry("from", "ANALYST"), Map.entry("note", "Çështje e ngutshme 🚨"),
                Map.entry("to", "ANALYST,SUPERVISOR"));
        assertThat(second.addressHash()).isEqualTo("a1b2c3d4e5f60718293a4b5c6d7e8f90");
        assertThat(auditLog.find(AuditQuery.newest(10))).as("what is read back is what was recorded").containsExactly(second, first);
        assertThat(auditLog.verify().intact()).isTrue();
    }

    @Test
    void theTimeIsKeptToTheMicrosecondSoThatTheHashHoldsWhenReadBack() {
        clock.advance(Duration.ofNanos(123_456_789));

        AuditEntry entry = record(ARDITA, AuditAction.SIGN_IN, null, null, Map.of());

        assertThat(entry.at()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.MICROS)).isNotEqualTo(clock.instant());
        assertThat(auditLog.find(AuditQuery.newest(1))).extracting(AuditEntry::at).containsExactly(entry.at());
        assertThat(auditLog.verify().intact()).isTrue();
    }

    @Test
    void anEntryRolledBackWithItsActionIsNeverWrittenAndLeavesNoGap() {
        transactions.executeWithoutResult(status -> {
            auditLog.record(ARDITA, AuditAction.REPORT_VIEWED, "report", REPORT, Map.of());
            status.setRollbackOnly();
        });

        assertThat(count()).isZero();
        assertThat(record(ARDITA, AuditAction.REPORT_VIEWED, "report", REPORT, Map.of()).seq()).isOne();
    }

    @Test
    void anEntryCannotBeRecordedOutsideATransaction() {
        assertThatThrownBy(() -> auditLog.record(ARDITA, AuditAction.REPORT_VIEWED, "report", REPORT, Map.of()))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(count()).isZero();
    }

    @Test
    void refusesDetailsThatAreNotShortNamedFactsAndWritesNothing() {
        assertThatThrownBy(() -> record(ARDITA, AuditAction.SETTING_CHANGED, "setting", "x", Map.of("New Value", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key");
        assertThatThrownBy(() -> record(ARDITA, AuditAction.SETTING_CHANGED, "setting", "x", Map.of("to", "a\u0000b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NUL");
        assertThatThrownBy(() -> record(ARDITA, AuditAction.SETTING_CHANGED, "setting", "x", Map.of("to", "x".repeat(501))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("xxx");
        assertThatThrownBy(() -> record(ARDITA, AuditAction.SETTING_CHANGED, null, "x", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type");
        assertThat(count()).isZero();
    }

    @Test
    void anEmptyLogIsIntact() {
        assertThat(auditLog.verify()).isEqualTo(new ChainVerification(0, ChainHead.EMPTY, null));
    }

    @Test
    void anUntouchedChainIsIntactAndItsHeadIsLogged(CapturedOutput log) {
        List<AuditEntry> entries = recordFive();

        ChainVerification verification = auditLog.verify();

        AuditEntry last = entries.get(4);
        assertThat(verification).isEqualTo(new ChainVerification(5, new ChainHead(5, last.hash()), null));
        assertThat(auditLog.verify(new ChainHead(5, last.hash())).intact()).isTrue();
        assertThat(auditLog.verify(new ChainHead(3, entries.get(2).hash())).intact()).as("a head from earlier").isTrue();
        assertThat(log.getAll()).contains("Audit log intact: 5 entries, head 5 " + last.hash());
    }

    @Test
    void theChainIsVerifiedAcrossBatches() {
        int entries = AuditLog.VERIFY_BATCH * 2 + 1;
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < entries; i++) {
                auditLog.record(ARDITA, AuditAction.REPORT_VIEWED, "report", "R-" + i, Map.of());
            }
        });
        assertThat(auditLog.verify().entries()).isEqualTo(entries);

        long inSecondBatch = AuditLog.VERIFY_BATCH + 7;
        asTableOwner("UPDATE audit_entry SET object_id = 'R-0' WHERE seq = ?", inSecondBatch);

        assertThat(auditLog.verify().brokenLink()).isEqualTo(new BrokenLink(inSecondBatch, Flaw.CHANGED));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "UPDATE audit_entry SET details = '{\"from\": \"ANALYST\", \"to\": \"ADMIN\"}' WHERE seq = 3",
            "UPDATE audit_entry SET details = details - 'to' WHERE seq = 3",
            "UPDATE audit_entry SET details = details || '{\"from\": [\"ANALYST\"]}' WHERE seq = 3",
            "UPDATE audit_entry SET details = '{\"from\": \"ANALYST\", \"to\": 5}' WHERE seq = 4",
            "UPDATE audit_entry SET action = 'CLEARANCE_CHANGED' WHERE seq = 3",
            "UPDATE audit_entry SET actor_name = 'Blerina Cela' WHERE seq = 3",
            "UPDATE audit_entry SET actor_id = NULL WHERE seq = 3",
            "UPDATE audit_entry SET at = at - interval '1 hour' WHERE seq = 3",
            "UPDATE audit_entry SET at = at + interval '1 microsecond' WHERE seq = 3",
            "UPDATE audit_entry SET object_id = '00000000-0000-0000-0000-000000000000' WHERE seq = 3",
            "UPDATE audit_entry SET address_hash = NULL WHERE seq = 3",
            "UPDATE audit_entry SET id = gen_random_uuid() WHERE seq = 3",
            "UPDATE audit_entry SET previous_hash = (SELECT hash FROM audit_entry WHERE seq = 1) WHERE seq = 3",
            "UPDATE audit_entry SET hash = sha256(hash) WHERE seq = 3"
    })
    void aRowChangedInTheDatabaseIsTheFirstBrokenLink(String tampering) {
        List<AuditEntry> entries = recordFive();
        long changed = tampering.endsWith("seq = 4") ? 4 : 3;

        asTableOwner(tampering);

        ChainVerification verification = auditLog.verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.brokenLink()).isEqualTo(new BrokenLink(changed, Flaw.CHANGED));
        assertThat(verification.entries()).isEqualTo(changed - 1);
        assertThat(verification.head()).isEqualTo(new ChainHead(changed - 1, entries.get((int) changed - 2).hash()));
    }

    @Test
    void aRowChangedAndHashedAnewBreaksTheLinkToTheNext() {
        recordFive();
        Map<String, Object> row = jdbc.sql("SELECT * FROM audit_entry WHERE seq = 3").query().singleRow();
        byte[] rehashed = EntryHash.of(new EntryHash.Content(3, (UUID) row.get("id"), ((Timestamp) row.get("at")).toInstant(),
                (UUID) row.get("actor_id"), "Someone Else", (String) row.get("action"), (String) row.get("object_type"),
                (String) row.get("object_id"), Map.of("from", "ANALYST", "to", "ADMIN"), (byte[]) row.get("address_hash")),
                (byte[]) row.get("previous_hash"));

        asTableOwner("""
                UPDATE audit_entry SET actor_name = 'Someone Else', details = '{"from": "ANALYST", "to": "ADMIN"}', hash = ?
                WHERE seq = 3""", rehashed);

        assertThat(auditLog.verify().brokenLink()).isEqualTo(new BrokenLink(4, Flaw.UNLINKED));
    }

    @ParameterizedTest(name = "row {0} removed")
    @CsvSource({"3", "1", "4"})
    void aRowRemovedBeforeTheEndIsMissing(long removed) {
        recordFive();

        asTableOwner("DELETE FROM audit_entry WHERE seq = ?", removed);

        assertThat(auditLog.verify()).satisfies(verification -> {
            assertThat(verification.brokenLink()).isEqualTo(new BrokenLink(removed, Flaw.MISSING));
            assertThat(verification.entries()).isEqualTo(removed - 1);
        });
    }

    @Test
    void rowsRemovedFromTheEndAreFoundOnlyAgainstAHeadNotedBefore() {
        List<AuditEntry> entries = recordFive();
        ChainHead noted = auditLog.verify().head();

        asTableOwner("DELETE FROM audit_entry WHERE seq >= 4");

        // What a hash chain cannot tell by itself: the three entries left are a sound chain, only shorter.
        assertThat(auditLog.verify()).isEqualTo(new ChainVerification(3, new ChainHead(3, entries.get(2).hash()), null));
        assertThat(auditLog.verify(noted).brokenLink()).isEqualTo(new BrokenLink(4, Flaw.TRUNCATED));
    }

    @Test
    void aChainRewrittenWithNewHashesIsFoundOnlyAgainstAHeadNotedBefore() {
        List<AuditEntry> entries = recordFive();
        ChainHead noted = auditLog.verify().head();

        // Someone who can write the table can also compute SHA-256: entry 3 changed, and 3 to 5 hashed anew.
        byte[] previous = HexFormat.of().parseHex(entries.get(1).hash());
        for (long seq = 3; seq <= 5; seq++) {
            Map<String, Object> row = jdbc.sql("SELECT * FROM audit_entry WHERE seq = ?").param(seq).query().singleRow();
            String actorName = seq == 3 ? "Someone Else" : (String) row.get("actor_name");
            byte[] hash = EntryHash.of(new EntryHash.Content(seq, (UUID) row.get("id"), ((Timestamp) row.get("at")).toInstant(),
                    (UUID) row.get("actor_id"), actorName, (String) row.get("action"), (String) row.get("object_type"),
                    (String) row.get("object_id"), entries.get((int) seq - 1).details(), (byte[]) row.get("address_hash")), previous);
            asTableOwner("UPDATE audit_entry SET actor_name = ?, previous_hash = ?, hash = ? WHERE seq = ?", actorName, previous, hash, seq);
            previous = hash;
        }

        assertThat(auditLog.verify().intact()).as("the chain alone").isTrue();
        assertThat(auditLog.verify(noted).brokenLink()).isEqualTo(new BrokenLink(5, Flaw.DIVERGED));
    }

    @Test
    void aRowWithAnActionRaportoDoesNotKnowIsListedByNoPageButStillVerified() {
        recordFive();
        asTableOwner("UPDATE audit_entry SET action = 'NOTHING_HAPPENED' WHERE seq = 2");

        assertThatThrownBy(() -> auditLog.find(AuditQuery.newest(10))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Audit entry 2");
        assertThat(auditLog.verify().brokenLink()).isEqualTo(new BrokenLink(2, Flaw.CHANGED));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "UPDATE audit_entry SET actor_name = 'Someone Else' WHERE seq = 2",
            "UPDATE audit_entry SET actor_name = actor_name WHERE false",
            "DELETE FROM audit_entry WHERE seq = 5",
            "DELETE FROM audit_entry",
            "TRUNCATE audit_entry"
    })
    void theDatabaseRefusesToChangeOrRemoveEntries(String statement) {
        recordFive();

        assertThatThrownBy(() -> jdbc.sql(statement).update()).isInstanceOf(DataIntegrityViolationException.class)
                .rootCause().hasMessageContaining("audit_entry is append-only: " + statement.split(" ")[0] + " is not allowed");

        assertThat(count()).isEqualTo(5);
        assertThat(auditLog.verify().intact()).isTrue();
    }

    @Test
    void eightWritersAtOnceMakeOneChainWithoutGapsOrTwins() throws Exception {
        int writers = 8;
        int each = 40;
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        try {
            CyclicBarrier start = new CyclicBarrier(writers);
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                String name = "Writer " + writer;
                all.add(CompletableFuture.runAsync(() -> {
                    await(start);
                    for (int i = 0; i < each; i++) {
                        record(new Actor(UUID.randomUUID(), name), AuditAction.REPORT_VIEWED, "report", REPORT, Map.of("n", "" + i));
                    }
                }, threads));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        }
        finally {
            threads.shutdownNow();
        }

        int total = writers * each;
        assertThat(auditLog.verify()).satisfies(verification -> {
            assertThat(verification.intact()).isTrue();
            assertThat(verification.entries()).isEqualTo(total);
        });
        assertThat(jdbc.sql("SELECT count(DISTINCT seq), min(seq), max(seq), count(DISTINCT previous_hash) FROM audit_entry")
                .query((row, number) -> List.of(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4))).single())
                .containsExactly((long) total, 1L, (long) total, (long) total);
    }

    @Test
    void pagesGoNewestFirstAndFiltersAllHold() {
        UUID otherReport = UUID.randomUUID();
        AuditEntry signIn = recordAfterAMinute(ARDITA, AuditAction.SIGN_IN, null, null);
        AuditEntry view1 = recordAfterAMinute(ARDITA, AuditAction.REPORT_VIEWED, "report", REPORT);
        AuditEntry failed = recordAfterAMinute(Actor.unknown(), AuditAction.SIGN_IN_FAILED, null, null);
        AuditEntry view2 = recordAfterAMinute(BLERINA, AuditAction.REPORT_VIEWED, "report", otherReport.toString());
        AuditEntry classified = recordAfterAMinute(BLERINA, AuditAction.ITEM_CLASSIFIED, "item", "17");
        AuditEntry view3 = recordAfterAMinute(BLERINA, AuditAction.REPORT_VIEWED, "report", REPORT);
        AuditEntry setting = recordAfterAMinute(ARDITA, AuditAction.SETTING_CHANGED, "setting", "retention");

        AuditQuery pages = AuditQuery.newest(3);
        assertThat(auditLog.find(pages)).containsExactly(setting, view3, classified);
        assertThat(auditLog.find(pages.olderThan(classified.seq()))).containsExactly(view2, failed, view1);
        assertThat(auditLog.find(pages.olderThan(view1.seq()))).containsExactly(signIn);
        assertThat(auditLog.find(pages.olderThan(signIn.seq()))).isEmpty();

        AuditQuery all = AuditQuery.newest(AuditQuery.MAX_LIMIT);
        assertThat(auditLog.find(all.byActor(ARDITA.id()))).containsExactly(setting, view1, signIn);
        assertThat(auditLog.find(all.withAction(AuditAction.REPORT_VIEWED))).containsExactly(view3, view2, view1);
        assertThat(auditLog.find(all.onObject("report", null))).containsExactly(view3, view2, view1);
        assertThat(auditLog.find(all.onObject("report", REPORT))).containsExactly(view3, view1);
        assertThat(auditLog.find(all.between(failed.at(), classified.at()))).as("from inclusive, to exclusive").containsExactly(view2, failed);
        assertThat(auditLog.find(all.between(view2.at(), null))).containsExactly(setting, view3, classified, view2);
        assertThat(auditLog.find(all.between(null, view1.at()))).containsExactly(signIn);
        assertThat(auditLog.find(all.byActor(BLERINA.id()).withAction(AuditAction.REPORT_VIEWED).onObject("report", REPORT)
                .between(signIn.at(), null))).containsExactly(view3);
        assertThat(auditLog.find(all.withAction(AuditAction.REPORT_VIEWED).olderThan(view2.seq()).byActor(BLERINA.id()))).isEmpty();
        assertThat(auditLog.find(all.withAction(AuditAction.EXPORT_MADE))).isEmpty();
    }

    private AuditEntry recordAfterAMinute(Actor actor, AuditAction action, @Nullable String objectType, @Nullable String objectId) {
        clock.advance(Duration.ofMinutes(1));
        return record(actor, action, objectType, objectId, Map.of());
    }

    /** Five entries, the third and fourth with details and an address hash. */
    private List<AuditEntry> recordFive() {
        byte[] address = HexFormat.of().parseHex("a1b2c3d4e5f60718293a4b5c6d7e8f90");
        List<AuditEntry> entries = new ArrayList<>();
        entries.add(record(Actor.system(), AuditAction.SETUP_COMPLETED, null, null, Map.of()));
        clock.advance(Duration.ofSeconds(3));
        entries.add(record(ARDITA, AuditAction.SIGN_IN, null, null, Map.of()));
        clock.advance(Duration.ofSeconds(3));
        entries.add(transactions.execute(status -> auditLog.record(ARDITA, AuditAction.ROLES_CHANGED, "account",
                BLERINA.id().toString(), Map.of("from", "ANALYST", "to", "ANALYST,SUPERVISOR"), address)));
        clock.advance(Duration.ofSeconds(3));
        entries.add(transactions.execute(status -> auditLog.record(BLERINA, AuditAction.EXPORT_MADE, "export", "statistics-2026",
                Map.of("from", "ANALYST", "to", "5"), address)));
        clock.advance(Duration.ofSeconds(3));
        entries.add(record(BLERINA, AuditAction.REPORT_VIEWED, "report", REPORT, Map.of()));
        return entries;
    }

    private AuditEntry record(Actor actor, AuditAction action, @Nullable String objectType, @Nullable String objectId,
            Map<String, String> details) {
        return transactions.execute(status -> auditLog.record(actor, action, objectType, objectId, details));
    }

    /**
     * Runs a statement as the table's owner can: with the append-only trigger switched off, as an attacker with DBA
     * rights would. Other sessions never see it off: ALTER TABLE is transactional and locks the table until the end.
     */
    private void asTableOwner(String statement, Object... params) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only").update();
            jdbc.sql(statement).params(params).update();
            jdbc.sql("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only").update();
        });
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single();
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
