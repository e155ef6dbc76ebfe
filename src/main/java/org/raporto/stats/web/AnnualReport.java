package org.raporto.stats.web;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.raporto.shared.Language;
import org.raporto.stats.Figures;
import org.raporto.stats.Figures.Count;
import org.raporto.stats.Figures.Dimension;
import org.raporto.stats.PublicFigures;
import org.raporto.stats.Suppression;

/**
 * The annual report as its template shows it, every figure worded in the reader's language: the year against the year
 * before, for publication. Counts are suppressed as on the public page ({@link Suppression}), and the tables the
 * public page has are its very cells. A time or a share is derived from counts, so it is shown only when those counts
 * would be: a median or 90th percentile over at least five reports, a share whose part and rest are both published.
 * Numbers are written as the dashboard and the public page write them.
 */
public record AnnualReport(int year, int previousYear, boolean partial, String siteName, String made, String total, String previousTotal,
        List<Table> tables, List<Time> times, List<Share> shares) {

    /** What "–" stands for: nothing to show. */
    public static final String NOTHING = "–";

    /** A table of counts with its bar chart. */
    public record Table(String id, String titleKey, List<Line> lines) {
    }

    /**
     * One row: this year's and last year's cell as published ("" when there is no year before), and the length of
     * their bars as a share of the longest published count of the table (0 where the count is not published).
     */
    public record Line(String label, String current, String previous, double currentBar, double previousBar) {
    }

    /** Median and 90th percentile of one step, in hours, this year and last, over {@code reports} reports. */
    public record Time(String labelKey, String reports, String median, String p90, String previousMedian, String previousP90) {
    }

    /** A share this year and last, as percentages, of {@code outOf} this year. */
    public record Share(String labelKey, String current, String previous, String outOf) {
    }

    /**
     * @param previousPublished the year before's public figures, null when there is none (before 2000)
     * @param previous          the year before's figures, null likewise
     * @param agencyKinds       the kind of each agency, by id
     */
    static AnnualReport of(PublicFigures published, Figures.Totals figures, @Nullable PublicFigures previousPublished,
            Figures.@Nullable Totals previous, Labels labels, Map<String, String> agencyKinds, String siteName, LocalDate today) {
        Wording wording = new Wording(labels, previous != null);
        List<Table> tables = new ArrayList<>();
        tables.add(wording.table("months", "stats.public.months", published.months(), previousPublished == null ? null : previousPublished.months(),
                labels::month));
        tables.add(wording.table("category", "stats.chart.category", published.categories(),
                previousPublished == null ? null : previousPublished.categories(), labels::category));
        tables.add(wording.table("outcome", "stats.chart.outcome", published.outcomes(),
                previousPublished == null ? null : previousPublished.outcomes(), labels::outcome));
        tables.add(wording.counted("channel", "stats.chart.channel", figures, previous, Dimension.CHANNEL, labels::channel));
        tables.add(wording.counted("role", "stats.chart.role", figures, previous, Dimension.REPORTER_ROLE, labels::role));
        tables.add(wording.counted("age", "stats.chart.age", figures, previous, Dimension.AGE_BAND, labels::age));
        tables.add(wording.table("region", "stats.public.regions", published.regions(),
                previousPublished == null ? null : previousPublished.regions(), labels::region));
        tables.add(wording.table("removal", "stats.public.removal", published.removal(),
                previousPublished == null ? null : previousPublished.removal(), labels::removal));
        Function<Figures.ReferralCount, String> kind = count -> agencyKinds.getOrDefault(count.agency(), count.agency());
        tables.add(wording.table("agencyKind", "stats.annual.referralsByKind", Suppression.of(referrals(figures, kind)),
                previous == null ? null : Suppression.of(referrals(previous, kind)), labels::agencyKind));
        tables.add(wording.table("referralStatus", "stats.annual.referralsByStatus",
                Suppression.of(referrals(figures, Figures.ReferralCount::status)),
                previous == null ? null : Suppression.of(referrals(previous, Figures.ReferralCount::status)), labels::referralStatus));
        Figures.@Nullable Times before = previous == null ? null : previous.times();
        List<Time> times = List.of(
                wording.time("stats.time.firstLook", figures.times().firstLook(), before == null ? null : before.firstLook()),
                wording.time("stats.time.assessment", figures.times().assessment(), before == null ? null : before.assessment()),
                wording.time("stats.time.referral", figures.times().referral(), before == null ? null : before.referral()),
                wording.time("stats.time.removal", figures.times().removal(), before == null ? null : before.removal()));
        Figures.Removal removed = figures.removal();
        Figures.@Nullable Removal removedBefore = previous == null ? null : previous.removal();
        Figures.Sla sla = figures.sla();
        Figures.@Nullable Sla slaBefore = previous == null ? null : previous.sla();
        List<Share> shares = List.of(
                wording.share("stats.share.removed24Hours", removed.within24Hours(), removed.removed(),
                        removedBefore == null ? null : wording.percent(removedBefore.within24Hours(), removedBefore.removed())),
                wording.share("stats.share.removed3Days", removed.within3Days(), removed.removed(),
                        removedBefore == null ? null : wording.percent(removedBefore.within3Days(), removedBefore.removed())),
                wording.share("stats.share.removed7Days", removed.within7Days(), removed.removed(),
                        removedBefore == null ? null : wording.percent(removedBefore.within7Days(), removedBefore.removed())),
                wording.share("stats.share.firstLookOnTime", sla.firstLookMet(), sla.firstLookDue(),
                        slaBefore == null ? null : wording.percent(slaBefore.firstLookMet(), slaBefore.firstLookDue())),
                wording.share("stats.share.assessmentOnTime", sla.assessmentMet(), sla.assessmentDue(),
                        slaBefore == null ? null : wording.percent(slaBefore.assessmentMet(), slaBefore.assessmentDue())));
        DateTimeFormatter date = DateTimeFormatter.ofPattern(labels.language() == Language.SQ ? "dd.MM.yyyy" : "d MMM yyyy",
                labels.language().locale());
        return new AnnualReport(published.year(), published.year() - 1, published.partial(), siteName, date.format(today),
                wording.cell(published.total()), previousPublished == null ? "" : wording.cell(previousPublished.total()), List.copyOf(tables),
                times, shares);
    }

    /** Referrals counted by what {@code key} says of each agency and status, most first. */
    private static List<Count> referrals(Figures.Totals figures, Function<Figures.ReferralCount, String> key) {
        Map<String, Long> counts = new LinkedHashMap<>();
        figures.referrals().forEach(count -> counts.merge(key.apply(count), count.referrals(), Long::sum));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> new Count(entry.getKey(), entry.getValue()))
                .toList();
    }

    /** Words cells, times and shares in the reader's language. */
    private record Wording(Labels labels, boolean comparing) {

        /** As the public page writes a cell. */
        String cell(Suppression.@Nullable Cell cell) {
            if (cell == null) {
                return labels.words().apply("stats.public.small");
            }
            return switch (cell.shown()) {
                case EXACT -> String.valueOf(cell.count());
                case SMALL -> labels.words().apply("stats.public.small");
                case WITHHELD -> labels.words().apply("stats.public.withheld");
            };
        }

        Table counted(String id, String titleKey, Figures.Totals figures, Figures.@Nullable Totals previous, Dimension dimension,
                Function<String, String> label) {
            return table(id, titleKey, Suppression.of(figures.by(dimension)), previous == null ? null : Suppression.of(previous.by(dimension)),
                    label);
        }

        /**
         * This year's rows in their order, then those only the year before had. A row a year lacks counted 0 there,
         * which is published as small.
         */
        Table table(String id, String titleKey, List<Suppression.Cell> now, @Nullable List<Suppression.Cell> before,
                Function<String, String> label) {
            Map<String, Suppression.Cell> previous = new LinkedHashMap<>();
            if (before != null) {
                before.forEach(cell -> previous.put(cell.key(), cell));
            }
            record Pair(Suppression.@Nullable Cell now, Suppression.@Nullable Cell before) {
            }
            Map<String, Pair> rows = new LinkedHashMap<>();
            now.forEach(cell -> rows.put(cell.key(), new Pair(cell, previous.remove(cell.key()))));
            previous.forEach((key, cell) -> rows.put(key, new Pair(null, cell)));
            long longest = rows.values().stream()
                    .flatMap(pair -> java.util.stream.Stream.of(pair.now(), pair.before()))
                    .filter(cell -> cell != null && cell.published() != null)
                    .mapToLong(Suppression.Cell::count)
                    .max().orElse(0);
            List<Line> lines = new ArrayList<>();
            rows.forEach((key, pair) -> lines.add(new Line(label.apply(key), cell(pair.now()), comparing ? cell(pair.before()) : "",
                    bar(pair.now(), longest), bar(pair.before(), longest))));
            return new Table(id, titleKey, List.copyOf(lines));
        }

        private static double bar(Suppression.@Nullable Cell cell, long longest) {
            return cell == null || cell.published() == null || longest == 0 ? 0 : (double) cell.count() / longest;
        }

        Time time(String labelKey, Figures.Spread now, Figures.@Nullable Spread before) {
            return new Time(labelKey, cell(Suppression.total(labelKey, now.reports())), hours(now, Figures.Spread::median),
                    hours(now, Figures.Spread::p90), before == null ? "" : hours(before, Figures.Spread::median),
                    before == null ? "" : hours(before, Figures.Spread::p90));
        }

        private String hours(Figures.Spread spread, Function<Figures.Spread, @Nullable Duration> which) {
            return spread.reports() < Suppression.THRESHOLD ? NOTHING : Dashboard.hours(which.apply(spread), labels.language().locale());
        }

        Share share(String labelKey, long part, long whole, @Nullable String previous) {
            return new Share(labelKey, percent(part, whole), comparing && previous != null ? previous : "",
                    cell(Suppression.total(labelKey, whole)));
        }

        /** The share as the dashboard writes it, when neither its part nor its rest is a small count. */
        String percent(long part, long whole) {
            boolean published = Suppression.of(List.of(new Count("part", part), new Count("rest", whole - part))).stream()
                    .allMatch(cell -> cell.published() != null);
            return published ? Dashboard.percent((double) part / whole, labels.language().locale()) : NOTHING;
        }
    }
}
