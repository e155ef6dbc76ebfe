package org.raporto.identity;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.standard();

    @Test
    void takesLongPassphrases() {
        assertThat(policy.check("correct horse battery staple", "arta@example.org")).isEmpty();
        assertThat(policy.check("fjalë të gjata ë ç", "arta@example.org")).isEmpty();
    }

    @Test
    void refusesShortOnesCountingCharactersNotBytes() {
        assertThat(policy.check("elevenchars", "a@example.org")).hasValue(PasswordPolicy.Weakness.TOO_SHORT);
        assertThat(policy.check("😀".repeat(11), "a@example.org")).hasValue(PasswordPolicy.Weakness.TOO_SHORT);
        assertThat(policy.check("😀".repeat(12), "a@example.org")).isEmpty();
        assertThat(policy.check("x".repeat(201), "a@example.org")).hasValue(PasswordPolicy.Weakness.TOO_LONG);
    }

    @Test
    void refusesTheCommonOnesWhateverTheCase() {
        assertThat(policy.check("1qaz2wsx3edc", "a@example.org")).hasValue(PasswordPolicy.Weakness.COMMON);
        assertThat(policy.check("Q1W2E3R4T5Y6", "a@example.org")).hasValue(PasswordPolicy.Weakness.COMMON);
    }

    @Test
    void refusesOnesThatContainTheEmailName() {
        assertThat(policy.check("arta.hoxha-2026!", "arta.hoxha@example.org")).hasValue(PasswordPolicy.Weakness.CONTAINS_EMAIL);
    }

    @Test
    void recoveryCodesAreReadBackForgivingly() {
        String code = RecoveryCode.generate(new SecureRandom());
        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}");
        assertThat(RecoveryCode.normalised(" " + code.toLowerCase() + " ")).isEqualTo(code.replace("-", ""));
        assertThat(RecoveryCode.normalised("O1IL0-ABCDE")).isEqualTo("01110ABCDE");
        assertThat(RecoveryCode.normalised("123456")).isEmpty();
        assertThat(RecoveryCode.normalised("UUUUU-UUUUU")).as("U is not in the alphabet").isEmpty();
    }

    @Test
    void theWaitAfterFailedSignInsGrowsToAQuarterOfAnHour() {
        assertThat(SignInThrottle.delay(3)).isZero();
        assertThat(SignInThrottle.delay(4)).hasSeconds(2);
        assertThat(SignInThrottle.delay(5)).hasSeconds(4);
        assertThat(SignInThrottle.delay(40)).hasMinutes(15);
    }
}
