package org.raporto.identity;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.raporto.audit.Actor;
import org.raporto.shared.Language;
import org.raporto.web.FormClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A staff member signed in over HTTP as a browser does it, for tests of staff pages. */
public final class TestStaff {

    private static final String PASSWORD = "a test staff passphrase";

    private TestStaff() {
    }

    /** A new active account with these roles, signed in with its password and a code from its (computed) app. */
    public static FormClient signedIn(int port, StaffAccounts accounts, Set<Role> roles) throws Exception {
        return signedIn(port, accounts, roles, true);
    }

    /** The same, with or without the clearance for child sexual abuse material. */
    public static FormClient signedIn(int port, StaffAccounts accounts, Set<Role> roles, boolean cleared) throws Exception {
        String email = "staff." + UUID.randomUUID() + "@example.org";
        String token = accounts.invite(new StaffAccounts.NewAccount("Test " + roles, email, Language.EN, roles,
                roles.contains(Role.PARTNER) ? "Test agency" : null, cleared), Actor.system());
        UUID id = accounts.acceptInvitation(token, PASSWORD);
        byte[] secret = accounts.startEnrolment(id);
        long step = Totp.step(Instant.now());
        assertThat(accounts.confirmEnrolment(id, Totp.code(secret, step))).isPresent();
        FormClient browser = new FormClient(port, "/staff/login", Map.of("Accept-Language", "en"));
        browser.post("/staff/login", Map.of("email", email, "password", PASSWORD));
        // The step used to enrol is spent; the next one is within the window.
        assertThat(browser.post("/staff/login/code", Map.of("code", Totp.code(secret, step + 1))).headers().firstValue("Location"))
                .hasValue("/staff/");
        return browser;
    }
}
