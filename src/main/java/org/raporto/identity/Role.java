package org.raporto.identity;

/** What a staff or partner account may do; an account has one or more, a partner account only {@link #PARTNER}. */
public enum Role {
    /** Accounts, settings, the audit log. */
    ADMIN,
    /** Sees who holds what, assigns, follows deadlines and statistics. */
    SUPERVISOR,
    /** Assesses reports and refers them. */
    ANALYST,
    /** Writes and reviews the portal's content. */
    EDITOR,
    /** A partner agency's user: only the referrals addressed to that agency, under /partner. */
    PARTNER;

    /** The Spring Security authority. */
    public String authority() {
        return "ROLE_" + name();
    }
}
