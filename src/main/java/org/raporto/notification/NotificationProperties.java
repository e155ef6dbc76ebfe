package org.raporto.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How e-mails leave the outbox.
 *
 * @param from     the sender's address; blank: {@code no-reply@} the host of the site's public address
 * @param delivery    when to try again and when to give up
 * @param deadLetters how long a dead letter can still be sent again
 */
@ConfigurationProperties("raporto.notification")
record NotificationProperties(String from, Delivery delivery, DeadLetterRules deadLetters) {

    /**
     * @param keptFor how long a dead letter keeps its sealed address and text, for an administrator to send it again,
     *                before they are erased; from 1 hour to 366 days
     */
    record DeadLetterRules(Duration keptFor) {

        DeadLetterRules {
            if (keptFor.compareTo(Duration.ofHours(1)) < 0 || keptFor.compareTo(Duration.ofDays(366)) > 0) {
                throw new IllegalArgumentException("raporto.notification.dead-letters.kept-for must be from 1 hour to 366 days, not " + keptFor);
            }
        }
    }

    /**
     * @param lease             how long a node may take to send one message before others take it for abandoned;
     *                          longer than the SMTP timeouts together
     * @param maxAttempts       tries before a message is given up as a dead letter
     * @param firstRetryAfter   the wait after the first failed try; it doubles after each further one…
     * @param longestRetryAfter …up to this
     */
    record Delivery(Duration lease, int maxAttempts, Duration firstRetryAfter, Duration longestRetryAfter) {

        Delivery {
            requirePositive("lease", lease);
            requirePositive("first-retry-after", firstRetryAfter);
            requirePositive("longest-retry-after", longestRetryAfter);
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("raporto.notification.delivery.max-attempts must be at least 1, not " + maxAttempts);
            }
            if (longestRetryAfter.compareTo(firstRetryAfter) < 0) {
                throw new IllegalArgumentException("raporto.notification.delivery.longest-retry-after must not be shorter than first-retry-after");
            }
        }

        /** The wait after the given number of failed tries: first-retry-after × 2^(tries − 1), capped. */
        Duration retryAfter(int failedTries) {
            Duration wait = firstRetryAfter;
            for (int tries = 1; tries < failedTries && wait.compareTo(longestRetryAfter) < 0; tries++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(longestRetryAfter) > 0 ? longestRetryAfter : wait;
        }

        private static void requirePositive(String name, Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("raporto.notification.delivery." + name + " must be positive, not " + value);
            }
        }
    }
}
