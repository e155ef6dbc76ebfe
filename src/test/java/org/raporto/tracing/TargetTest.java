package org.raporto.tracing;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Hosts as a browser reads them, and everything else refused before it reaches a resolver or the database. */
class TargetTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            example.al                | example.al
            EXAMPLE.Al.               | example.al
            shqipëri.al               | xn--shqipri-vya.al
            ÇAJ.AL                    | xn--aj-3ia.al
            bücher。example。com      | xn--bcher-kva.example.com
            _dmarc.example.com        | _dmarc.example.com
            xn--bcher-kva.example.com | xn--bcher-kva.example.com
            a-b.c-d.example           | a-b.c-d.example
            """)
    void namesAreLowerCaseAsciiWithoutTheFinalDot(String host, String key) {
        assertThat(Target.parse(host)).get().isInstanceOf(Target.Name.class).extracting(Target::key).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1           | 127.0.0.1
            2130706433          | 127.0.0.1
            0x7f.1              | 127.0.0.1
            0X7F.0.0.1          | 127.0.0.1
            0177.0.0.1          | 127.0.0.1
            017700000001        | 127.0.0.1
            127.1               | 127.0.0.1
            127.0.1             | 127.0.0.1
            0x7f000001          | 127.0.0.1
            １２７.０.０.１       | 127.0.0.1
            192.168.0.1.        | 192.168.0.1
            0                   | 0.0.0.0
            0x                  | 0.0.0.0
            4294967295          | 255.255.255.255
            [::1]               | ::1
            ::1                 | ::1
            [2001:DB8:0:0::1]   | 2001:db8::1
            [::ffff:127.0.0.1]  | 127.0.0.1
            [::ffff:7f00:1]     | 127.0.0.1
            """)
    void addressesInEverySpellingABrowserTakesAreAddresses(String host, String key) {
        assertThat(Target.parse(host)).get().isInstanceOf(Target.Literal.class).extracting(Target::key).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ".", "..", "a..b", "exa mple.com", "example.com\u0000.al", "example.com%00.al",
            "'; DROP TABLE tracing_host; --", "example.com/path", "user@example.com", "example.com:443", "<script>.al",
            "a\tb.al", "a\nb.al", "\u202eexample.al", "1.2.3.4.5", "256.0.0.1", "1.2.3.256", "4294967296", "08.0.0.1",
            "0x1g.0.0.1", "example.1", "[::1", "[fe80::1%25eth0]", "fe80::1%eth0", "[1.2.3.4]", "[::1]:80",
            "[::1/128]", "10.0.0.0/8", "1.2.3.*", "::ffff:1.2.3", "*.example.com", "example..com", "xn--.com", "xn--zz-.al"})
    void anythingElseIsNoHost(String host) {
        assertThat(Target.parse(host)).isEmpty();
    }

    @Test
    void aNameEndingInALabelThatIsNoNumberIsAName() {
        assertThat(Target.parse("1.2.3.-4")).get().isInstanceOf(Target.Name.class);
        assertThat(Target.parse("1.2.3.a4")).get().isInstanceOf(Target.Name.class);
    }

    @Test
    void veryLongNamesAreRefusedAndTheLongestValidOneIsTaken() {
        String label = "a".repeat(63);
        String longest = String.join(".", label, label, label, "a".repeat(61));
        assertThat(longest).hasSize(253);

        assertThat(Target.parse(longest)).isPresent();
        assertThat(Target.parse(longest + "a")).isEmpty();
        assertThat(Target.parse("a".repeat(64) + ".al")).isEmpty();
        assertThat(Target.parse("a".repeat(100_000))).isEmpty();
        assertThat(Target.parse("ä".repeat(5_000) + ".al")).isEmpty();
    }

    @Test
    void onionAndSpecialUseNamesAreKnownAsSuch() {
        assertThat(name("duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion").onion()).isTrue();
        assertThat(name("localhost").specialUse()).isTrue();
        assertThat(name("printer.local").specialUse()).isTrue();
        assertThat(name("nas.home.arpa").specialUse()).isTrue();
        assertThat(name("localhost.al").specialUse()).isFalse();
        assertThat(name("testing.al").specialUse()).isFalse();
        assertThat(name("onion.al").onion()).isFalse();
    }

    private static Target.Name name(String host) {
        Optional<Target> target = Target.parse(host);
        return (Target.Name) target.orElseThrow();
    }
}
