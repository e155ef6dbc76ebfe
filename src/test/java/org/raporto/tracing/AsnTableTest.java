package org.raporto.tracing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AsnTableTest {

    private static final String IPV4 = """
            1.0.0.0,1.0.0.255,13335,"Cloudflare, Inc."
            1.0.4.0,1.0.7.255,38803,Gtelecom Pty Ltd
            214.95.0.0,215.0.255.255,749,United States Department of Defense (DoD)
            215.0.0.0,215.1.3.255,721,DoD Network Information Center
            220.0.0.0,220.255.255.255,100,Wide "Outer" Net
            220.1.0.0,220.1.0.255,200,"Nested ""Inner"" Net"
            255.255.255.0,255.255.255.255,300,Top
            """;
    private static final String IPV6 = """
            2001:200::,2001:200:1b9:ffff:ffff:ffff:ffff:ffff,2500,WIDE Project
            2a00:1450::,2a00:1450:ffff:ffff:ffff:ffff:ffff:ffff,15169,Google LLC
            ffff::,ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff,400,Top6
            """;

    private final AsnTable table = read(IPV4, IPV6);

    @Test
    void findsTheRangeAnAddressIsInWithItsNetworksName() {
        assertThat(table.lookup(ip("1.0.0.1"))).contains(new AsnTable.Asn(13335, "Cloudflare, Inc."));
        assertThat(table.lookup(ip("1.0.7.255"))).contains(new AsnTable.Asn(38803, "Gtelecom Pty Ltd"));
        assertThat(table.lookup(ip("2a00:1450:4001::1"))).contains(new AsnTable.Asn(15169, "Google LLC"));
    }

    @Test
    void addressesBetweenRangesAndBeyondThemAreInNone() {
        assertThat(table.lookup(ip("1.0.1.0"))).isEmpty();
        assertThat(table.lookup(ip("0.0.0.1"))).isEmpty();
        assertThat(table.lookup(ip("2001:200:1ba::1"))).isEmpty();
        assertThat(table.lookup(ip("::1"))).as("IPv4 and IPv6 are apart").isEmpty();
    }

    @Test
    void theTopOfEachAddressSpaceIsFound() {
        assertThat(table.lookup(ip("255.255.255.255"))).contains(new AsnTable.Asn(300, "Top"));
        assertThat(table.lookup(ip("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"))).contains(new AsnTable.Asn(400, "Top6"));
    }

    @Test
    void overlappingRowsGiveTheLaterRangeAndNestedOnesLeaveTheOuterRangeAround() {
        assertThat(table.lookup(ip("214.96.0.1"))).map(AsnTable.Asn::number).contains(749L);
        assertThat(table.lookup(ip("215.0.0.1"))).map(AsnTable.Asn::number).contains(721L);
        assertThat(table.lookup(ip("220.1.0.7"))).contains(new AsnTable.Asn(200, "Nested \"Inner\" Net"));
        assertThat(table.lookup(ip("220.2.0.1"))).contains(new AsnTable.Asn(100, "Wide \"Outer\" Net"));
    }

    @Test
    void anIpv4MappedIpv6AddressIsLookedUpAsIpv4() {
        assertThat(table.lookup(ip("::ffff:1.0.0.9"))).map(AsnTable.Asn::number).contains(13335L);
    }

    @Test
    void aFileThatIsNotRangesIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> read("1.0.0.0,1.0.0.255,13335,A\n1.0.1.0;1.0.1.255;1;B\n", ""))
                .hasRootCauseInstanceOf(IOException.class).hasMessageContaining("Line 2");
        assertThatThrownBy(() -> read("1.0.0.0,1.0.0.255,x,A\n", "")).hasMessageContaining("Line 1");
        assertThatThrownBy(() -> read("2.0.0.0,2.0.0.255,1,A\n1.0.0.0,1.0.0.255,2,B\n", "")).hasMessageContaining("out of order");
        assertThatThrownBy(() -> read("1.0.0.300,1.0.0.255,1,A\n", "")).hasMessageContaining("Line 1");
    }

    private static AsnTable read(String ipv4, String ipv6) {
        try {
            return AsnTable.read(stream(ipv4), stream(ipv6));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static IPAddress ip(String text) {
        return new IPAddressString(text).getAddress();
    }
}
