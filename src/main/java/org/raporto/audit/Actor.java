package org.raporto.audit;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Who did it: a staff account, or the system itself, or someone not known (a sign-in with a login that matches no
 * account).
 *
 * @param id   the staff account's id; {@code null} for the system or an unknown person
 * @param name the name to show, kept in the entry as it was then: accounts are never deleted, but they are renamed
 *             and disabled. 1 to {@value #MAX_NAME} characters; never an e-mail address typed at a failed sign-in
 */
public record Actor(@Nullable UUID id, String name) {

    public static final int MAX_NAME = 200;

    private static final Actor SYSTEM = new Actor(null, "system");
    private static final Actor UNKNOWN = new Actor(null, "unknown");

    /** @throws IllegalArgumentException when the name is blank, too long or not storable text */
    public Actor {
        Text.check("actor's name", name, MAX_NAME);
        if (name.isBlank()) {
            throw new IllegalArgumentException("The actor's name is blank");
        }
    }

    /** Raporto itself: scheduled jobs, first-run setup before any account exists. */
    public static Actor system() {
        return SYSTEM;
    }

    /** Someone who did not say who they are in a way that matches an account, such as a failed sign-in. */
    public static Actor unknown() {
        return UNKNOWN;
    }
}
