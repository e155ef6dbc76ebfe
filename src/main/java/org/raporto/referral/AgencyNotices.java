package org.raporto.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.raporto.audit.Actor;
import org.raporto.audit.AuditAction;
import org.raporto.audit.AuditLog;
import org.raporto.intake.Contact;
import org.raporto.intake.Reports;
import org.raporto.intake.SubmittedReport;
import org.raporto.notification.ComposedText;
import org.raporto.notification.MessageDelivered;
import org.raporto.notification.MessageGivenUp;
import org.raporto.notification.Notice;
import org.raporto.notification.Outbox;
import org.raporto.shared.Language;
import org.raporto.shared.i18n.Messages;
import org.raporto.shared.web.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the notices of referrals when they are due, on any number of nodes: each due referral is taken with
 * {@code FOR UPDATE SKIP LOCKED} and its notice queued in the outbox in the same transaction that records it, so a
 * notice is queued exactly once whatever crashes; the outbox then delivers it. A notice waits for the sending window;
 * a takedown notice repeats while the content is online and escalates to the site's owner and the registrar.
 * <p>
 * The text is written here, from the message bundles, in the agency's language: the reference, the addresses and
 * what the hotline found them to be; the reporter's words and contact only for law enforcement, and only when the
 * reporter agreed.
 */
@Component
public class AgencyNotices {

    private static final Logger log = LoggerFactory.getLogger(AgencyNotices.class);
    private static final Actor SYSTEM = new Actor(null, "Raporto");
    static final String PARTNER_PAGE = "/partner/referrals/";
    /** How long a first takedown notice waits for the first online check, at most (the checks may be offline, or slow). */
    private static final Duration FIRST_CHECK_AWAITED = Duration.ofHours(2);
    /** When a notice that could not go is tried again. */
    private static final Duration RETRY_AFTER = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Referrals referrals;
    private final Agencies agencies;
    private final OnlineChecks checks;
    private final Outbox outbox;
    private final Reports reports;
    private final Messages messages;
    private final SiteProperties site;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AgencyNotices(JdbcClient jdbc, TransactionTemplate transactions, Referrals referrals, Agencies agencies, OnlineChecks checks, Outbox outbox,
            Reports reports,
            Messages messages, SiteProperties site, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.referrals = referrals;
        this.agencies = agencies;
        this.checks = checks;
        this.outbox = outbox;
        this.reports = reports;
        this.messages = messages;
        this.site = site;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Queues every notice that is due now, one referral per transaction.
     *
     * @return how many notices were queued (one per agency, whatever its number of addresses)
     */
    public int sendDue() {
        int queued = 0;
        AtomicReference<@Nullable UUID> taken = new AtomicReference<>();
        for (int round = 0; round < 10_000; round++) {
            Boolean more;
            try {
                more = transactions.execute(status -> next(taken));
            }
            catch (RuntimeException failed) {
                // One referral's notice could not be written (its agency's data broke a rule): nothing of it was kept.
                // It is tried again in an hour, and the others go on; the error names no address.
                UUID referral = taken.get();
                if (referral == null) {
                    throw failed;
                }
                log.error("Referral {}: notice not queued ({}), tried again in an hour", referral, failed.getClass().getSimpleName());
                transactions.executeWithoutResult(status -> jdbc.sql("UPDATE referral SET next_notice_at = ? WHERE id = ?")
                        .params(Timestamp.from(clock.instant().plus(RETRY_AFTER)), referral).update());
                continue;
            }
            if (more == null) {
                break;
            }
            queued += more ? 1 : 0;
        }
        return queued;
    }

    /** Takes the next due referral and deals with it: true when a notice was queued, false when postponed, null when none is due. */
    private @Nullable Boolean next(AtomicReference<@Nullable UUID> taken) {
        Instant now = clock.instant();
        taken.set(null);
        Optional<UUID> due = jdbc.sql("""
                SELECT id FROM referral WHERE next_notice_at <= ? AND held_for IS NULL AND status IN ('QUEUED', 'SENT')
                ORDER BY next_notice_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .param(Timestamp.from(now)).query(UUID.class).optional();
        if (due.isEmpty()) {
            return null;
        }
        taken.set(due.get());
        Referral referral = referrals.find(due.get()).orElseThrow();
        NoticeSchedule schedule = referrals.schedule();
        Instant window = schedule.inWindow(now);
        if (window.isAfter(now)) {
            postpone(referral, window);
            return false;
        }
        Instant firstSent = referral.notices().stream().filter(notice -> notice.kind() == NoticeKind.FIRST).map(Referral.Notice::queuedAt)
                .findFirst().orElse(null);
        boolean ownerTold = told(referral, NoticeKind.ESCALATION_OWNER);
        boolean registrarTold = told(referral, NoticeKind.ESCALATION_REGISTRAR);
        if (firstSent != null && !referral.takedown()) {
            postpone(referral, null);
            return false;
        }
        if (referral.takedown()) {
            List<Watch.Status> online = watched(referral);
            if (!online.isEmpty() && online.stream().allMatch(status -> status == Watch.Status.REMOVED)) {
                // Gone already: nothing to ask of the host.
                postpone(referral, null);
                return false;
            }
            if (firstSent == null && online.stream().allMatch(status -> status == Watch.Status.PENDING)
                    && now.isBefore(referral.createdAt().plus(FIRST_CHECK_AWAITED))) {
                // The first notice follows the first online check, so that a host is never told of content already gone.
                postpone(referral, now.plus(Duration.ofMinutes(15)));
                return false;
            }
        }
        NoticeKind kind = referral.takedown() ? schedule.due(firstSent, ownerTold, registrarTold, now) : NoticeKind.FIRST;
        Agency to = recipient(referral, kind);
        boolean queued = false;
        if (to == null || to.blocked().isPresent()) {
            // An escalation nobody was named for, or an agency that stopped receiving: the referral page says so; the
            // schedule goes on so the next step is not lost.
            log.warn("Referral {}: no {} notice, {}", referral.id(), kind, to == null ? "nobody named" : to.blocked().orElseThrow());
            if (kind == NoticeKind.FIRST) {
                postpone(referral, now.plus(RETRY_AFTER));
                return false;
            }
        }
        else {
            queue(referral, to, kind, now);
            queued = true;
        }
        Instant start = firstSent == null ? now : firstSent;
        boolean ownerNow = ownerTold || kind == NoticeKind.ESCALATION_OWNER;
        boolean registrarNow = registrarTold || kind == NoticeKind.ESCALATION_REGISTRAR;
        postpone(referral, referral.takedown() ? schedule.next(start, ownerNow, registrarNow, now) : null);
        return queued;
    }

    private void queue(Referral referral, Agency to, NoticeKind kind, Instant now) {
        Language language = to.noticeLanguage();
        String subject = messages.get(language, "referral.notice.subject." + kind.name(), site.name(), referral.reference());
        String body = body(referral, to, kind, language);
        for (String email : to.emails()) {
            UUID message = outbox.enqueue(Notice.toAgency(email, language, new ComposedText(subject, body, null)));
            jdbc.sql("INSERT INTO referral_notice (message_id, referral_id, kind, agency_id, queued_at) VALUES (?, ?, ?, ?, ?)")
                    .params(message, referral.id(), kind.name(), to.id(), Timestamp.from(now)).update();
        }
        if (to.emails().isEmpty()) {
            // The partner portal only: the referral is there as soon as it is released. A row records the notice.
            jdbc.sql("INSERT INTO referral_notice (message_id, referral_id, kind, agency_id, queued_at, sent_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), referral.id(), kind.name(), to.id(), Timestamp.from(now), Timestamp.from(now)).update();
        }
        if (kind == NoticeKind.FIRST && to.portal() && referral.status() == ReferralStatus.QUEUED) {
            sent(referral.id(), now);
        }
        jdbc.sql("UPDATE referral SET notices = notices + 1 WHERE id = ?").param(referral.id()).update();
        audit.record(SYSTEM, AuditAction.REFERRAL_NOTICE_QUEUED, Referrals.REPORT, referral.report().value().toString(),
                Map.of("reference", referral.reference(), "to", to.name(), "notice", kind.name()));
    }

    /** The outbox told that a message was delivered: the notice is sent, and a first notice makes the referral sent. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void delivered(MessageDelivered delivered) {
        jdbc.sql("UPDATE referral_notice SET sent_at = ? WHERE message_id = ? AND sent_at IS NULL")
                .params(Timestamp.from(delivered.at()), delivered.id()).update();
        jdbc.sql("SELECT referral_id FROM referral_notice WHERE message_id = ? AND kind = 'FIRST'").param(delivered.id()).query(UUID.class).optional()
                .ifPresent(referral -> sent(referral, delivered.at()));
    }

    /** The outbox gave a message up: the referral page shows the notice as not sent, and the admin outbox page why. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void givenUp(MessageGivenUp givenUp) {
        jdbc.sql("UPDATE referral_notice SET given_up_at = ? WHERE message_id = ?").params(Timestamp.from(givenUp.at()), givenUp.id()).update();
    }

    private void sent(UUID referral, Instant at) {
        int changed = jdbc.sql("UPDATE referral SET status = 'SENT', sent_at = ? WHERE id = ? AND status = 'QUEUED'")
                .params(Timestamp.from(at), referral).update();
        if (changed == 1) {
            Referral sent = referrals.find(referral).orElseThrow();
            events.publishEvent(new ReferralSent(sent.id(), sent.report(), sent.agency().id(), sent.agency().kind(), at));
        }
    }

    private void postpone(Referral referral, @Nullable Instant next) {
        jdbc.sql("UPDATE referral SET next_notice_at = ? WHERE id = ?").params(next == null ? null : Timestamp.from(next), referral.id()).update();
    }

    private @Nullable Agency recipient(Referral referral, NoticeKind kind) {
        String id = switch (kind) {
            case FIRST, REMINDER -> referral.agency().id();
            case ESCALATION_OWNER -> referral.ownerAgency();
            case ESCALATION_REGISTRAR -> referral.registrarAgency();
        };
        return id == null ? null : agencies.find(id).orElse(null);
    }

    /** What the online checks last found of the referral's addresses. */
    private List<Watch.Status> watched(Referral referral) {
        List<Watch.Status> found = new ArrayList<>();
        for (Referral.Item item : referral.items()) {
            if (item.isUrl()) {
                checks.find(referral.report().value(), item.target()).map(Watch::status).ifPresent(found::add);
            }
        }
        return found;
    }

    private static boolean told(Referral referral, NoticeKind kind) {
        return referral.notices().stream().anyMatch(notice -> notice.kind() == kind);
    }

    /** The notice's text: who it is for, what is referred, what is asked, and where to answer. */
    String body(Referral referral, Agency to, NoticeKind kind, Language language) {
        List<String> parts = new ArrayList<>();
        parts.add(messages.get(language, "referral.notice.greeting", to.name()));
        parts.add(messages.get(language, "referral.notice.intro." + to.kind().name(), site.name(), referral.reference()));
        if (kind != NoticeKind.FIRST) {
            Instant first = referral.notices().stream().map(Referral.Notice::queuedAt).findFirst().orElse(referral.createdAt());
            parts.add(messages.get(language, "referral.notice.still." + kind.name(), language.dateTime(first, site.timeZone()), referral.agency().name()));
        }
        StringBuilder items = new StringBuilder(messages.get(language, "referral.notice.items"));
        for (Referral.Item item : referral.items()) {
            if (kind != NoticeKind.FIRST && item.isUrl() && checks.find(referral.report().value(), item.target())
                    .filter(watch -> watch.status() == Watch.Status.REMOVED).isPresent()) {
                // A reminder asks only about what is still online.
                continue;
            }
            items.append("\n- ").append(item.target());
            if (item.outcome() != null) {
                items.append(" (").append(messages.get(language, "casework.outcome." + item.outcome().name())).append(')');
            }
        }
        parts.add(items.toString());
        if (referral.withReporter() && to.kind().isLawEnforcement()) {
            reports.open(referral.report()).ifPresent(report -> parts.add(reporter(report, language)));
        }
        parts.add(messages.get(language, "referral.notice.ask." + to.kind().name()));
        if (to.portal()) {
            parts.add(messages.get(language, "referral.notice.portal", site.linkTo(PARTNER_PAGE + referral.id())));
        }
        parts.add(messages.get(language, "referral.notice.signature", site.name(), referral.reference()));
        return String.join("\n\n", parts);
    }

    private String reporter(SubmittedReport report, Language language) {
        String contact = report.contact().map(Contact::value).orElse(messages.get(language, "referral.notice.reporter.anonymous"));
        return messages.get(language, "referral.notice.reporter", plain(report.description()), contact);
    }

    /** What a reporter wrote, as plain text lines for an e-mail: no carriage returns nor other control characters. */
    static String plain(String text) {
        return text.replace("\r\n", "\n").replaceAll("[\\p{Cc}&&[^\\n\\t]]", " ");
    }
}
