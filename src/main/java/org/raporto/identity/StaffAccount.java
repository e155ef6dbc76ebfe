package org.raporto.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.raporto.shared.Language;

/**
 * A staff or partner account as administrators see it.
 *
 * @param agency   the agency a partner acts for; null for staff
 * @param active   whether the invitation was accepted: a password is set and an authenticator app enrolled
 */
public record StaffAccount(UUID id, String email, String name, Language language, Set<Role> roles, @Nullable String agency,
        boolean csamClearance, boolean enabled, boolean active, boolean demo, Instant createdAt) {

    public StaffAccount {
        roles = Set.copyOf(roles);
    }
}
