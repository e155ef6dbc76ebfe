package org.raporto.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The hash that chains an entry to the one before: SHA-256 over an encoding in which no two different entries look
 * the same. Changing it breaks every chain already stored, so {@code EntryHashTest} pins it to a known value.
 * <p>
 * The encoding, in order (numbers big-endian; a <em>string</em> is its UTF-8 length in 4 bytes, then the UTF-8; an
 * <em>optional</em> value is one byte, 0 for absent or 1 followed by the value):
 * <ol>
 * <li>the string {@code raporto-audit-v1}</li>
 * <li>seq, 8 bytes</li>
 * <li>id, 16 bytes (the UUID's most significant half, then its least)</li>
 * <li>at, 8 bytes: microseconds since 1970-01-01T00:00:00Z, the precision PostgreSQL keeps</li>
 * <li>actor id, optional, 16 bytes</li>
 * <li>actor name, string</li>
 * <li>action, string (the constant's name)</li>
 * <li>object type, optional string; object id, optional string</li>
 * <li>details: their number in 4 bytes, then each key and value as strings, keys in ascending order of their UTF-8
 * bytes</li>
 * <li>address hash, optional: its length in 4 bytes, then the bytes</li>
 * <li>the previous entry's hash, 32 bytes (zeros for the first entry)</li>
 * </ol>
 * Everything is length-prefixed or of fixed size, so the encoding can be read back field by field, and anyone can
 * check the chain from a copy of the table without Raporto.
 */
final class EntryHash {

    static final int LENGTH = 32;
    static final byte[] GENESIS = new byte[LENGTH];

    private static final String VERSION = "raporto-audit-v1";
    private static final MessageDigest SHA256 = sha256();

    private EntryHash() {
    }

    /** An entry's fields as they are stored: the action as its name, so that a stored name no constant has still hashes. */
    record Content(long seq, UUID id, Instant at, @Nullable UUID actorId, String actorName, String action,
            @Nullable String objectType, @Nullable String objectId, Map<String, String> details, byte @Nullable [] addressHash) {
    }

    /**
     * @throws IllegalArgumentException when {@code at} is finer than a microsecond: PostgreSQL would keep less than
     *                                  was hashed
     */
    static byte[] of(Content entry, byte[] previousHash) {
        if (previousHash.length != LENGTH) {
            throw new IllegalArgumentException("A previous hash has " + LENGTH + " bytes, not " + previousHash.length);
        }
        if (!entry.at().truncatedTo(ChronoUnit.MICROS).equals(entry.at())) {
            throw new IllegalArgumentException("An entry's time is kept to the microsecond");
        }
        Encoder out = new Encoder();
        out.string(VERSION);
        out.int64(entry.seq());
        out.int64(entry.id().getMostSignificantBits());
        out.int64(entry.id().getLeastSignificantBits());
        out.int64(ChronoUnit.MICROS.between(Instant.EPOCH, entry.at()));
        if (entry.actorId() == null) {
            out.absent();
        }
        else {
            out.present();
            out.int64(entry.actorId().getMostSignificantBits());
            out.int64(entry.actorId().getLeastSignificantBits());
        }
        out.string(entry.actorName());
        out.string(entry.action());
        out.optionalString(entry.objectType());
        out.optionalString(entry.objectId());
        List<Map.Entry<String, String>> details = new ArrayList<>(entry.details().entrySet());
        details.sort(Comparator.comparing(detail -> utf8(detail.getKey()), Arrays::compareUnsigned));
        out.int32(details.size());
        for (Map.Entry<String, String> detail : details) {
            out.string(detail.getKey());
            out.string(detail.getValue());
        }
        if (entry.addressHash() == null) {
            out.absent();
        }
        else {
            out.present();
            out.bytes(entry.addressHash());
        }
        out.raw(previousHash);
        return sha256(out.toByteArray());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] input) {
        try {
            // A clone costs less than looking the algorithm up again, which counts when a million entries are verified.
            return ((MessageDigest) SHA256.clone()).digest(input);
        }
        catch (CloneNotSupportedException e) {
            throw new IllegalStateException("The runtime's SHA-256 cannot be cloned", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static final class Encoder {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

        void int32(int value) {
            out.write(value >>> 24);
            out.write(value >>> 16);
            out.write(value >>> 8);
            out.write(value);
        }

        void int64(long value) {
            int32((int) (value >>> 32));
            int32((int) value);
        }

        void absent() {
            out.write(0);
        }

        void present() {
            out.write(1);
        }

        void raw(byte[] value) {
            out.writeBytes(value);
        }

        void bytes(byte[] value) {
            int32(value.length);
            raw(value);
        }

        void string(String value) {
            bytes(utf8(value));
        }

        void optionalString(@Nullable String value) {
            if (value == null) {
                absent();
            }
            else {
                present();
                string(value);
            }
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
