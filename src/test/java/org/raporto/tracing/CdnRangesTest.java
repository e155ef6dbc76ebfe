package org.raporto.tracing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import inet.ipaddr.IPAddressString;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CdnRangesTest {

    @ParameterizedTest
    @ValueSource(strings = {"173.245.48.1", "103.21.244.9", "141.101.64.1", "162.159.255.255", "104.16.0.0", "104.27.255.255",
            "172.64.1.1", "131.0.75.255", "2400:cb00::1", "2606:4700:10::6816:1", "2a06:98c7:ffff::1", "2c0f:f248::1"})
    void theShippedFileKnowsCloudflaresNetworks(String address) throws IOException {
        assertThat(TracerTest.shippedCdnRanges().cdnOf(new IPAddressString(address).getAddress())).contains("Cloudflare");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1.1.1", "8.8.8.8", "104.28.0.1", "2606:4701::1", "::ffff:8.8.8.8"})
    void otherAddressesAreNoCdns(String address) throws IOException {
        assertThat(TracerTest.shippedCdnRanges().cdnOf(new IPAddressString(address).getAddress())).isEmpty();
    }

    @Test
    void moreCdnsAreLinesOfData() {
        CdnRanges ranges = read("""
                # A comment, and an empty line

                Fastly 151.101.0.0/16   # the rest of a line after '#' too
                Akamai 2.16.0.0/13
                """);

        assertThat(ranges.size()).isEqualTo(2);
        assertThat(ranges.cdnOf(new IPAddressString("151.101.1.1").getAddress())).contains("Fastly");
        assertThat(ranges.cdnOf(new IPAddressString("2.23.255.1").getAddress())).contains("Akamai");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Fastly", "Fastly 151.101.0.0", "Fastly 151.101.0.0/16 extra", "Fastly not-a-network/16",
            "Fast ly 151.101.0.0/16"})
    void aLineThatIsNotANameAndANetworkStopsTheStart(String line) {
        assertThatThrownBy(() -> read("Cloudflare 104.16.0.0/13\n" + line + "\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("test line 2");
    }

    private static CdnRanges read(String text) {
        return CdnRanges.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test");
    }
}
