package org.raporto.referral;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.raporto.shared.Language;

/**
 * One place reports are passed to.
 *
 * @param id         a short name that stays: partner accounts are bound to it
 * @param languages  the languages it reads, preferred first (ISO 639-1)
 * @param emails     where notices are e-mailed; empty when the agency only uses the partner portal, or is not set up
 * @param portal     whether its people read referrals in the partner portal
 * @param ready      whether an administrator marked it ready to receive (it agreed, the addresses were checked)
 * @param approvedAt when an analyst approved it, for a hosting provider or registrar found by tracing; null: waiting
 * @param asn        a hosting provider's autonomous system
 * @param domains    the host names a platform serves
 */
public record Agency(String id, AgencyKind kind, String name, String country, List<String> languages, List<String> emails,
        boolean portal, String notes, boolean ready, @Nullable Instant approvedAt, @Nullable String approvedBy, @Nullable Long asn,
        List<String> domains) {

    public Agency {
        languages = List.copyOf(languages);
        emails = List.copyOf(emails);
        domains = List.copyOf(domains);
    }

    /** Why nothing can be sent to it now, if anything stops it: the analyst is told, never left with a silent failure. */
    public Optional<Blocked> blocked() {
        if (approvedAt == null) {
            return Optional.of(Blocked.NOT_APPROVED);
        }
        if (!ready) {
            return Optional.of(Blocked.NOT_READY);
        }
        if (emails.isEmpty() && !portal) {
            return Optional.of(Blocked.NO_CHANNEL);
        }
        return Optional.empty();
    }

    /** The language its notices are written in: the first it reads that the site writes, else English. */
    public Language noticeLanguage() {
        return languages.stream().map(Language::fromCode).flatMap(Optional::stream).findFirst().orElse(Language.EN);
    }

    /** Why an agency cannot be sent anything. */
    public enum Blocked {
        /** Found by tracing, not yet approved by an analyst. */
        NOT_APPROVED,
        /** An administrator has not marked it ready to receive. */
        NOT_READY,
        /** Neither an e-mail address nor the partner portal. */
        NO_CHANNEL
    }
}
