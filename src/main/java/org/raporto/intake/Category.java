package org.raporto.intake;

import java.util.Map;

import org.raporto.shared.Language;

/**
 * A kind of content that can be reported, as the hotline has set it up.
 *
 * @param code               stable identifier, used in the API ({@code csam}, {@code cyberbullying}…)
 * @param requires           what a report in this category must point at
 * @param attachmentsAllowed whether the reporter may attach screenshots (never for child sexual abuse material)
 * @param priority           the priority a new report gets before anyone has looked at it
 * @param texts              name and guidance in every language
 */
public record Category(String code, Requirement requires, boolean attachmentsAllowed, Priority priority,
        Map<Language, Text> texts) {

    public Category {
        for (Language language : Language.values()) {
            if (!texts.containsKey(language)) {
                throw new IllegalArgumentException("Category " + code + " has no text in " + language.code());
            }
        }
        texts = Map.copyOf(texts);
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

    /** A category's words in one language. */
    public record Text(String name, String guidance) {
    }
}
