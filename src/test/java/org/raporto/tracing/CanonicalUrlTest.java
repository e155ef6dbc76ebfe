package org.raporto.tracing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalUrlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "example.com                                   | https://example.com/",
            "www.Example.COM/Path/Page.html                | https://www.example.com/Path/Page.html",
            "HTTP://EXAMPLE.com:80/a                       | http://example.com/a",
            "https://example.com:443/a?b=1                 | https://example.com/a?b=1",
            "https://example.com:8443/a                    | https://example.com:8443/a",
            "https://example.com./a#section-2              | https://example.com/a",
            "https://user:secret@example.com/a             | https://example.com/a",
            "https://example.com/a?utm_source=x&id=7&utm_medium=y&fbclid=abc | https://example.com/a?id=7",
            "https://example.com/?gclid=1                  | https://example.com/",
            "https://example.com/a%2fb%c3%ab               | https://example.com/a%2Fb%C3%AB",
            "https://fëmijë.al/faqja                        | https://xn--fmij-lpad.al/faqja",
            "https://example.com/rrugë/çështje             | https://example.com/rrug%C3%AB/%C3%A7%C3%ABshtje",
            "//cdn.example.com/x.jpg                       | https://cdn.example.com/x.jpg",
            "example.com:8080/x                            | https://example.com:8080/x",
            "https://[2001:DB8::1]/x                       | https://[2001:db8::1]/x",
            "http://192.0.2.10/img                         | http://192.0.2.10/img",
            "https://t.me/some_channel                     | https://t.me/some_channel",
            "https://youtu.be/abc123?si=SHARERID&t=42      | https://youtu.be/abc123?t=42",
            "https://www.instagram.com/p/XyZ/?igsh=MzRlODBi | https://www.instagram.com/p/XyZ/",
            "https://vm.tiktok.com/ZM123/?_t=8k&_r=1&lang=sq | https://vm.tiktok.com/ZM123/?lang=sq",
            "https://x.com/user/status/1?s=20&t=abc        | https://x.com/user/status/1",
            "https://example.com/?s=search&t=1             | https://example.com/?s=search&t=1",
            "https://example.com/😀                         | https://example.com/%F0%9F%98%80",
            "https://fëmijë.al:8443/x                       | https://xn--fmij-lpad.al:8443/x",
    })
    void canonicalisesAddresses(String typed, String canonical) {
        CanonicalUrl url = CanonicalUrl.parse(typed);
        assertThat(url.canonical()).isEqualTo(canonical);
        assertThat(url.original()).isEqualTo(typed.strip());
    }

    @Test
    void theSameContentReportedTwiceIsOneAddress() {
        assertThat(CanonicalUrl.parse("Example.com/video?utm_campaign=share#t=10").canonical())
                .isEqualTo(CanonicalUrl.parse("https://example.com:443/video").canonical());
    }

    @Test
    void keepsWhatTheReporterTyped() {
        assertThat(CanonicalUrl.parse("  WWW.Example.com/A?utm_source=x  ").original()).isEqualTo("WWW.Example.com/A?utm_source=x");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "javascript:alert(1)                 | NOT_WEB",
            "data:text/html;base64,PHNjcmlwdD4=  | NOT_WEB",
            "file:///etc/passwd                  | NOT_WEB",
            "mailto:someone@example.com          | NOT_WEB",
            "ftp://example.com/x                 | NOT_WEB",
            "https://                            | MALFORMED",
            "https:///path                       | NO_HOST",
            "https://exa mple.com                | MALFORMED",
            "https://example.com/a b             | MALFORMED",
            "https://bad_host!.com/              | NO_HOST",
    })
    void refusesWhatIsNoWebAddress(String typed, InvalidUrlException.Reason reason) {
        assertThatThrownBy(() -> CanonicalUrl.parse(typed))
                .isInstanceOfSatisfying(InvalidUrlException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void refusesEmptyText(String typed) {
        assertThatThrownBy(() -> CanonicalUrl.parse(typed))
                .isInstanceOfSatisfying(InvalidUrlException.class, e -> assertThat(e.reason()).isEqualTo(InvalidUrlException.Reason.EMPTY));
    }

    @Test
    void refusesAddressesThatGrowTooLongWhenEscaped() {
        assertThatThrownBy(() -> CanonicalUrl.parse("https://example.com/" + "ж".repeat(400)))
                .isInstanceOfSatisfying(InvalidUrlException.class, e -> assertThat(e.reason()).isEqualTo(InvalidUrlException.Reason.TOO_LONG));
    }

    @Test
    void differentEmojiAreDifferentAddresses() {
        assertThat(CanonicalUrl.parse("https://example.com/😀").canonical()).isNotEqualTo(CanonicalUrl.parse("https://example.com/🙂").canonical());
    }

    @Test
    void refusesOversizedAddresses() {
        assertThatThrownBy(() -> CanonicalUrl.parse("https://example.com/" + "a".repeat(3000)))
                .isInstanceOfSatisfying(InvalidUrlException.class, e -> assertThat(e.reason()).isEqualTo(InvalidUrlException.Reason.TOO_LONG));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/\u0000", "https://exam\u202eple.com", "https://example.com/%", "https://example.com/%zz",
            "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "https://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com",
            "https://example.com:99999/", "http://-example.com/", "https://例え.テスト/パス", "\uD83D\uDE00.com"})
    void hostileTextIsEitherRefusedOrMadeHarmless(String typed) {
        try {
            CanonicalUrl url = CanonicalUrl.parse(typed);
            assertThat(url.canonical()).startsWith("http").doesNotContain("<", ">", "\"", " ", "\u0000");
        }
        catch (InvalidUrlException expected) {
            assertThat(expected.reason()).isNotNull();
        }
    }
}
