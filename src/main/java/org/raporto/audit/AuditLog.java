package org.raporto.audit;

import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.raporto.audit.ChainVerification.BrokenLink;
import org.raporto.audit.ChainVerification.Flaw;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log: records what staff (and the system) did, in the transaction of the action itself, chains each
 * entry to the one before by a SHA-256 hash, and verifies the chain.
 * <p>
 * Entries are never changed or removed, by this class or by the database (a trigger refuses it). Someone with the
 * rights to switch the trigger off can still do either; {@link #verify()} then finds the first broken link, except for
 * entries removed from the end and a chain whose hashes were all computed anew, which only a {@link ChainHead} kept
 * elsewhere reveals ({@link #verify(ChainHead)}).
 */
@Service
public class AuditLog {

    /**
     * The advisory lock that lets one writer at a time append to the chain, on every node. The number is "audit" in
     * ASCII; no other lock in Raporto may use it.
     */
    static final long CHAIN_LOCK = 0x6175646974L;

    /** Entries read per query while verifying: memory stays the same however long the log is. */
    static final int VERIFY_BATCH = 2_000;

    public static final int MAX_DETAILS = 16;
    public static final int MAX_DETAIL_VALUE = 500;

    private static final Pattern DETAIL_KEY = Pattern.compile("[a-z][A-Za-z0-9_]{0,39}");
    private static final HexFormat HEX = HexFormat.of();
    private static final String COLUMNS = """
            seq, id, at, actor_id, actor_name, action, object_type, object_id, details::text AS details, address_hash,
            previous_hash, hash""";
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records an action in the caller's transaction, without the address it came from.
     *
     * @see #record(Actor, AuditAction, String, String, Map, byte[])
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry record(Actor actor, AuditAction action, @Nullable String objectType, @Nullable String objectId,
            Map<String, String> details) {
        return record(actor, action, objectType, objectId, details, null);
    }

    /**
     * Records an action in the caller's transaction: the entry commits with the action, or neither does.
     * <p>
     * From this call until the caller's transaction ends, other transactions that record wait (the chain has one
     * end), so record as the last step of the action, not the first. The caller's transaction must run at READ
     * COMMITTED (the default): one that read the log before this call under a stricter isolation sees an old end of
     * the chain and fails on the duplicate seq rather than fork the chain. It must not be read-only, not even for a
     * {@link AuditAction#REPORT_VIEWED view}: the entry is written.
     *
     * @param objectType  what kind of object the action was on ({@code report}, {@code account}…), up to 64 characters
     * @param objectId    which one, up to 200 characters; only with a type
     * @param details     up to {@value #MAX_DETAILS} short facts: keys in lower camel case of up to 40 characters,
     *                    values of up to {@value #MAX_DETAIL_VALUE}. Never report content, a password, a code, a token,
     *                    or the login typed at a failed sign-in (see {@link AuditAction#SIGN_IN_FAILED})
     * @param addressHash a keyed hash (16 to 64 bytes) of the address the action came from, never the address itself
     * @return the entry as stored
     * @throws org.springframework.transaction.IllegalTransactionStateException when called outside a transaction: an
     *         entry must be committed, or rolled back, together with the action it records
     * @throws IllegalArgumentException when a value is out of bounds; the message never repeats the value
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry record(Actor actor, AuditAction action, @Nullable String objectType, @Nullable String objectId,
            Map<String, String> details, byte @Nullable [] addressHash) {
        checkObject(objectType, objectId);
        Map<String, String> facts = checkDetails(details);
        if (addressHash != null && (addressHash.length < 16 || addressHash.length > 64)) {
            throw new IllegalArgumentException("An address hash has 16 to 64 bytes");
        }

        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query((row, number) -> 1).single();
        // Read after the lock: at READ COMMITTED this statement sees the entry the lock's previous holder committed.
        ChainEnd end = jdbc.sql("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1")
                .query((row, number) -> new ChainEnd(row.getLong("seq"), row.getBytes("hash")))
                .optional()
                .orElse(new ChainEnd(0, EntryHash.GENESIS));

        // PostgreSQL keeps microseconds: what is hashed must be what is read back.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        EntryHash.Content content = new EntryHash.Content(end.seq() + 1, UUID.randomUUID(), at, actor.id(), actor.name(),
                action.name(), objectType, objectId, facts, addressHash == null ? null : addressHash.clone());
        byte[] hash = EntryHash.of(content, end.hash());
        jdbc.sql("""
                INSERT INTO audit_entry (seq, id, at, actor_id, actor_name, action, object_type, object_id, details,
                    address_hash, previous_hash, hash)
                VALUES (:seq, :id, :at, :actorId, :actorName, :action, :objectType, :objectId, CAST(:details AS jsonb),
                    :addressHash, :previousHash, :hash)
                """)
                .param("seq", content.seq())
                .param("id", content.id())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("actorId", content.actorId())
                .param("actorName", content.actorName())
                .param("action", content.action())
                .param("objectType", objectType)
                .param("objectId", objectId)
                .param("details", JsonMapper.shared().writeValueAsString(facts))
                .param("addressHash", content.addressHash())
                .param("previousHash", end.hash())
                .param("hash", hash)
                .update();
        return entry(content, actor, action, end.hash(), hash);
    }

    /**
     * One page of entries, newest first. The next page is {@code query.olderThan(seq of the last entry)}; a page with
     * fewer entries than the limit is the last.
     *
     * @throws IllegalStateException when an entry holds an action no {@link AuditAction} has: it was changed in the
     *                               database ({@link #verify()} still reads it, and says where)
     */
    @Transactional(readOnly = true)
    public List<AuditEntry> find(AuditQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (query.before() != null) {
            conditions.add("seq < :before");
            params.put("before", query.before());
        }
        if (query.actorId() != null) {
            conditions.add("actor_id = :actorId");
            params.put("actorId", query.actorId());
        }
        if (query.action() != null) {
            conditions.add("action = :action");
            params.put("action", query.action().name());
        }
        if (query.objectType() != null) {
            conditions.add("object_type = :objectType");
            params.put("objectType", query.objectType());
        }
        if (query.objectId() != null) {
            conditions.add("object_id = :objectId");
            params.put("objectId", query.objectId());
        }
        if (query.from() != null) {
            conditions.add("at >= :from");
            params.put("from", OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
        }
        if (query.to() != null) {
            conditions.add("at < :to");
            params.put("to", OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
        }
        params.put("limit", query.limit());
        String where = conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions);
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry " + where + " ORDER BY seq DESC LIMIT :limit")
                .params(params)
                .query((row, number) -> {
                    Stored stored = stored(row);
                    EntryHash.Content content = stored.content();
                    return entry(content, new Actor(content.actorId(), content.actorName()), knownAction(content),
                            stored.previousHash(), stored.hash());
                })
                .list();
    }

    /**
     * Walks the whole chain from the first entry on and reports the first broken link: an entry that was changed, is
     * missing, or does not follow from the one before.
     * <p>
     * A chain alone cannot show that entries were removed from its end, nor that it was rewritten, hashes and all,
     * from some entry on: what remains is a sound, shorter or different chain. For that, compare with a head kept
     * outside the database ({@link #verify(ChainHead)}); every verification logs the head it found, so the log is one
     * such place. Recording {@link AuditAction#AUDIT_VERIFIED} is the caller's part.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ChainVerification verify() {
        return walk(ChainHead.EMPTY);
    }

    /**
     * {@link #verify()}, and the chain must also reach the expected head with the same hash: a head noted earlier
     * reveals entries removed from the end ({@link Flaw#TRUNCATED}) and a chain rewritten up to it ({@link Flaw#DIVERGED}).
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ChainVerification verify(ChainHead expected) {
        return walk(expected);
    }

    // One snapshot (REPEATABLE READ) for the whole walk, read in batches along the primary key: entries recorded
    // meanwhile are not half seen, and memory does not grow with the log.
    private ChainVerification walk(ChainHead expected) {
        Walk walk = new Walk(expected);
        int read;
        do {
            read = jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry WHERE seq > ? ORDER BY seq LIMIT ?")
                    .params(walk.lastSeq, VERIFY_BATCH)
                    .query(walk::batch);
        } while (read == VERIFY_BATCH && walk.broken == null);
        ChainVerification result = walk.result();
        if (result.intact()) {
            log.info("Audit log intact: {} entries, head {} {}", result.entries(), result.head().seq(), result.head().hash());
        }
        else {
            log.error("Audit log broken at seq {} ({}); intact up to seq {} {}", result.brokenLink().seq(),
                    result.brokenLink().flaw(), result.head().seq(), result.head().hash());
        }
        return result;
    }

    /** The state of one walk along the chain. */
    private static final class Walk {

        private final ChainHead expected;
        private final byte[] expectedHash;
        private long lastSeq;
        private byte[] lastHash = EntryHash.GENESIS;
        private @Nullable BrokenLink broken;

        Walk(ChainHead expected) {
            this.expected = expected;
            this.expectedHash = HEX.parseHex(expected.hash());
        }

        /** Checks a batch in seq order, up to the first broken link; returns how many rows the batch had. */
        int batch(ResultSet rows) throws SQLException {
            int read = 0;
            while (broken == null && rows.next()) {
                read++;
                Stored entry = stored(rows);
                long seq = lastSeq + 1;
                if (entry.content().seq() != seq) {
                    broken = new BrokenLink(seq, Flaw.MISSING);
                }
                else if (!entry.asWritten() || !hashHolds(entry)) {
                    broken = new BrokenLink(seq, Flaw.CHANGED);
                }
                else if (!MessageDigest.isEqual(entry.previousHash(), lastHash)) {
                    broken = new BrokenLink(seq, Flaw.UNLINKED);
                }
                else if (seq == expected.seq() && !MessageDigest.isEqual(entry.hash(), expectedHash)) {
                    broken = new BrokenLink(seq, Flaw.DIVERGED);
                }
                else {
                    lastSeq = seq;
                    lastHash = entry.hash();
                }
            }
            return read;
        }

        /** Whether the stored hash is the hash of what the row holds now. */
        private static boolean hashHolds(Stored entry) {
            return entry.previousHash().length == EntryHash.LENGTH
                    && MessageDigest.isEqual(EntryHash.of(entry.content(), entry.previousHash()), entry.hash());
        }

        ChainVerification result() {
            if (broken == null && lastSeq < expected.seq()) {
                broken = new BrokenLink(lastSeq + 1, Flaw.TRUNCATED);
            }
            return new ChainVerification(lastSeq, new ChainHead(lastSeq, HEX.formatHex(lastHash)), broken);
        }
    }

    private record ChainEnd(long seq, byte[] hash) {
    }

    /**
     * A row as stored. {@code asWritten} is false when its details are not a flat object of strings, which Raporto
     * never writes: such a row was changed, whatever its hash says, because the hash only covers strings.
     */
    private record Stored(EntryHash.Content content, boolean asWritten, byte[] previousHash, byte[] hash) {
    }

    private static Stored stored(ResultSet row) throws SQLException {
        Map<String, String> details = new TreeMap<>();
        boolean asWritten = readDetails(row.getString("details"), details);
        EntryHash.Content content = new EntryHash.Content(row.getLong("seq"), row.getObject("id", UUID.class),
                row.getObject("at", OffsetDateTime.class).toInstant(), row.getObject("actor_id", UUID.class),
                row.getString("actor_name"), row.getString("action"), row.getString("object_type"),
                row.getString("object_id"), details, row.getBytes("address_hash"));
        return new Stored(content, asWritten, row.getBytes("previous_hash"), row.getBytes("hash"));
    }

    /**
     * Reads the stored details into {@code into}, a value that is not a string as its JSON text, so that a changed row
     * can still be listed.
     *
     * @return whether they are a flat object of strings, as Raporto writes them
     */
    private static boolean readDetails(String json, Map<String, String> into) {
        if ("{}".equals(json)) {
            // Most entries have no details: no parser for them, which counts when a million entries are verified.
            return true;
        }
        JsonNode details;
        try {
            details = JsonMapper.shared().readTree(json);
        }
        catch (JacksonException e) {
            // PostgreSQL gives back valid JSON; this is here so that nothing stored can stop a verification.
            return false;
        }
        if (!details.isObject()) {
            return false;
        }
        boolean onlyStrings = true;
        for (Map.Entry<String, JsonNode> detail : details.properties()) {
            JsonNode value = detail.getValue();
            onlyStrings &= value.isString();
            into.put(detail.getKey(), value.isString() ? value.stringValue() : value.toString());
        }
        return onlyStrings;
    }

    private static AuditEntry entry(EntryHash.Content content, Actor actor, AuditAction action, byte[] previousHash, byte[] hash) {
        return new AuditEntry(content.seq(), content.id(), content.at(), actor, action, content.objectType(), content.objectId(),
                content.details(), content.addressHash() == null ? null : HEX.formatHex(content.addressHash()),
                HEX.formatHex(previousHash), HEX.formatHex(hash));
    }

    private static AuditAction knownAction(EntryHash.Content content) {
        try {
            return AuditAction.valueOf(content.action());
        }
        catch (IllegalArgumentException unknown) {
            throw new IllegalStateException("Audit entry " + content.seq() + " holds an action Raporto does not know; "
                    + "it was changed in the database, verify the chain", unknown);
        }
    }

    private static void checkObject(@Nullable String objectType, @Nullable String objectId) {
        if (objectType != null) {
            Text.check("object type", objectType, 64);
        }
        if (objectId != null) {
            if (objectType == null) {
                throw new IllegalArgumentException("An object id is recorded with its type");
            }
            Text.check("object id", objectId, 200);
        }
    }

    /** @return the details, sorted, after checking them */
    private static Map<String, String> checkDetails(Map<String, String> details) {
        if (details.size() > MAX_DETAILS) {
            throw new IllegalArgumentException("An audit entry has at most " + MAX_DETAILS + " details, not " + details.size());
        }
        Map<String, String> sorted = new TreeMap<>();
        details.forEach((key, value) -> {
            if (key == null || !DETAIL_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("A detail's key is a lower camel case name of up to 40 characters");
            }
            if (value == null) {
                throw new IllegalArgumentException("The detail " + key + " has no value");
            }
            if (!value.isEmpty()) {
                Text.check("detail " + key, value, MAX_DETAIL_VALUE);
            }
            sorted.put(key, value);
        });
        return sorted;
    }
}
