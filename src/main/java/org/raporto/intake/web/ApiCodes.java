package org.raporto.intake.web;

import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.raporto.intake.AgeBand;

/**
 * How the API writes the values of enumerations. The choices a client sends are in lower case with hyphens
 * ({@code this-week}), the age bands as people write them ({@code 13-15}); the API also reads the enumerations' names
 * ({@code THIS_WEEK}). The API and the API page both take their codes from here, so the page cannot list a value the
 * API refuses.
 */
final class ApiCodes {

    private ApiCodes() {
    }

    /** The code of a value the API reads, as the API page shows it. */
    static String of(Enum<?> value) {
        if (value instanceof AgeBand band) {
            return switch (band) {
                case UNDER_13 -> "under-13";
                case FROM_13_TO_15 -> "13-15";
                case FROM_16_TO_17 -> "16-17";
                case ADULT, UNKNOWN -> band.name().toLowerCase(Locale.ROOT);
            };
        }
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * A value the API only sends (a report's status, a message's author): its name in lower case, underscores kept
     * ({@code in_review}), as version 1 of the API has sent them.
     */
    static String sent(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The value with this code or name, in any case, with hyphens or underscores; empty for anything else. */
    static <E extends Enum<E>> Optional<E> parse(Class<E> type, @Nullable String code) {
        if (code == null) {
            return Optional.empty();
        }
        String typed = code.strip();
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equalsIgnoreCase(typed) || constant.name().equalsIgnoreCase(typed.replace('-', '_'))) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
