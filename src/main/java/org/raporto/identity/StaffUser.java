package org.raporto.identity;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.raporto.shared.Language;
import org.raporto.shared.web.SignedIn;

/**
 * Who is signed in, as the session carries it. Other modules take it as the current user
 * ({@code @AuthenticationPrincipal StaffUser user}); it is refreshed from the account on every request, so a role
 * taken away or an account disabled takes effect at once.
 *
 * @param signedInAt when the second factor was accepted: sessions end 12 hours after it, whatever happens
 */
public record StaffUser(UUID id, String name, String email, Language language, Set<Role> roles, boolean csamClearance,
        Instant signedInAt) implements SignedIn, Serializable {

    public StaffUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    @Override
    public boolean hasRole(String role) {
        return roles.stream().anyMatch(held -> held.name().equals(role));
    }
}
