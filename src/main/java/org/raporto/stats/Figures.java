package org.raporto.stats;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The figures of a period and of the period of equal length before it. Without the clearance for child sexual abuse
 * material, every figure leaves out the reports and referrals of that material ({@code withCsam} is false).
 */
public record Figures(Period period, boolean withCsam, Totals current, @Nullable Totals previous, Backlog backlog) {

    /** What one period counts: reports received in it, and what happened to them since. */
    public record Totals(Period period, long reports, Period.Granularity granularity, List<Bucket> received,
            Map<Dimension, List<Count>> by, List<ReferralCount> referrals, Times times, Removal removal, Sla sla) {

        public List<Count> by(Dimension dimension) {
            return by.getOrDefault(dimension, List.of());
        }
    }

    /** Reports received in the day, week or month that starts on {@code start}. */
    public record Bucket(LocalDate start, long reports) {
    }

    /**
     * How many reports have {@code key} (a code: category, channel…), or for hosting countries and networks how many
     * illegal items. {@link #NONE} when they have none.
     */
    public record Count(String key, long reports) {

        public static final String NONE = "NONE";
    }

    public record ReferralCount(String agency, String status, long referrals) {
    }

    /**
     * What reports are counted by. Platforms count a report once for each it names; hosting countries and networks
     * count items assessed as illegal instead of reports, as hotlines count URLs: an item once in its host's country
     * and once in each network of its host.
     */
    public enum Dimension {
        CATEGORY, CHANNEL, REPORTER_ROLE, AGE_BAND, OUTCOME, PLATFORM, HOSTING_COUNTRY, HOSTING_NETWORK
    }

    /** Times from receipt to each step, over the reports of the period that reached it. */
    public record Times(Spread firstLook, Spread assessment, Spread referral, Spread removal) {
    }

    /**
     * Median and 90th percentile (interpolated between neighbours, as PostgreSQL's {@code percentile_cont}) of
     * {@code reports} durations; both null when there are none.
     */
    public record Spread(long reports, @Nullable Duration median, @Nullable Duration p90) {
    }

    /** Of the reports whose content is removed, how many were removed within 24 hours, 3 days and 7 days of receipt. */
    public record Removal(long removed, long within24Hours, long within3Days, long within7Days) {

        public @Nullable Double share24Hours() {
            return share(within24Hours, removed);
        }

        public @Nullable Double share3Days() {
            return share(within3Days, removed);
        }

        public @Nullable Double share7Days() {
            return share(within7Days, removed);
        }
    }

    /**
     * Deadlines met: a deadline counts once it is met or has passed; {@code met} of {@code due} were kept.
     */
    public record Sla(long firstLookMet, long firstLookDue, long assessmentMet, long assessmentDue) {

        public @Nullable Double firstLookShare() {
            return share(firstLookMet, firstLookDue);
        }

        public @Nullable Double assessmentShare() {
            return share(assessmentMet, assessmentDue);
        }
    }

    /** Now, whatever the period: reports waiting for casework, and reports whose content is still watched online. */
    public record Backlog(long open, long monitoring) {
    }

    static @Nullable Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
