package org.raporto.identity;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.raporto.audit.Actor;
import org.raporto.shared.Language;
import org.raporto.web.FormClient;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

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
        return signedIn(port, active(accounts, roles, Language.EN, cleared));
    }

    /** A new partner account of this agency, signed in; its home is the partner portal. */
    public static FormClient partner(int port, StaffAccounts accounts, String agency) throws Exception {
        return signedIn(port, active(accounts, Set.of(Role.PARTNER), Language.EN, false, agency, Instant.now()));
    }

    private static FormClient signedIn(int port, Account account) throws Exception {
        FormClient browser = new FormClient(port, "/staff/login", Map.of("Accept-Language", "en"));
        browser.post("/staff/login", Map.of("email", account.email(), "password", PASSWORD));
        assertThat(browser.post("/staff/login/code", Map.of("code", account.nextCode())).headers().firstValue("Location"))
                .hasValue("/staff/");
        return browser;
    }

    /** Signs in in a browser as a person does, password then the app's code, and checks the page it ends on ({@code /staff/}, {@code /partner/}: plain paths, read as a pattern that Chromium evaluates). */
    public static Page signIn(BrowserContext context, int port, Account account, String home) {
        Page page = context.newPage();
        page.navigate("http://127.0.0.1:" + port + "/staff/login");
        page.locator("#email").fill(account.email());
        page.locator("#password").fill(account.password());
        page.locator("form button[type=submit]").click();
        page.locator("#code").fill(account.nextCode());
        page.locator("form button[type=submit]").click();
        PlaywrightAssertions.assertThat(page).hasURL(Pattern.compile(".*" + home + "$"));
        return page;
    }

    /** A new account that accepted its invitation and enrolled its authenticator app, ready to sign in. */
    public static Account active(StaffAccounts accounts, Set<Role> roles, Language language, boolean cleared) {
        return active(accounts, roles, language, cleared, roles.contains(Role.PARTNER) ? "al-police-cybercrime" : null, Instant.now());
    }

    /**
     * The same, bound to this agency if it is a partner's, enrolled at the server's {@code now}: for tests that move
     * the server's clock. Sign in before moving it further than a code's window.
     */
    public static Account active(StaffAccounts accounts, Set<Role> roles, Language language, boolean cleared, @Nullable String agency,
            Instant now) {
        String email = "staff." + UUID.randomUUID() + "@example.org";
        String token = accounts.invite(new StaffAccounts.NewAccount("Test " + roles, email, language, roles, agency, cleared), Actor.system());
        UUID id = accounts.acceptInvitation(token, PASSWORD);
        byte[] secret = accounts.startEnrolment(id);
        long step = Totp.step(now);
        assertThat(accounts.confirmEnrolment(id, Totp.code(secret, step))).isPresent();
        return new Account(id, email, PASSWORD, secret, step);
    }

    /**
     * An account ready to sign in.
     *
     * @param enrolledAt the TOTP step used to enrol, which is spent
     */
    public record Account(UUID id, String email, String password, byte[] secret, long enrolledAt) {

        /** The next code of its authenticator app, within the window of the one used to enrol. */
        public String nextCode() {
            return Totp.code(secret, enrolledAt + 1);
        }
    }
}
