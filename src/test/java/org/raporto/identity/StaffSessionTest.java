package org.raporto.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.raporto.audit.Actor;
import org.raporto.shared.Language;
import org.raporto.testing.MutableClock;
import org.raporto.web.FormClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in session ends when it should, on whatever request comes next: after 12 hours, when its owner signs out
 * everywhere, when the account is disabled; and a role taken away counts at once. The clock is moved, not waited for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffSessionTest {

    private static final String PASSWORD = "a session test passphrase";

    @TestConfiguration(proxyBeanMethods = false)
    static class Time {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.now());
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    MutableClock clock;

    private String email;
    private UUID id;
    private byte[] secret;

    @BeforeEach
    void anActiveAnalyst() {
        email = "analyst." + UUID.randomUUID() + "@example.org";
        String token = accounts.invite(new StaffAccounts.NewAccount("Analyst", email, Language.EN, EnumSet.of(Role.ANALYST, Role.SUPERVISOR),
                null, false), Actor.system());
        id = accounts.acceptInvitation(token, PASSWORD);
        byte[] secret = accounts.startEnrolment(id);
        clock.advance(Duration.ofSeconds(31));
        assertThat(accounts.confirmEnrolment(id, Totp.code(secret, Totp.step(clock.instant())))).isPresent();
        this.secret = secret;
    }

    @Test
    void aSessionEndsTwelveHoursAfterSigningInWhateverHappens() throws Exception {
        FormClient browser = signedIn();
        for (int hour = 0; hour < 11; hour++) {
            clock.advance(Duration.ofHours(1));
            assertThat(browser.get("/staff/").statusCode()).as("hour " + hour).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(61));
        assertThat(browser.get("/staff/").headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).contains("/staff/login?signedOut"));
        assertThat(browser.get("/staff/").statusCode()).as("and stays ended").isEqualTo(302);
    }

    @Test
    void signingOutEverywhereEndsTheOtherSessions() throws Exception {
        FormClient phone = signedIn();
        FormClient desk = signedIn();
        desk.open("/staff/");
        desk.post("/staff/sign-out-everywhere", Map.of());
        clock.advance(Duration.ofSeconds(1));
        assertThat(phone.get("/staff/").statusCode()).isEqualTo(302);
    }

    @Test
    void disablingAnAccountEndsItsSessionsAndARoleTakenAwayCountsAtOnce() throws Exception {
        FormClient browser = signedIn();
        accounts.change(id, EnumSet.of(Role.PARTNER), "al-police-cybercrime", false, Actor.system());
        assertThat(browser.get("/staff/cases").statusCode()).as("a partner now: the staff area is not theirs").isEqualTo(403);
        assertThat(browser.get("/staff/").headers().firstValue("Location")).as("their home is the partner portal").hasValue("/partner/");
        accounts.change(id, EnumSet.of(Role.ANALYST), null, false, Actor.system());
        assertThat(browser.get("/staff/").statusCode()).isEqualTo(200);

        accounts.setEnabled(id, false, Actor.system());
        clock.advance(Duration.ofSeconds(1));
        assertThat(browser.get("/staff/").statusCode()).isEqualTo(302);
        FormClient again = new FormClient(port, "/staff/login", Map.of("Accept-Language", "en"));
        assertThat(again.post("/staff/login", Map.of("email", email, "password", PASSWORD)).body()).contains("is not right");
    }

    @Test
    void aNewPasswordEndsTheOtherSessionsButNotThisOne() throws Exception {
        FormClient other = signedIn();
        FormClient here = signedIn();
        here.open("/staff/account/password");
        assertThat(here.post("/staff/account/password", Map.of("current", "wrong", "password", "another long passphrase",
                "confirmation", "another long passphrase")).body()).contains("The current password is not right");
        clock.advance(Duration.ofSeconds(1));
        assertThat(here.post("/staff/account/password", Map.of("current", PASSWORD, "password", "another long passphrase",
                "confirmation", "another long passphrase")).body()).contains("Your password has been changed");
        clock.advance(Duration.ofSeconds(1));
        assertThat(here.get("/staff/").statusCode()).isEqualTo(200);
        assertThat(other.get("/staff/").statusCode()).isEqualTo(302);
    }

    @Test
    void aResetLinkSetsANewPasswordAndALostPhoneMeansEnrollingAgain() throws Exception {
        FormClient before = signedIn();
        String token = accounts.resetLink(id, Actor.system());
        FormClient browser = new FormClient(port, "/staff/login", Map.of("Accept-Language", "en"));
        browser.get("/staff/reset?token=" + token);
        assertThat(browser.open("/staff/reset").body()).contains("Choose a new password for Analyst");
        clock.advance(Duration.ofSeconds(1));
        assertThat(browser.post("/staff/reset", Map.of("password", "a brand new passphrase", "confirmation", "a brand new passphrase"))
                .headers().firstValue("Location")).hasValue("/staff/login?passwordChanged");
        assertThat(before.get("/staff/").statusCode()).as("sessions end with a reset").isEqualTo(302);

        accounts.resetAuthenticator(id, Actor.system());
        browser.open("/staff/login");
        assertThat(browser.post("/staff/login", Map.of("email", email, "password", "a brand new passphrase")).headers().firstValue("Location"))
                .hasValue("/staff/login/enrol");
    }

    private FormClient signedIn() throws Exception {
        FormClient browser = new FormClient(port, "/staff/login", Map.of("Accept-Language", "en"));
        assertThat(browser.post("/staff/login", Map.of("email", email, "password", PASSWORD)).headers().firstValue("Location"))
                .hasValue("/staff/login/code");
        clock.advance(Duration.ofSeconds(30));
        String code = Totp.code(secret, Totp.step(clock.instant()));
        assertThat(browser.post("/staff/login/code", Map.of("code", code)).headers().firstValue("Location")).hasValue("/staff/");
        return browser;
    }
}
