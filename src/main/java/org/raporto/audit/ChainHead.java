package org.raporto.audit;

import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The last entry of the chain, by its place and its hash. A head noted outside the database (printed, mailed,
 * logged to another machine) is what tells later whether entries were removed from the end of the chain, or the
 * whole chain was rewritten from some entry on: the chain itself cannot tell either.
 *
 * @param seq  the last entry's seq; 0 for an empty chain
 * @param hash its hash, 64 lowercase hex digits; zeros for an empty chain
 */
public record ChainHead(long seq, String hash) {

    // Before EMPTY, which the constructor checks with it.
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /** The head of an empty chain, before the first entry. */
    public static final ChainHead EMPTY = new ChainHead(0, HexFormat.of().formatHex(EntryHash.GENESIS));

    /** @throws IllegalArgumentException when seq is negative or the hash is not 64 lowercase hex digits */
    public ChainHead {
        if (seq < 0) {
            throw new IllegalArgumentException("A chain head's seq is 0 or more");
        }
        if (!SHA256_HEX.matcher(hash).matches()) {
            throw new IllegalArgumentException("A chain head's hash is 64 lowercase hex digits");
        }
    }
}
