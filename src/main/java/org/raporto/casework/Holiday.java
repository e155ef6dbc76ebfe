package org.raporto.casework;

import java.time.LocalDate;

import org.raporto.shared.Language;

/**
 * A day on which nobody works, whatever the day of the week: an official holiday, or the working day given off for
 * one that fell on a weekend.
 *
 * @param nameSq its name in Albanian, 1 to {@value #MAX_NAME} characters
 * @param nameEn its name in English, the same
 */
public record Holiday(LocalDate day, String nameSq, String nameEn) {

    public static final int MAX_NAME = 120;

    /** @throws IllegalArgumentException when a name is blank, too long or holds control characters */
    public Holiday {
        nameSq = checked(nameSq);
        nameEn = checked(nameEn);
    }

    /** Its name in this language. */
    public String name(Language language) {
        return switch (language) {
            case SQ -> nameSq;
            case EN -> nameEn;
        };
    }

    private static String checked(String name) {
        String stripped = name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME || stripped.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("A holiday's name has 1 to " + MAX_NAME + " characters and no control characters");
        }
        return stripped;
    }
}
