package org.raporto.casework;

import java.util.UUID;

import org.raporto.audit.Actor;
import org.raporto.identity.Role;
import org.raporto.identity.StaffUser;

/**
 * Who is working on cases, as casework needs to know them.
 *
 * @param cleared    whether they hold the clearance for child sexual abuse material; without it, such cases do not
 *                   exist for them
 * @param supervisor whether they may assign and release others' cases
 */
public record Analyst(UUID id, String name, boolean cleared, boolean supervisor) {

    public static Analyst of(StaffUser user) {
        return new Analyst(user.id(), user.name(), user.csamClearance(), user.has(Role.SUPERVISOR));
    }

    public Actor actor() {
        return new Actor(id, name);
    }
}
