package org.raporto.stats.web;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.raporto.shared.Language;
import org.raporto.stats.Figures;
import org.raporto.stats.Figures.Count;
import org.raporto.stats.Figures.Dimension;
import org.raporto.stats.Period;

/**
 * The dashboard as the template shows it: every figure already worded and formatted in the reader's language, so
 * that the page, its charts and the CSV exports say the same.
 */
public record Dashboard(Period period, @Nullable Period previous, String periodText, String previousText, boolean withCsam,
        List<Chart> charts, List<Step> times, List<Share> shares, Figures.Backlog backlog) {

    /**
     * One table of counts with its bar chart: each row is the current period's figure and the previous period's.
     *
     * @param id   short name used in anchors, ids and {@code ?table=} of the export
     * @param unit message key of the counted thing's column heading
     */
    public record Chart(String id, String titleKey, String unit, List<Row> rows) {

        long max() {
            return rows.stream().mapToLong(row -> Math.max(row.current(), row.previous() == null ? 0 : row.previous())).max().orElse(0);
        }

        /** Width of a bar of {@code value} out of {@code width} units, the longest bar filling it. */
        public long width(@Nullable Long value, int width) {
            long max = max();
            return value == null || max == 0 ? 0 : Math.round((double) value * width / max);
        }

        public int height() {
            return Math.max(1, rows.size()) * ROW_HEIGHT + 8;
        }
    }

    static final int ROW_HEIGHT = 34;

    public record Row(String label, String code, long current, @Nullable Long previous) {
    }

    /** Median and 90th percentile of one step, in hours, now and before. */
    public record Step(String labelKey, long reports, String median, String p90, String previousMedian, String previousP90) {
    }

    /** A share now and before, as percentages, with what they are out of. */
    public record Share(String labelKey, String current, String previous, long outOf) {
    }

    static Dashboard of(Figures figures, Language language, Words words, Map<String, String> categories,
            Map<String, String> agencies) {
        Locale locale = language.locale();
        Figures.Totals now = figures.current();
        Figures.@Nullable Totals before = figures.previous();
        List<Chart> charts = new ArrayList<>();
        charts.add(new Chart("received", "stats.chart.received." + now.granularity().name(), "stats.column.reports",
                received(now, before, language)));
        Labels labels = new Labels(language, words, categories);
        charts.add(chart("category", "stats.chart.category", now, before, Dimension.CATEGORY, labels::category));
        charts.add(chart("channel", "stats.chart.channel", now, before, Dimension.CHANNEL, labels::channel));
        charts.add(chart("role", "stats.chart.role", now, before, Dimension.REPORTER_ROLE, labels::role));
        charts.add(chart("age", "stats.chart.age", now, before, Dimension.AGE_BAND, labels::age));
        charts.add(chart("platform", "stats.chart.platform", now, before, Dimension.PLATFORM, code -> words.apply("report.platform." + code)));
        charts.add(chart("outcome", "stats.chart.outcome", now, before, Dimension.OUTCOME, labels::outcome));
        charts.add(chart("country", "stats.chart.country", now, before, Dimension.HOSTING_COUNTRY, labels::country));
        charts.add(chart("network", "stats.chart.network", now, before, Dimension.HOSTING_NETWORK, Function.identity()));
        charts.add(referrals(now, before, words, agencies));
        List<Step> times = List.of(
                step("stats.time.firstLook", now.times().firstLook(), before == null ? null : before.times().firstLook(), locale),
                step("stats.time.assessment", now.times().assessment(), before == null ? null : before.times().assessment(), locale),
                step("stats.time.referral", now.times().referral(), before == null ? null : before.times().referral(), locale),
                step("stats.time.removal", now.times().removal(), before == null ? null : before.times().removal(), locale));
        List<Share> shares = List.of(
                new Share("stats.share.removed24Hours", percent(now.removal().share24Hours(), locale),
                        before == null ? "" : percent(before.removal().share24Hours(), locale), now.removal().removed()),
                new Share("stats.share.removed3Days", percent(now.removal().share3Days(), locale),
                        before == null ? "" : percent(before.removal().share3Days(), locale), now.removal().removed()),
                new Share("stats.share.removed7Days", percent(now.removal().share7Days(), locale),
                        before == null ? "" : percent(before.removal().share7Days(), locale), now.removal().removed()),
                new Share("stats.share.firstLookOnTime", percent(now.sla().firstLookShare(), locale),
                        before == null ? "" : percent(before.sla().firstLookShare(), locale), now.sla().firstLookDue()),
                new Share("stats.share.assessmentOnTime", percent(now.sla().assessmentShare(), locale),
                        before == null ? "" : percent(before.sla().assessmentShare(), locale), now.sla().assessmentDue()));
        return new Dashboard(figures.period(), before == null ? null : before.period(), text(figures.period(), language),
                before == null ? "" : text(before.period(), language), figures.withCsam(), List.copyOf(charts), times, shares,
                figures.backlog());
    }

    Chart chart(String id) {
        return charts.stream().filter(chart -> chart.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<Row> received(Figures.Totals now, Figures.@Nullable Totals before, Language language) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(language == Language.SQ ? "dd.MM.yyyy" : "d MMM yyyy", language.locale());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < now.received().size(); i++) {
            Figures.Bucket bucket = now.received().get(i);
            Long previous = before != null && i < before.received().size() ? before.received().get(i).reports() : null;
            rows.add(new Row(format.format(bucket.start()), bucket.start().toString(), bucket.reports(), previous));
        }
        return rows;
    }

    private static Chart chart(String id, String titleKey, Figures.Totals now, Figures.@Nullable Totals before, Dimension dimension,
            Function<String, String> label) {
        Map<String, Long> previous = new LinkedHashMap<>();
        if (before != null) {
            before.by(dimension).forEach(count -> previous.put(count.key(), count.reports()));
        }
        List<Row> rows = new ArrayList<>();
        for (Count count : now.by(dimension)) {
            rows.add(new Row(label.apply(count.key()), count.key(), count.reports(), before == null ? null : previous.getOrDefault(count.key(), 0L)));
            previous.remove(count.key());
        }
        previous.forEach((key, reports) -> rows.add(new Row(label.apply(key), key, 0, reports)));
        return new Chart(id, titleKey, "stats.column.reports", rows);
    }

    private static Chart referrals(Figures.Totals now, Figures.@Nullable Totals before, Words words,
            Map<String, String> agencies) {
        Map<String, Long> previous = new LinkedHashMap<>();
        if (before != null) {
            before.referrals().forEach(count -> previous.put(count.agency() + "/" + count.status(), count.referrals()));
        }
        List<Row> rows = new ArrayList<>();
        Function<Figures.ReferralCount, String> label = count -> words.apply("stats.referral.row",
                agencies.getOrDefault(count.agency(), count.agency()), words.apply("stats.referral.status." + count.status()));
        for (Figures.ReferralCount count : now.referrals()) {
            String key = count.agency() + "/" + count.status();
            rows.add(new Row(label.apply(count), key, count.referrals(), before == null ? null : previous.getOrDefault(key, 0L)));
            previous.remove(key);
        }
        if (before != null) {
            before.referrals().stream().filter(count -> previous.containsKey(count.agency() + "/" + count.status()))
                    .forEach(count -> rows.add(new Row(label.apply(count), count.agency() + "/" + count.status(), 0, count.referrals())));
        }
        return new Chart("referrals", "stats.chart.referrals", "stats.column.referrals", rows);
    }

    private static Step step(String key, Figures.Spread now, Figures.@Nullable Spread before, Locale locale) {
        return new Step(key, now.reports(), hours(now.median(), locale), hours(now.p90(), locale),
                before == null ? "" : hours(before.median(), locale), before == null ? "" : hours(before.p90(), locale));
    }

    /** Hours with one decimal; an en dash when there is nothing to measure. */
    static String hours(@Nullable Duration duration, Locale locale) {
        return duration == null ? "–" : String.format(locale, "%.1f", duration.toMillis() / 3_600_000.0);
    }

    static String percent(@Nullable Double share, Locale locale) {
        return share == null ? "–" : String.format(locale, "%.1f %%", share * 100);
    }

    static String text(Period period, Language language) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(language == Language.SQ ? "dd.MM.yyyy" : "d MMM yyyy", language.locale());
        return format.format(period.from()) + " – " + format.format(period.to());
    }

    /** The message of a key in the reader's language. */
    @FunctionalInterface
    public interface Words {
        String apply(String key, Object... arguments);
    }
}
