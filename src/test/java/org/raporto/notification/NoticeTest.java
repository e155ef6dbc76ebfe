package org.raporto.notification;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.raporto.shared.Language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NoticeTest {

    @Test
    void takesABareAddressTrimmed() {
        Notice notice = new Notice("  prind@example.org\n", Language.SQ, NoticeKind.REPORT_NEWS);

        assertThat(notice.recipient()).isEqualTo("prind@example.org");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "prind", "@example.org", "prind@", "Prind <prind@example.org>", "a@example.org, b@example.org",
            "prind@example.org\r\nBcc: other@example.org", "group: a@example.org;"})
    void refusesAnythingButOneBareAddressWithoutRepeatingIt(String recipient) {
        assertThatThrownBy(() -> new Notice(recipient, Language.EN, NoticeKind.REPORT_NEWS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("@");
    }

    @Test
    void refusesAnAddressLongerThanSmtpCarries() {
        String tooLong = "a".repeat(64) + "@" + "b".repeat(186) + ".org";

        assertThatThrownBy(() -> new Notice(tooLong, Language.EN, NoticeKind.REPORT_NEWS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverShowsTheAddressWhenPrinted() {
        Notice notice = new Notice("prind.7d3e@example.org", Language.SQ, NoticeKind.REPORT_NEWS);

        assertThat(notice.toString()).isEqualTo("Notice[REPORT_NEWS, sq]");
    }
}
