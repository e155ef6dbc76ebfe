package org.raporto.notification;

/**
 * What a notice says. Each kind has its subject and text in both languages ({@code notice.<KIND>.*} in the message
 * bundles) and tells only that something happened, never what: an inbox is read by others too.
 */
public enum NoticeKind {

    /** There is news about a report: a reply or a new status, to be read on the follow-up page with the receipt. */
    REPORT_NEWS
}
