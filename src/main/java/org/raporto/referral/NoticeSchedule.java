package org.raporto.referral;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.raporto.casework.WorkingCalendar;

/**
 * The notice-and-takedown schedule, as plain arithmetic: which notice is due, and when the next one will be. The
 * clock starts with the first notice: a re-notice every {@code renoticeEvery} while the content is online, the site's
 * owner told after {@code ownerAfter}, the registrar after {@code registrarAfter}. Every notice waits for the sending
 * window (by default working days and hours, holidays excepted), so that no notice arrives at night to sit unread.
 */
record NoticeSchedule(ReferralProperties.Takedown takedown, WorkingCalendar calendar, ReferralProperties.Window window) {

    /**
     * The notice due now for a referral whose notice time has come.
     *
     * @param firstSentAt   when the first notice was queued; null if none was
     * @param ownerTold     whether the site's owner was told already
     * @param registrarTold whether the registrar was told already
     */
    NoticeKind due(@Nullable Instant firstSentAt, boolean ownerTold, boolean registrarTold, Instant now) {
        if (firstSentAt == null) {
            return NoticeKind.FIRST;
        }
        Duration online = Duration.between(firstSentAt, now);
        if (!registrarTold && online.compareTo(takedown.registrarAfter()) >= 0) {
            return NoticeKind.ESCALATION_REGISTRAR;
        }
        if (!ownerTold && online.compareTo(takedown.ownerAfter()) >= 0) {
            return NoticeKind.ESCALATION_OWNER;
        }
        return NoticeKind.REMINDER;
    }

    /**
     * When the next notice of a takedown referral is due, after one was sent now: the next re-notice, or an
     * escalation if that comes first; in the sending window.
     */
    Instant next(Instant firstSentAt, boolean ownerTold, boolean registrarTold, Instant now) {
        long periods = Duration.between(firstSentAt, now).dividedBy(takedown.renoticeEvery()) + 1;
        Instant next = firstSentAt.plus(takedown.renoticeEvery().multipliedBy(periods));
        if (!ownerTold) {
            next = earlier(next, firstSentAt.plus(takedown.ownerAfter()), now);
        }
        if (!registrarTold) {
            next = earlier(next, firstSentAt.plus(takedown.registrarAfter()), now);
        }
        return inWindow(next);
    }

    /** The first notice of a host or platform: after the first online check has had its time. */
    Instant first(Instant referredAt) {
        return inWindow(referredAt.plus(takedown.firstNoticeAfter()));
    }

    /** The moment itself if it is in the sending window, else the start of the next one. */
    Instant inWindow(Instant moment) {
        return window == ReferralProperties.Window.ALWAYS ? moment : calendar.nextWorkingMoment(moment);
    }

    private static Instant earlier(Instant next, Instant escalation, Instant now) {
        return escalation.isAfter(now) && escalation.isBefore(next) ? escalation : next;
    }
}
