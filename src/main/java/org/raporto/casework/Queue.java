package org.raporto.casework;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.raporto.shared.web.SiteProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queue: cases by priority, then oldest first, a page at a time. Pages are walked by key (the last row's
 * priority, time and id), never by offset, so the thousandth page costs what the first does, with a million reports.
 * Restricted cases are left out for accounts without the clearance, in rows and counts alike.
 */
@Service
public class Queue {

    public static final int PAGE = 50;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    Queue(JdbcClient jdbc, Clock clock, SiteProperties site) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = site.timeZone();
    }

    /**
     * One page of the queue.
     *
     * @param after the cursor of the page before ({@link Page#next()}), or null for the first page; a cursor that does
     *              not parse starts from the first page
     */
    @Transactional(readOnly = true)
    public Page page(QueueFilter filter, @Nullable String after, Analyst analyst) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        // Names of an enumeration, written into the statement so that the planner can match the partial index of the
        // open queue (it cannot with parameters).
        where.add("c.status IN (" + filter.shown().stream().sorted().map(status -> "'" + status.name() + "'").collect(Collectors.joining(", ")) + ")");
        if (!analyst.cleared()) {
            where.add("NOT c.restricted");
        }
        if (filter.category() != null) {
            where.add("c.category_code = :category");
            params.put("category", filter.category());
        }
        if (filter.channel() != null) {
            where.add("c.channel = :channel");
            params.put("channel", filter.channel().name());
        }
        if (filter.assignee() != null) {
            where.add("c.assignee = :assignee");
            params.put("assignee", filter.assignee());
        }
        if (filter.unassigned()) {
            where.add("c.assignee IS NULL");
        }
        if (filter.late()) {
            where.add("c.status IN ('NEW', 'IN_ASSESSMENT', 'ASSESSED')");
            where.add("((c.first_look_at IS NULL AND c.first_look_due < :now) OR (c.assessed_at IS NULL AND c.assessment_due < :now))");
            params.put("now", Timestamp.from(clock.instant()));
        }
        if (filter.from() != null) {
            where.add("c.received_at >= :from");
            params.put("from", Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
        }
        if (filter.to() != null) {
            where.add("c.received_at < :to");
            params.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (filter.country() != null) {
            where.add("c.hosting_countries @> ARRAY[CAST(:country AS text)]");
            params.put("country", filter.country());
        }
        if (filter.text() != null) {
            // A plan made once for any search term cannot use the trigram and pattern indexes well (one that matches
            // nothing read a million rows): plan each search for its own term, in this transaction only.
            jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
            where.add("(c.reference LIKE :reference OR c.hosts_text ILIKE :host)");
            params.put("reference", like(filter.text().toUpperCase(Locale.ROOT)) + "%");
            params.put("host", "%" + like(filter.text().toLowerCase(Locale.ROOT)) + "%");
        }
        Optional<Cursor> cursor = Cursor.parse(after);
        cursor.ifPresent(from -> {
            where.add("(c.urgency, c.received_at, c.report_id) > (:urgency, :received, :id)");
            params.put("urgency", from.urgency());
            params.put("received", Timestamp.from(from.received()));
            params.put("id", from.id());
        });
        List<CaseSummary> rows = jdbc.sql("SELECT " + CaseStore.COLUMNS + " FROM casework_case c WHERE " + String.join(" AND ", where)
                        + " ORDER BY c.urgency, c.received_at, c.report_id LIMIT " + (PAGE + 1))
                .params(params)
                .query((row, number) -> CaseStore.summary(row))
                .list();
        if (rows.size() <= PAGE) {
            return new Page(rows, null);
        }
        CaseSummary last = rows.get(PAGE - 1);
        return new Page(rows.subList(0, PAGE), new Cursor(last.priority().urgency(), last.receivedAt(), last.id().value()).text());
    }

    /** How many cases are in each state, counting only those the analyst may see. */
    public Map<CaseStatus, Long> counts(Analyst analyst) {
        Map<CaseStatus, Long> counts = new EnumMap<>(CaseStatus.class);
        for (CaseStatus status : CaseStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("SELECT status, sum(n) FROM casework_status_count WHERE NOT restricted OR ? GROUP BY status")
                .param(analyst.cleared())
                .query(row -> {
                    counts.put(CaseStatus.valueOf(row.getString(1)), row.getLong(2));
                });
        return counts;
    }

    /**
     * Folds the counters' +1 and -1 rows into one per state. One statement: rows added meanwhile by other transactions
     * are not seen by it and stay for the next fold, so no count is lost or counted twice, on any number of nodes.
     */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    @Transactional
    public void foldCounts() {
        jdbc.sql("""
                WITH folded AS (DELETE FROM casework_status_count RETURNING status, restricted, n)
                INSERT INTO casework_status_count (status, restricted, n)
                SELECT status, restricted, sum(n) FROM folded GROUP BY status, restricted""").update();
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * A page of the queue.
     *
     * @param next the cursor of the next page, or null on the last
     */
    public record Page(List<CaseSummary> rows, @Nullable String next) {
    }

    /** Where a page starts: the key of the row before it, as opaque text in the address. */
    record Cursor(int urgency, Instant received, UUID id) {

        String text() {
            String plain = urgency + "~" + (received.getEpochSecond() * 1_000_000 + received.getNano() / 1_000) + "~" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
        }

        static Optional<Cursor> parse(@Nullable String text) {
            if (text == null || text.isEmpty() || text.length() > 120) {
                return Optional.empty();
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split("~");
                long micros = Long.parseLong(parts[1]);
                Instant received = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
                return Optional.of(new Cursor(Integer.parseInt(parts[0]), received, UUID.fromString(parts[2])));
            }
            catch (RuntimeException malformed) {
                return Optional.empty();
            }
        }
    }
}
