package org.raporto.casework;

import java.time.Duration;
import java.time.Instant;

/**
 * When something must be done, and the working time it was given.
 *
 * @param due         the instant the working time runs out
 * @param workingTime the target it was computed from, as time that passes at work
 */
public record Deadline(Instant due, Duration workingTime) {

    /** @throws IllegalArgumentException when the working time is not positive */
    public Deadline {
        if (workingTime.isNegative() || workingTime.isZero()) {
            throw new IllegalArgumentException("A deadline gives some working time, not " + workingTime);
        }
    }

    /**
     * The last quarter of the working time: a deadline is due soon once no more than this is left (1 hour of a 4-hour
     * target, 2 hours of an 8-hour working day, 4 hours of two). A share rather than a fixed hour, so that the warning
     * grows with the target: an hour's notice on a two-day target is seen too late by analysts who look at the queue
     * a few times a day.
     */
    public Duration dueSoonWindow() {
        return workingTime.dividedBy(4);
    }
}
