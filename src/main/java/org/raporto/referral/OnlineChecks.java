package org.raporto.referral;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.raporto.shared.outbound.SafeFetcher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Online checks of referred addresses: a watch per report and address, checked in the background by every node
 * ({@link OnlineCheckJob}) until its content is gone ({@link ContentRemoved}), and noticed when it moves to another
 * hosting country ({@link ContentMoved}).
 * <p>
 * Offline ({@code raporto.outbound.offline}) nothing is checked and nothing changes: a page shows
 * {@link #offline()} as "not checked: offline".
 */
@Service
public class OnlineChecks {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final int MAX_URL = 2048;

    static final String COLUMNS = """
            report_id, canonical_url, status, started_at, last_checked_at, checks, last_result, removed_at, country,
            moved_to_country, stopped_at
            """;

    private final JdbcClient jdbc;
    private final SafeFetcher fetcher;
    private final OnlineCheckProperties settings;
    private final Clock clock;

    OnlineChecks(JdbcClient jdbc, SafeFetcher fetcher, OnlineCheckProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.fetcher = fetcher;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Starts watching the address for the report, in the caller's transaction (the referral's): a watch is committed,
     * or rolled back, with the referral. Idempotent: the same report and address give the same watch; a watch that
     * was stopped is resumed (unless its content was removed). The first check comes within
     * {@code raporto.referral.checks.interval}.
     *
     * @param canonicalUrl   the address in its canonical form (as {@code tracing.CanonicalUrl} gives it): http or https,
     *                       with a host, at most 2,048 characters
     * @param hostingCountry where the content is hosted now (ISO 3166-1 alpha-2); null when not known
     * @return the watch's id
     * @throws IllegalArgumentException when the address or the country is not one
     * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID watch(UUID reportId, String canonicalUrl, @Nullable String hostingCountry) {
        String host = host(canonicalUrl);
        if (hostingCountry != null && !COUNTRY.matcher(hostingCountry).matches()) {
            throw new IllegalArgumentException("Not an ISO 3166-1 alpha-2 code: " + hostingCountry);
        }
        Instant now = clock.instant();
        Instant first = now.plusMillis(ThreadLocalRandom.current().nextLong(settings.interval().toMillis() + 1));
        return jdbc.sql("""
                INSERT INTO referral_watch (id, report_id, canonical_url, host, country, started_at, next_check_at)
                VALUES (:id, :report, :url, :host, :country, :now, :first)
                ON CONFLICT (report_id, canonical_url) DO UPDATE
                SET stopped_at = NULL,
                    next_check_at = CASE WHEN referral_watch.status = 'REMOVED' THEN NULL
                                         WHEN referral_watch.stopped_at IS NOT NULL THEN :first
                                         ELSE referral_watch.next_check_at END
                RETURNING id
                """)
                .param("id", UUID.randomUUID())
                .param("report", reportId)
                .param("url", canonicalUrl)
                .param("host", host)
                .param("country", hostingCountry)
                .param("now", Timestamp.from(now))
                .param("first", Timestamp.from(first))
                .query(UUID.class)
                .single();
    }

    /** The watch of the report on the address, if there is one. */
    public Optional<Watch> find(UUID reportId, String canonicalUrl) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM referral_watch WHERE report_id = :report AND canonical_url = :url")
                .param("report", reportId)
                .param("url", canonicalUrl)
                .query((row, number) -> watch(row))
                .optional();
    }

    /** Every watch of the report, oldest first. */
    public List<Watch> forReport(UUID reportId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM referral_watch WHERE report_id = :report ORDER BY started_at, canonical_url")
                .param("report", reportId)
                .query((row, number) -> watch(row))
                .list();
    }

    /**
     * Stops checking the report's addresses, when its case is resolved or closed; what was found is kept. A check under
     * way finishes, and is recorded.
     *
     * @return how many watches were stopped
     */
    @Transactional
    public int stop(UUID reportId) {
        return jdbc.sql("""
                UPDATE referral_watch SET stopped_at = :now, next_check_at = NULL
                WHERE report_id = :report AND stopped_at IS NULL AND status <> 'REMOVED'
                """)
                .param("now", Timestamp.from(clock.instant()))
                .param("report", reportId)
                .update();
    }

    /** Whether the server is offline, so that nothing is being checked ("not checked: offline"). */
    public boolean offline() {
        return fetcher.offline();
    }

    /** How often each address is checked. */
    public Duration every() {
        return settings.every();
    }

    static String host(String canonicalUrl) {
        if (canonicalUrl.length() > MAX_URL) {
            throw new IllegalArgumentException("An address has at most " + MAX_URL + " characters");
        }
        try {
            URI uri = new URI(canonicalUrl);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("Only http and https addresses with a host are watched");
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        }
        catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not an address: " + e.getReason());
        }
    }

    static Watch watch(ResultSet row) throws SQLException {
        Instant started = row.getTimestamp("started_at").toInstant();
        Instant removedAt = instant(row, "removed_at");
        return new Watch(row.getObject("report_id", UUID.class), row.getString("canonical_url"),
                Watch.Status.valueOf(row.getString("status")), started, instant(row, "last_checked_at"), row.getInt("checks"),
                row.getString("last_result"), removedAt, removedAt == null ? null : Duration.between(started, removedAt),
                row.getString("country"), row.getString("moved_to_country"), row.getTimestamp("stopped_at") != null);
    }

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
