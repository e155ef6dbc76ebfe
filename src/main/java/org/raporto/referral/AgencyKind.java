package org.raporto.referral;

import org.raporto.intake.Category;

/** What an agency is, which decides what it is sent and how the notices to it are scheduled. */
public enum AgencyKind {
    POLICE, REGULATOR, CHILD_PROTECTION, HELPLINE, PLATFORM, HOSTING_PROVIDER, REGISTRAR, FOREIGN_HOTLINE;

    /** Only law enforcement may be given the reporter's words and contact, and only when the reporter agreed. */
    public boolean isLawEnforcement() {
        return this == POLICE;
    }

    /**
     * Whether the agency can take the content down itself, so that its notices follow the notice-and-takedown
     * schedule: re-notices while the content is online, then escalation.
     */
    public boolean takesDown() {
        return this == PLATFORM || this == HOSTING_PROVIDER || this == REGISTRAR;
    }

    /** The kind a category's default routing names. */
    public static AgencyKind of(Category.Recipient recipient) {
        return valueOf(recipient.name());
    }
}
