package org.raporto.audit;

import org.jspecify.annotations.Nullable;

/**
 * What verifying the audit log's chain found: either every entry intact, or the first link that is broken.
 *
 * @param entries    how many entries were found sound, from the first on (all of them when intact)
 * @param head       the last sound entry ({@link ChainHead#EMPTY} when there is none): everything up to it is as it was
 *                   written, unless the chain was rewritten from an earlier entry on (see {@link Flaw#DIVERGED})
 * @param brokenLink the first broken link; {@code null} when the chain is intact
 */
public record ChainVerification(long entries, ChainHead head, @Nullable BrokenLink brokenLink) {

    public boolean intact() {
        return brokenLink == null;
    }

    /**
     * Where the chain breaks, and how.
     *
     * @param seq the first entry that is not as written, or that is missing
     */
    public record BrokenLink(long seq, Flaw flaw) {
    }

    /** How a link is broken. */
    public enum Flaw {

        /** The entry's stored hash is not the hash of what it holds now: it was changed after it was written. */
        CHANGED,

        /** There is no entry with this seq, though later ones exist: it was removed. */
        MISSING,

        /**
         * The entry's previous hash is not the hash of the entry before it: the one before was changed and its hash
         * computed anew, or this entry was put in from elsewhere.
         */
        UNLINKED,

        /** The chain ends before the expected head: entries were removed from its end. */
        TRUNCATED,

        /**
         * The entry at the expected head's seq has another hash than the head noted earlier, though the chain up to
         * it is sound: it was rewritten, hashes and all, from this entry or an earlier one on.
         */
        DIVERGED
    }
}
