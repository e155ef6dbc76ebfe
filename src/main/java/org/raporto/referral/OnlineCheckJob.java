package org.raporto.referral;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.raporto.shared.outbound.FetchOutcome;
import org.raporto.shared.outbound.OutboundProperties;
import org.raporto.shared.outbound.SafeFetcher;
import org.raporto.tracing.HostingTrace;
import org.raporto.tracing.HostingTraces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks the watches that are due, on any number of nodes at once.
 * <p>
 * A node claims a batch of due watches — at most one per host, and none of a host another node holds, so that
 * politeness holds across nodes too — with a lease, in one committed statement ({@code FOR UPDATE SKIP LOCKED}: nodes
 * never wait for nor take each other's watches). It fetches them through the {@link SafeFetcher} on a small pool,
 * outside any transaction, then records each outcome in a transaction of its own, only while the claim is still its
 * own. A node that dies lets its leases run out, and another node checks those watches again.
 * <p>
 * What counts: 2xx, 3xx, 401, 403 and 5xx answers are online (the site is there, even if it hides or fails) and end a
 * run of "gone" answers; 404, 410, no such host and a refused connection are "gone", and {@code gone-after} of them in
 * a row make the content removed. A timeout, a TLS failure, too many redirects, other 4xx answers (400, 429, 451…)
 * and other failures count neither way: they say more about the network or the checker than about the content. A
 * target the fetcher refuses (private address, onion service without a proxy) makes the watch {@code UNAVAILABLE}.
 * Offline, nothing is claimed and nothing changes.
 * <p>
 * The next check of a watch is drawn within ±25 % of {@code every}, so that watches started together drift apart and
 * the checks spread over the interval; the pool's size and politeness bound how fast a node checks at any moment.
 * URLs are never logged: they can be those of child sexual abuse material.
 */
@Component
class OnlineCheckJob implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OnlineCheckJob.class);

    private static final String CLAIMED = """
            RETURNING id, report_id, canonical_url, host, country, moved_to_country, status, consecutive_gone, first_gone_at,
                      started_at
            """;

    /** Any due watch, oldest first: when politeness is off. */
    private static final String CLAIM_ANY = """
            UPDATE referral_watch SET lease_until = :leaseUntil, claim = :claim
            WHERE id IN (
                SELECT id FROM referral_watch
                WHERE next_check_at <= :now AND (lease_until IS NULL OR lease_until <= :now)
                ORDER BY next_check_at
                LIMIT :batch
                FOR UPDATE SKIP LOCKED)
            """ + CLAIMED;

    /** The due watch that waited longest of each host that no node holds a watch of. */
    private static final String CLAIM_ONE_PER_HOST = """
            WITH candidate AS (
                SELECT DISTINCT ON (host) id, next_check_at FROM referral_watch
                WHERE next_check_at <= :now AND (lease_until IS NULL OR lease_until <= :now)
                  AND host NOT IN (SELECT host FROM referral_watch WHERE lease_until > :now)
                ORDER BY host, next_check_at)
            UPDATE referral_watch SET lease_until = :leaseUntil, claim = :claim
            WHERE id IN (
                SELECT w.id FROM referral_watch w JOIN candidate c ON c.id = w.id
                WHERE w.next_check_at <= :now AND (w.lease_until IS NULL OR w.lease_until <= :now)
                ORDER BY c.next_check_at
                LIMIT :batch
                FOR UPDATE OF w SKIP LOCKED)
            """ + CLAIMED;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SafeFetcher fetcher;
    private final HostingTraces traces;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final OnlineCheckProperties settings;
    private final String claimSql;
    private final ExecutorService pool;

    OnlineCheckJob(JdbcClient jdbc, TransactionTemplate transactions, SafeFetcher fetcher, HostingTraces traces,
            ApplicationEventPublisher events, Clock clock, OnlineCheckProperties settings, OutboundProperties outbound) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.fetcher = fetcher;
        this.traces = traces;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
        // A batch is fetched in ceil(batch / concurrency) waves of at most one total timeout each (and a trace);
        // the lease must outlast that with room to spare, or another node would take watches still being checked.
        long waves = (settings.batch() + settings.concurrency() - 1) / settings.concurrency();
        Duration needed = outbound.totalTimeout().multipliedBy(2 * waves);
        if (settings.lease().compareTo(needed) < 0) {
            throw new IllegalArgumentException("raporto.referral.checks.lease must be at least " + needed
                    + " (twice raporto.outbound.total-timeout per wave of a batch: batch / concurrency waves)");
        }
        this.claimSql = outbound.perHostInterval().isZero() ? CLAIM_ANY : CLAIM_ONE_PER_HOST;
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "online-check-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * One round: checks every watch that is due now, batch after batch, until none is left.
     *
     * @return how many watches this call checked
     */
    int checkDue() {
        if (fetcher.offline()) {
            return 0;
        }
        int checked = 0;
        for (List<Claim> claims = claim(); !claims.isEmpty(); claims = claim()) {
            List<Future<Boolean>> running = new ArrayList<>();
            for (Claim claim : claims) {
                running.add(pool.submit(() -> check(claim)));
            }
            for (Future<Boolean> check : running) {
                if (done(check)) {
                    checked++;
                }
            }
        }
        if (checked > 0) {
            log.debug("Checked {} referred addresses", checked);
        }
        return checked;
    }

    private static boolean done(Future<Boolean> check) {
        try {
            return check.get();
        }
        catch (ExecutionException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private List<Claim> claim() {
        Instant now = clock.instant();
        UUID claim = UUID.randomUUID();
        return jdbc.sql(claimSql)
                .param("now", Timestamp.from(now))
                .param("leaseUntil", Timestamp.from(now.plus(settings.lease())))
                .param("claim", claim)
                .param("batch", settings.batch())
                .query((row, number) -> new Claim(row.getObject("id", UUID.class), claim, row.getObject("report_id", UUID.class),
                        row.getString("canonical_url"), row.getString("host"), row.getString("country"),
                        row.getString("moved_to_country"), Watch.Status.valueOf(row.getString("status")),
                        row.getInt("consecutive_gone"), instant(row.getTimestamp("first_gone_at")),
                        row.getTimestamp("started_at").toInstant()))
                .list();
    }

    /** @return whether the outcome was recorded as this node's */
    private boolean check(Claim claim) {
        FetchOutcome fetched;
        try {
            fetched = fetcher.fetch(URI.create(claim.url()));
        }
        catch (RuntimeException e) {
            // A stored address the fetcher will not take, or a fault of ours: this watch's failure, not the round's.
            log.warn("Online check of watch {} failed: {}", claim.id(), e.getClass().getName());
            fetched = new FetchOutcome.Failed(FetchOutcome.Failure.OTHER, URI.create("about:blank"), 0, 0);
        }
        FetchOutcome outcome = fetched;
        if (outcome instanceof FetchOutcome.Failed failed && failed.failure() == FetchOutcome.Failure.OFFLINE) {
            release(claim);
            return false;
        }
        Verdict verdict = verdict(outcome);
        String country = verdict == Verdict.ONLINE ? hostingCountry(claim.host()) : null;
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> record(claim, outcome, verdict, country)));
        }
        catch (RuntimeException e) {
            log.warn("Online check of watch {} not recorded: {}", claim.id(), e.getClass().getName());
            log.debug("Watch {} not recorded", claim.id(), e);
            return false;
        }
    }

    private boolean record(Claim claim, FetchOutcome outcome, Verdict verdict, @Nullable String country) {
        Instant now = clock.instant();
        Watch.Status status = claim.status();
        int gone = claim.gone();
        Instant firstGone = claim.firstGone();
        Instant removedAt = null;
        String movedTo = claim.movedTo();
        ContentMoved moved = null;
        switch (verdict) {
            case ONLINE -> {
                gone = 0;
                firstGone = null;
                String from = claim.movedTo() != null ? claim.movedTo() : claim.country();
                if (country != null && from != null && !country.equals(from)) {
                    status = Watch.Status.MOVED;
                    movedTo = country;
                    moved = new ContentMoved(claim.reportId(), claim.url(), from, country, now);
                }
                else {
                    status = status == Watch.Status.MOVED ? Watch.Status.MOVED : Watch.Status.ONLINE;
                }
            }
            case GONE -> {
                gone++;
                firstGone = firstGone == null ? now : firstGone;
                if (gone >= settings.goneAfter()) {
                    status = Watch.Status.REMOVED;
                    removedAt = firstGone;
                }
            }
            case REFUSED -> status = Watch.Status.UNAVAILABLE;
            case NOT_COUNTED -> {
            }
        }
        int recorded = jdbc.sql("""
                UPDATE referral_watch
                SET status = :status, consecutive_gone = :gone, first_gone_at = CAST(:firstGone AS timestamptz), checks = checks + 1,
                    last_checked_at = :now, last_result = :result, removed_at = CAST(:removedAt AS timestamptz), moved_to_country = CAST(:movedTo AS text),
                    next_check_at = CASE WHEN stopped_at IS NULL THEN CAST(:next AS timestamptz) END,
                    lease_until = NULL, claim = NULL
                WHERE id = :id AND claim = :claim
                """)
                .param("status", status.name())
                .param("gone", gone)
                .param("firstGone", firstGone == null ? null : Timestamp.from(firstGone))
                .param("now", Timestamp.from(now))
                .param("result", outcome.code())
                .param("removedAt", removedAt == null ? null : Timestamp.from(removedAt))
                .param("movedTo", movedTo)
                .param("next", status == Watch.Status.REMOVED ? null : Timestamp.from(now.plus(nextIn())))
                .param("id", claim.id())
                .param("claim", claim.claim())
                .update();
        if (recorded == 0) {
            // The lease ran out and another node has the watch: its outcome is the one that counts.
            return false;
        }
        if (removedAt != null) {
            log.info("Referred content removed: watch {} of report {}", claim.id(), claim.reportId());
            events.publishEvent(new ContentRemoved(claim.reportId(), claim.url(), removedAt, Duration.between(claim.startedAt(), removedAt)));
        }
        if (moved != null) {
            log.info("Referred content moved from {} to {}: watch {} of report {}", moved.fromCountry(), moved.toCountry(),
                    claim.id(), claim.reportId());
            events.publishEvent(moved);
        }
        return true;
    }

    private static Verdict verdict(FetchOutcome outcome) {
        if (outcome instanceof FetchOutcome.Answered answered) {
            int status = answered.status();
            if (status == 404 || status == 410) {
                return Verdict.GONE;
            }
            return status < 400 || status == 401 || status == 403 || status >= 500 ? Verdict.ONLINE : Verdict.NOT_COUNTED;
        }
        return switch (((FetchOutcome.Failed) outcome).failure()) {
            case NO_SUCH_HOST, CONNECTION_REFUSED -> Verdict.GONE;
            case TARGET_REFUSED -> Verdict.REFUSED;
            default -> Verdict.NOT_COUNTED;
        };
    }

    /** Where the host's content is now: its last trace while fresh, else a trace now. Null when not known. */
    private @Nullable String hostingCountry(String host) {
        try {
            HostingTrace trace = traces.latest(host)
                    .filter(latest -> latest.hasOutcome() && !latest.expired())
                    .orElseGet(() -> traces.traceNow(host));
            return trace.hostingCountry().orElse(null);
        }
        catch (RuntimeException e) {
            log.warn("No hosting country for an online check: {}", e.getClass().getName());
            return null;
        }
    }

    /** {@code every} × a factor drawn between 0.75 and 1.25. */
    private Duration nextIn() {
        long every = settings.every().toMillis();
        return Duration.ofMillis(every * 3 / 4 + ThreadLocalRandom.current().nextLong(every / 2 + 1));
    }

    private void release(Claim claim) {
        jdbc.sql("UPDATE referral_watch SET lease_until = NULL, claim = NULL WHERE id = :id AND claim = :claim")
                .param("id", claim.id())
                .param("claim", claim.claim())
                .update();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }

    private enum Verdict {
        ONLINE, GONE, REFUSED, NOT_COUNTED
    }

    /** A watch this node holds, as it was when claimed, with the claim that makes it this node's. */
    private record Claim(UUID id, UUID claim, UUID reportId, String url, String host, @Nullable String country,
            @Nullable String movedTo, Watch.Status status, int gone, @Nullable Instant firstGone, Instant startedAt) {
    }
}
