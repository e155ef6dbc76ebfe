package org.raporto.content.editing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One saved version of an article.
 *
 * @param draft  everything saved; for revisions written before fields were kept, the text with the article's other
 *               fields as they are now
 * @param textOnly whether only the text was kept (restoring it restores the text alone)
 */
public record Revision(int number, Draft draft, boolean textOnly, String savedBy, Instant savedAt) {

    public String title() {
        return draft.title();
    }

    /** Where this revision stands in the article's history. */
    public enum Standing {
        /** What readers see. */
        LIVE,
        /** Saved after what readers see, not published yet. */
        PENDING,
        /** Anything else: earlier, or never published. */
        EARLIER
    }

    public Standing standing(@Nullable Integer liveRevision, int latestRevision, boolean hasPendingChanges) {
        if (liveRevision != null && number == liveRevision) {
            return Standing.LIVE;
        }
        return hasPendingChanges && liveRevision != null && number > liveRevision && number <= latestRevision ? Standing.PENDING : Standing.EARLIER;
    }
}
