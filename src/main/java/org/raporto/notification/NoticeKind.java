package org.raporto.notification;

/**
 * What a notice says. Each kind has its subject and text in both languages ({@code notice.<KIND>.*} in the message
 * bundles) and tells only that something happened, never what: an inbox is read by others too.
 */
public enum NoticeKind {

    /** There is news about a report: a reply or a new status, to be read on the follow-up page with the receipt. */
    REPORT_NEWS(false),

    /** Someone was invited to a staff or partner account: the link opens the invitation, once. */
    STAFF_INVITATION(true),

    /** An administrator made a password reset link for an account: the link sets a new password, once. */
    PASSWORD_RESET(true);

    private final boolean withLink;

    NoticeKind(boolean withLink) {
        this.withLink = withLink;
    }

    /** Whether the notice carries a one-time link of its own, rather than pointing at a page everyone can open. */
    public boolean withLink() {
        return withLink;
    }
}
