package org.raporto.notification;

/**
 * What a notice says. Each kind but the composed ones has its subject and text in both languages
 * ({@code notice.<KIND>.*} in the message bundles) and tells only that something happened, never what: an inbox is
 * read by others too. A composed kind carries the words its sender wrote from templates of its own
 * ({@link ComposedText}): an agency must be told what to act on.
 */
public enum NoticeKind {

    /** There is news about a report: a reply or a new status, to be read on the follow-up page with the receipt. */
    REPORT_NEWS(false),

    /** Someone was invited to a staff or partner account: the link opens the invitation, once. */
    STAFF_INVITATION(true),

    /** An administrator made a password reset link for an account: the link sets a new password, once. */
    PASSWORD_RESET(true),

    /**
     * A referral or re-notice to an agency (police, regulator, hosting provider, foreign hotline): the case reference,
     * the reported addresses and their classification, as the referral module composed them.
     */
    AGENCY_NOTICE(false, true);

    private final boolean withLink;
    private final boolean composed;

    NoticeKind(boolean withLink) {
        this(withLink, false);
    }

    NoticeKind(boolean withLink, boolean composed) {
        this.withLink = withLink;
        this.composed = composed;
    }

    /** Whether the notice carries a subject and body its sender composed ({@link ComposedText}), not words of the bundles. */
    public boolean composed() {
        return composed;
    }

    /** Whether the notice carries a one-time link of its own, rather than pointing at a page everyone can open. */
    public boolean withLink() {
        return withLink;
    }
}
