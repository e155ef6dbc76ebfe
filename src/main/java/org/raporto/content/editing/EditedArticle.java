package org.raporto.content.editing;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.raporto.content.ArticleStatus;
import org.raporto.shared.Language;

/**
 * An article as its editors see it.
 *
 * @param status        the article's own state: what readers see of it
 * @param pendingState  for a published article with changes not yet published: where those stand (draft or in review)
 * @param draft         the working copy: the pending changes if there are, else the article as it is
 * @param live          what readers see while there are pending changes; null otherwise
 * @param scheduled     published for a time still to come
 * @param reviewNote    what a reviewer asked to change when sending it back
 * @param version       to refuse a form saved over a newer version
 * @param liveRevision  the revision readers see (or saw last); null when never published
 */
public record EditedArticle(UUID id, UUID translationGroup, Language language, ArticleStatus status, @Nullable ArticleStatus pendingState,
        Draft draft, @Nullable Draft live, @Nullable Instant publishAt, @Nullable Instant unpublishAt, @Nullable Instant publishedAt,
        boolean scheduled, String authorName, @Nullable String reviewerName, @Nullable String reviewNote, int version, Instant updatedAt,
        int latestRevision, @Nullable Integer liveRevision) {

    /** Where the working copy stands: the pending changes' state if there are, else the article's. */
    public ArticleStatus workflowState() {
        return pendingState != null ? pendingState : status;
    }

    public boolean hasPendingChanges() {
        return pendingState != null;
    }

    /** Whether readers can see it at this moment. */
    public boolean isPublic(Instant now) {
        return status == ArticleStatus.PUBLISHED && (publishAt == null || !publishAt.isAfter(now))
                && (unpublishAt == null || unpublishAt.isAfter(now));
    }

    /** Whether it waits to be published at a time still to come. */
    public boolean isScheduled(Instant now) {
        return status == ArticleStatus.PUBLISHED && publishAt != null && publishAt.isAfter(now);
    }

    /** Whether it was ever public: its address must keep working if its slug changes. */
    public boolean wasPublished() {
        return publishedAt != null;
    }
}
