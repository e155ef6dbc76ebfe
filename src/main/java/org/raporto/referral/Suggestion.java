package org.raporto.referral;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A place the routing suggests for some of a report's items; the analyst confirms or changes it.
 *
 * @param kind         the kind of recipient the rules or the category name
 * @param agency       the agency found for it; null when the directory has none (the reason says what is missing)
 * @param positions    the items it is suggested for
 * @param missing      when there is no agency: what the directory lacks (a hotline in that country, a platform…)
 * @param needsConsent only with the reporter's agreement
 * @param policeFirst  the notice waits until the police agree
 * @param fromRule     whether a routing rule suggested it, rather than the category's default routing
 */
public record Suggestion(AgencyKind kind, @Nullable Agency agency, List<Integer> positions, @Nullable String missing, boolean needsConsent,
        boolean policeFirst, boolean fromRule) {

    public Suggestion {
        positions = List.copyOf(positions);
    }

    /** Why it cannot be sent to now, if it cannot. */
    public Optional<Agency.Blocked> blocked() {
        return agency == null ? Optional.empty() : agency.blocked();
    }
}
