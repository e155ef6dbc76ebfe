package org.raporto.shared.web;

import java.util.UUID;

import org.raporto.shared.Language;

/** What the staff layout needs to know of the person signed in; the identity module's user provides it. */
public interface SignedIn {

    /** The account's id, as the audit log records it. */
    UUID id();

    String name();

    Language language();

    /** Whether they hold the role of this name ({@code ADMIN}, {@code ANALYST}…). */
    boolean hasRole(String role);
}
