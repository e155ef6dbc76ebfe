package org.raporto.referral;

/** What a message about a referral is. */
public enum NoticeKind {
    /** The referral itself. */
    FIRST,
    /** The content is still online: the same notice again. */
    REMINDER,
    /** Still online after the host or platform was told for days: the site's owner is told. */
    ESCALATION_OWNER,
    /** Still online after that: the domain's registrar is told. */
    ESCALATION_REGISTRAR
}
