package org.raporto.identity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Demo mode: one marked account per role, whose printed password and key sign in; never on another database. */
@SpringBootTest(properties = "raporto.demo=true")
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class DemoAccountsTest {

    @Autowired
    DemoAccounts demo;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    java.time.Clock clock;

    @Test
    void thePrintedPasswordAndKeySignIn(CapturedOutput output) {
        demo.seed();

        // Every start prints new secrets: the last ones printed are those in force.
        String printed = output.getAll().substring(output.getAll().lastIndexOf("DEMO MODE"));
        Matcher admin = Pattern.compile("(demo\\.admin@raporto\\.invalid)\\s+(demo-\\S+)\\s+([A-Z2-7 ]+)").matcher(printed);
        assertThat(admin.find()).isTrue();
        var account = accounts.checkPassword(admin.group(1), admin.group(2));
        assertThat(account).isPresent();
        byte[] key = Base32.decode(admin.group(3).strip());
        assertThat(accounts.acceptSecondFactor(account.get(), Totp.code(key, Totp.step(clock.instant())))).isTrue();
        assertThat(accounts.find(account.get())).hasValueSatisfying(found -> {
            assertThat(found.demo()).isTrue();
            assertThat(found.name()).endsWith("(demo)");
            assertThat(found.roles()).containsExactly(Role.ADMIN);
        });
        assertThat(accounts.all()).filteredOn(StaffAccount::demo).extracting(found -> found.roles().iterator().next())
                .containsExactlyInAnyOrder(Role.values());
        assertThat(output.getAll()).doesNotContain("/staff/setup?token=");
    }

    @Test
    void isRefusedWithAnExternalDatabase() {
        assertThatThrownBy(() -> new DemoAccounts(accounts, "jdbc:postgresql://db.example.org/raporto"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("embedded database only");
    }
}
