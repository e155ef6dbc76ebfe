package org.raporto.referral;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.raporto.casework.Classification;

/**
 * One routing rule: items that match it are suggested for its recipient.
 *
 * @param category     the report category it is for; null for any
 * @param outcome      the classification it is for; null for any that may be referred
 * @param hosted       where the content must be hosted
 * @param onPlatform   whether only items on a known platform match
 * @param needsConsent suggested only when the reporter agreed (the analyst confirms)
 * @param policeFirst  for a host or platform: the notice waits until the police agree
 */
public record RoutingRule(UUID id, int position, @Nullable String category, Classification.@Nullable Outcome outcome, Hosted hosted,
        boolean onPlatform, AgencyKind recipient, boolean needsConsent, boolean policeFirst) {

    /** Where the content is hosted, as the trace tells. */
    public enum Hosted {
        ANY, DOMESTIC, ABROAD, UNKNOWN;

        boolean matches(Hosted actual) {
            return this == ANY || this == actual;
        }
    }
}
