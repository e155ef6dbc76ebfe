package org.raporto.identity;

/** A password the policy refuses; nothing was changed. */
public class WeakPassword extends RuntimeException {

    private final PasswordPolicy.Weakness weakness;

    WeakPassword(PasswordPolicy.Weakness weakness) {
        super(weakness.name(), null, false, false);
        this.weakness = weakness;
    }

    public PasswordPolicy.Weakness weakness() {
        return weakness;
    }
}
