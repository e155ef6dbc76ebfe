package org.raporto.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One entry of the audit log, as stored. Hashes are lowercase hex.
 *
 * @param seq          the entry's place in the chain: 1 for the first, then without gaps
 * @param at           when, to the microsecond
 * @param objectType   what kind of object the action was on ({@code report}, {@code account}, {@code setting}…), if any
 * @param objectId     which one, if any; only with a type
 * @param details      short facts, sorted by key
 * @param addressHash  the keyed hash of the address the action came from, if the caller gave one
 * @param previousHash the hash of entry {@code seq - 1}, or 64 zeros for the first
 * @param hash         SHA-256 over this entry and {@code previousHash}
 */
public record AuditEntry(long seq, UUID id, Instant at, Actor actor, AuditAction action, @Nullable String objectType,
        @Nullable String objectId, Map<String, String> details, @Nullable String addressHash, String previousHash,
        String hash) {

    public AuditEntry {
        details = Collections.unmodifiableMap(new TreeMap<>(details));
    }
}
