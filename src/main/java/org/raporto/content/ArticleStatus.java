package org.raporto.content;

/** Where an article is in the editorial workflow; only {@link #PUBLISHED} ones are ever shown to the public. */
public enum ArticleStatus {
    DRAFT, IN_REVIEW, PUBLISHED, ARCHIVED
}
