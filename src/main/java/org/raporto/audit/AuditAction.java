package org.raporto.audit;

/**
 * What was done. Stored by name, and the name is part of each entry's hash: a constant may be added, but never
 * renamed or removed.
 * <p>
 * The details of an entry are short facts that help read it later (which roles, which setting, how many items), never
 * the content of a report, a password, a one-time or recovery code, a token, or anything a reporter wrote.
 */
public enum AuditAction {

    /** First-run setup made the first administrator. */
    SETUP_COMPLETED,

    /** A staff member signed in with password and second factor. */
    SIGN_IN,

    /**
     * A sign-in was refused. The actor is the account if the login matched one, {@link Actor#unknown()} otherwise.
     * What was typed as the login is never stored in clear, for it is often a password typed in the wrong field: pass
     * its keyed hash ({@code shared.crypto.LookupHashes}, hex) as the detail {@code login}, which lets repeated
     * attempts on one login be told apart without keeping it.
     */
    SIGN_IN_FAILED,

    /** Everyone else's sessions of the account were ended. */
    SIGNED_OUT_EVERYWHERE,

    /** An account was invited; the object is the account. */
    ACCOUNT_INVITED,

    /** An invited account set its password and second factor. */
    ACCOUNT_ACTIVATED,

    /** An account may no longer sign in. */
    ACCOUNT_DISABLED,

    /** A disabled account may sign in again. */
    ACCOUNT_ENABLED,

    /** An account's password was changed, by its owner or through a reset. */
    PASSWORD_CHANGED,

    /** A password reset was asked for. */
    PASSWORD_RESET_REQUESTED,

    /** A second factor (TOTP) was set up for an account. */
    TOTP_ENROLLED,

    /** An account's second factor was removed or replaced. */
    TOTP_RESET,

    /** A recovery code was used in place of the second factor. */
    RECOVERY_CODE_USED,

    /** An account's roles changed; details {@code from} and {@code to}. */
    ROLES_CHANGED,

    /** An account's clearance (such as for child sexual abuse material) changed; details {@code from} and {@code to}. */
    CLEARANCE_CHANGED,

    /** Someone opened a report's content; the object is the report. Every view is recorded, not only the first. */
    REPORT_VIEWED,

    /** An item was classified, or its classification changed; the object is the item. */
    ITEM_CLASSIFIED,

    /** A report or item was referred to an agency; the object is the referral. */
    REFERRAL_SENT,

    /** Data left Raporto as a file (CSV, PDF); details say what and how many rows, never the rows. */
    EXPORT_MADE,

    /**
     * A report another hotline forwarded was imported from a file; the object is the report, details {@code from} (the
     * hotline's country) and {@code theirReference}.
     */
    REPORT_IMPORTED,

    /** A setting changed; the object is the setting, details {@code from} and {@code to} unless it is secret. */
    SETTING_CHANGED,

    /** A report category was added or changed; the object is the category. */
    CATEGORY_CHANGED,

    /** Someone took a report to work on it; the object is the report, as for every action on a case. */
    REPORT_CLAIMED,

    /** A report was let go, by its holder or a supervisor; details {@code from}. */
    REPORT_RELEASED,

    /** A supervisor gave a report to someone; details {@code to}. */
    REPORT_ASSIGNED,

    /** A second analyst confirmed an item's classification (four eyes); details {@code position} and {@code outcome}. */
    ITEM_CONFIRMED,

    /** Every item of a report has its final classification. */
    REPORT_ASSESSED,

    /** A report was closed without being passed on; details {@code reason}. */
    REPORT_CLOSED,

    /** A report was merged into another as its duplicate; details {@code into}, the other's reference. */
    REPORT_MERGED,

    /** A staff note was added to a report (never its text). */
    NOTE_ADDED,

    /** The hotline wrote to the reporter (never the text). */
    REPLY_SENT,

    /** What the reporter gave was erased at the end of the retention period; details {@code retentionDays}. */
    REPORT_ERASED,

    /** A holiday was added to the working calendar; the object is its date, details its names {@code nameSq}, {@code nameEn}. */
    HOLIDAY_ADDED,

    /** A holiday was removed from the working calendar; the object is its date, details the names it had. */
    HOLIDAY_REMOVED,

    /**
     * A report category's service-level target changed; the object is the category, details {@code firstLookFrom},
     * {@code firstLookTo}, {@code assessmentFrom}, {@code assessmentTo} ({@code 4h}, {@code 1d}…).
     */
    SLA_TARGET_CHANGED,

    /**
     * A report was referred to an agency; the object is the report, details {@code reference}, {@code to} (the agency's
     * name), {@code items} (how many) and {@code held} when the notice waits for the police.
     */
    REFERRAL_MADE,

    /** A notice about a referral was queued for an agency; details {@code to} and {@code notice} (first, reminder, escalation). */
    REFERRAL_NOTICE_QUEUED,

    /** The police agreed that a held notice to a host or platform may go; details {@code to}, the agency it was held for. */
    POLICE_AGREED,

    /** A partner acknowledged a referral; details {@code to}, the agency. */
    REFERRAL_ACKNOWLEDGED,

    /** A partner recorded what came of a referral; details {@code to} and {@code outcome}. */
    REFERRAL_OUTCOME,

    /** The online checks found a referred address gone; details {@code removedAfter}, the time to removal. */
    CONTENT_REMOVED,

    /** The online checks found a referred address hosted in another country; details {@code from} and {@code country}. */
    CONTENT_MOVED,

    /** A referred report's work is done; details {@code reference}. */
    REPORT_RESOLVED,

    /** An agency was added to the directory or changed; the object is the agency. */
    AGENCY_CHANGED,

    /** An analyst approved a hosting provider or registrar found by tracing, so notices may go to it. */
    AGENCY_APPROVED,

    /** The routing rules changed; details {@code rules}, how many there are now. */
    ROUTING_CHANGED,

    /**
     * Someone verified the audit log's chain; details {@code result} ({@code INTACT} or the flaw), {@code entries} and
     * {@code head} (the sound head's hash), and {@code brokenAt} when broken.
     */
    AUDIT_VERIFIED,

    /**
     * An administrator sent a dead letter of the e-mail outbox again; the object is the message, details {@code kind}
     * and {@code attempts} (before). Never its address or text.
     */
    DEAD_LETTER_SENT_AGAIN,

    /** An administrator discarded a dead letter: its sealed address and text were erased; details as for sending again. */
    DEAD_LETTER_DISCARDED,

    /** A dead letter's sealed address and text were erased at the end of their retention; details {@code kind}, {@code keptFor}. */
    DEAD_LETTER_ERASED,

    /** An editor started an article; details {@code language}, {@code type}, and {@code translationOf} for a translation. */
    ARTICLE_CREATED,

    /** An editor saved an article; details {@code revision}, the number of the revision written. */
    ARTICLE_SAVED,

    /** An article, or changes to it, went to review; details {@code revision}. */
    ARTICLE_SUBMITTED,

    /** A reviewer sent an article back to its editors (the note is on the article, not here); details {@code revision}. */
    ARTICLE_SENT_BACK,

    /** A reviewer published an article or its changes; details {@code revision}, and {@code at} and {@code until} when planned. */
    ARTICLE_PUBLISHED,

    /** An article published for a later time went live at that time (by the scheduler); details {@code at}. */
    ARTICLE_WENT_LIVE,

    /** An article reached the end of its publication and left the site (by the scheduler); details {@code at}. */
    ARTICLE_UNPUBLISHED,

    /** When an article leaves the site was set or cleared; details {@code until} ({@code -} for never). */
    ARTICLE_END_CHANGED,

    /** An article was archived: off the site, out of the work; details {@code from}, the state it had. */
    ARTICLE_ARCHIVED,

    /** An archived article became a draft again. */
    ARTICLE_REOPENED,

    /** The pending changes of a published article were dropped. */
    ARTICLE_CHANGES_DISCARDED,

    /** An earlier revision of an article was saved again as its newest; details {@code from} and {@code revision}. */
    ARTICLE_REVISION_RESTORED,

    /**
     * A file was added to the portal's media library; the object is the file, details {@code kind} (image or PDF),
     * {@code mediaType} and {@code size}. Never its name or alternative text.
     */
    MEDIA_STORED,

    /** A file was deleted from the media library; details as for storing it. */
    MEDIA_DELETED
}
