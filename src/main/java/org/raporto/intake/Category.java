package org.raporto.intake;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.raporto.shared.Language;

/**
 * A kind of content that can be reported, as the hotline has set it up.
 *
 * @param code               stable identifier, used in the API ({@code csam}, {@code cyberbullying}…)
 * @param requires           what a report in this category must point at
 * @param attachmentsAllowed whether the reporter may attach screenshots (never for child sexual abuse material)
 * @param priority           the priority a new report gets before anyone has looked at it
 * @param retentionDays      how many days after a report is closed what the reporter gave is erased
 * @param routing            the kinds of recipient a report of this kind is usually passed to
 * @param texts              name and guidance in every language
 */
public record Category(String code, Requirement requires, boolean attachmentsAllowed, Priority priority, int retentionDays,
        Set<Recipient> routing, Map<Language, Text> texts) {

    /** DESIGN §5: personal data is erased 90 days after a report is closed unless a category says otherwise. */
    public static final int DEFAULT_RETENTION_DAYS = 90;
    public static final int LONGEST_RETENTION_DAYS = 3650;

    public Category {
        for (Language language : Language.values()) {
            if (!texts.containsKey(language)) {
                throw new IllegalArgumentException("Category " + code + " has no text in " + language.code());
            }
        }
        texts = Map.copyOf(texts);
        EnumSet<Recipient> ordered = EnumSet.noneOf(Recipient.class);
        ordered.addAll(routing);
        routing = Collections.unmodifiableSet(ordered);
    }

    public Text in(Language language) {
        return texts.get(language);
    }

    /** What a report must point at. */
    public enum Requirement {
        /** At least one address (URL). */
        URL,
        /** An address, or an account on a platform. */
        URL_OR_ACCOUNT,
        /** An address, an account or a description alone. */
        ANYTHING
    }

    /** How urgently a new report is looked at. */
    public enum Priority {
        URGENT, HIGH, NORMAL, LOW
    }

    /**
     * A kind of recipient of a referral. Agencies are the referral module's; a category only says which kinds usually
     * hear of its reports, and the analyst decides.
     */
    public enum Recipient {
        POLICE, REGULATOR, CHILD_PROTECTION, HELPLINE, PLATFORM, HOSTING_PROVIDER, FOREIGN_HOTLINE
    }

    /** A category's words in one language. */
    public record Text(String name, String guidance) {
    }
}
