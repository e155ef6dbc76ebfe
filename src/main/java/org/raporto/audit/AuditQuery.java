package org.raporto.audit;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One page of the audit log, newest first, with optional filters that must all hold. The next page is the same query
 * {@link #olderThan(long) older than} the last entry of this one: paging by seq stays fast however long the log
 * grows, and entries written meanwhile do not shift the pages.
 *
 * @param before   only entries with a smaller seq; {@code null} for the newest
 * @param limit    at most this many entries, 1 to {@value #MAX_LIMIT}
 * @param actorId  only entries by this staff account
 * @param action   only this action
 * @param objectType only entries on objects of this type
 * @param objectId only entries on this object (with {@code objectType})
 * @param from     only entries at or after this time
 * @param to       only entries before this time
 */
public record AuditQuery(@Nullable Long before, int limit, @Nullable UUID actorId, @Nullable AuditAction action,
        @Nullable String objectType, @Nullable String objectId, @Nullable Instant from, @Nullable Instant to) {

    public static final int MAX_LIMIT = 500;

    /** @throws IllegalArgumentException when the limit or {@code before} is out of range, or {@code from} is not before {@code to} */
    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("An audit query returns 1 to " + MAX_LIMIT + " entries, not " + limit);
        }
        if (before != null && before < 1) {
            throw new IllegalArgumentException("No entry comes before seq " + before);
        }
        if (objectId != null && objectType == null) {
            throw new IllegalArgumentException("An object id is looked for with its type");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("An audit query's time range ends after it starts");
        }
    }

    /** The newest entries, without filters. */
    public static AuditQuery newest(int limit) {
        return new AuditQuery(null, limit, null, null, null, null, null, null);
    }

    /** The same query for the entries before this seq: the next page after one that ended with {@code seq}. */
    public AuditQuery olderThan(long seq) {
        return new AuditQuery(seq, limit, actorId, action, objectType, objectId, from, to);
    }

    public AuditQuery byActor(@Nullable UUID actorId) {
        return new AuditQuery(before, limit, actorId, action, objectType, objectId, from, to);
    }

    public AuditQuery withAction(@Nullable AuditAction action) {
        return new AuditQuery(before, limit, actorId, action, objectType, objectId, from, to);
    }

    /** Entries on objects of this type, or on one object when {@code objectId} is given. */
    public AuditQuery onObject(@Nullable String objectType, @Nullable String objectId) {
        return new AuditQuery(before, limit, actorId, action, objectType, objectId, from, to);
    }

    /** Entries from {@code from} (inclusive) to {@code to} (exclusive); either may be open. */
    public AuditQuery between(@Nullable Instant from, @Nullable Instant to) {
        return new AuditQuery(before, limit, actorId, action, objectType, objectId, from, to);
    }
}
