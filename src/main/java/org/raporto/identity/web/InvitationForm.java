package org.raporto.identity.web;

import java.util.Set;

import org.raporto.identity.Role;

/** The invitation form as typed, shown again after an error. */
public record InvitationForm(String name, String email, String language, Set<Role> roles, String agency, boolean csamClearance) {

    public InvitationForm {
        roles = Set.copyOf(roles);
    }
}
