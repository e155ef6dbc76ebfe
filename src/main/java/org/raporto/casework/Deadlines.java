package org.raporto.casework;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import org.raporto.shared.web.SiteProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * When a report's first look and assessment are due, and whether it is on time: its category's target
 * ({@link SlaTargets}) counted in working time ({@link WorkingCalendar}: the configured hours, Monday to Friday, in the
 * site's time zone, without {@link Holidays}) from the moment it was received.
 * <p>
 * "Now" is the application's {@link Clock}, so that tests move time rather than wait for it. A deadline is computed
 * with the holidays and targets as they are when it is asked for: one added later moves deadlines not yet passed.
 */
@Service
@EnableConfigurationProperties(WorkingHours.class)
public class Deadlines {

    private final Holidays holidays;
    private final SlaTargets targets;
    private final WorkingHours hours;
    private final ZoneId zone;
    private final Clock clock;
    private volatile Built built;

    Deadlines(Holidays holidays, SlaTargets targets, WorkingHours hours, SiteProperties site, Clock clock) {
        this.holidays = holidays;
        this.targets = targets;
        this.hours = hours;
        this.zone = site.timeZone();
        this.clock = clock;
        this.built = new Built(Set.of(), hours.calendar(zone, Set.of()));
    }

    /** The working calendar as it is now, holidays included. */
    public WorkingCalendar calendar() {
        Set<LocalDate> days = holidays.days();
        Built known = built;
        // Holidays hands out the same set until something changes: only then is the calendar built again.
        if (known.from() != days) {
            known = new Built(days, hours.calendar(zone, days));
            built = known;
        }
        return known.calendar();
    }

    /** The first look due for a report of this category received at this instant. */
    public Deadline firstLook(Instant received, String categoryCode) {
        return deadline(received, targets.of(categoryCode).firstLook());
    }

    /** The assessment due for a report of this category received at this instant. */
    public Deadline assessment(Instant received, String categoryCode) {
        return deadline(received, targets.of(categoryCode).assessment());
    }

    public Instant firstLookDue(Instant received, String categoryCode) {
        return firstLook(received, categoryCode).due();
    }

    public Instant assessmentDue(Instant received, String categoryCode) {
        return assessment(received, categoryCode).due();
    }

    /** Where a deadline stands now, due soon in the last quarter of its working time ({@link Deadline#dueSoonWindow()}). */
    public SlaState state(Deadline deadline) {
        return state(deadline.due(), clock.instant(), deadline.dueSoonWindow());
    }

    /**
     * Where a deadline stands at {@code now}: {@link SlaState#LATE} once {@code now} is after {@code due};
     * {@link SlaState#DUE_SOON} while no more working time is left than the window (so a deadline on Monday morning is
     * due soon on the Friday afternoon before, though days away); {@link SlaState#ON_TIME} before that.
     *
     * @throws IllegalArgumentException when the window is negative
     */
    public SlaState state(Instant due, Instant now, Duration dueSoonWindow) {
        if (dueSoonWindow.isNegative()) {
            throw new IllegalArgumentException("The due-soon window cannot be negative: " + dueSoonWindow);
        }
        if (now.isAfter(due)) {
            return SlaState.LATE;
        }
        return calendar().workingTimeBetween(now, due).compareTo(dueSoonWindow) <= 0 ? SlaState.DUE_SOON : SlaState.ON_TIME;
    }

    /**
     * The working time left now until this instant; negative once it has passed, by the working time since. Sorting a
     * queue by it puts the most urgent first.
     */
    public Duration workingTimeLeft(Instant due) {
        return calendar().workingTimeBetween(clock.instant(), due);
    }

    /**
     * The deadline a case is waiting on now, if any: its first look until someone has looked, then its assessment
     * until it is assessed.
     */
    public Optional<Pending> pending(CaseSummary of) {
        if (!of.status().isOpen()) {
            return Optional.empty();
        }
        SlaTarget target = targets.of(of.category());
        Duration workingDay = calendar().workingDay();
        if (of.firstLookAt() == null && of.firstLookDue() != null) {
            Deadline deadline = new Deadline(of.firstLookDue(), target.firstLook().in(workingDay));
            return Optional.of(new Pending(Pending.Kind.FIRST_LOOK, deadline.due(), state(deadline)));
        }
        if (of.assessedAt() == null && of.assessmentDue() != null) {
            Deadline deadline = new Deadline(of.assessmentDue(), target.assessment().in(workingDay));
            return Optional.of(new Pending(Pending.Kind.ASSESSMENT, deadline.due(), state(deadline)));
        }
        return Optional.empty();
    }

    private Deadline deadline(Instant received, WorkingTime target) {
        WorkingCalendar calendar = calendar();
        Duration workingTime = target.in(calendar.workingDay());
        return new Deadline(calendar.plusWorkingTime(received, workingTime), workingTime);
    }

    /** The deadline a case waits on, and where it stands. */
    public record Pending(Kind kind, Instant due, SlaState state) {

        /** Which of the two deadlines. */
        public enum Kind {
            FIRST_LOOK, ASSESSMENT
        }
    }

    private record Built(Set<LocalDate> from, WorkingCalendar calendar) {
    }
}
