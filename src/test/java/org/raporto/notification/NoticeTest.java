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

    @Test
    void anAgencyNoticeCarriesItsComposedTextAndOnlyItCarriesOne() {
        ComposedText text = new ComposedText("  R-2026-000123: referim  ", "Rreshti 1\r\nRreshti 2\rRreshti 3\n\n", " desk@hotline.example ");

        Notice notice = Notice.toAgency("abuse@hosting.example", Language.SQ, text);

        assertThat(notice.text()).isEqualTo(new ComposedText("R-2026-000123: referim", "Rreshti 1\nRreshti 2\nRreshti 3", "desk@hotline.example"));
        assertThat(notice.toString()).isEqualTo("Notice[AGENCY_NOTICE, sq]");
        assertThat(text.toString()).doesNotContain("R-2026", "Rreshti", "desk");
        assertThatThrownBy(() -> new Notice("abuse@hosting.example", Language.SQ, NoticeKind.AGENCY_NOTICE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Notice("prind@example.org", Language.SQ, NoticeKind.REPORT_NEWS, null, text))
                .as("the other kinds keep to the words of the bundles").isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Referral\r\nBcc: everyone@example.org", "Referral\nBcc: everyone@example.org", "Referral\rX: y",
            "Referral\u2028Bcc: x@example.org", "Referral\u0000", "Referral\u0085", "Tab\tin a subject", "", "   "})
    void refusesASubjectThatIsNotOneLineOfText(String subject) {
        assertThatThrownBy(() -> new ComposedText(subject, "Body", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("Bcc").hasMessageNotContaining("Referral");
    }

    @Test
    void refusesASubjectOrBodyTooLongAndABodyWithControlCharacters() {
        assertThat(new ComposedText("s".repeat(ComposedText.MAX_SUBJECT), "b".repeat(ComposedText.MAX_BODY), null).body())
                .hasSize(ComposedText.MAX_BODY);
        assertThatThrownBy(() -> new ComposedText("s".repeat(ComposedText.MAX_SUBJECT + 1), "Body", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ComposedText("Subject", "b".repeat(ComposedText.MAX_BODY + 1), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ComposedText("Subject", "x".repeat(50_000_000), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ComposedText("Subject", "Body\u0000with a NUL", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ComposedText("Subject", "Body\u001b[31m", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ComposedText("Subject", "Lone surrogate \ud800", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ComposedText("Subject", "   \n\n", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"desk@hotline.example\r\nBcc: x@example.org", "Desk <desk@hotline.example>", "a@example.org, b@example.org", "desk"})
    void refusesAReplyAddressThatIsNotOneBareAddress(String replyTo) {
        assertThatThrownBy(() -> new ComposedText("Subject", "Body", replyTo)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("@");
    }
}
