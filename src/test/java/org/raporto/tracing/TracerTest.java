package org.raporto.tracing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.raporto.shared.outbound.OutboundProperties;
import org.springframework.core.io.FileSystemResource;
import org.xbill.DNS.Type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.raporto.tracing.TestIpData.ALBANIA_V4;
import static org.raporto.tracing.TestIpData.ALBANIA_V6;
import static org.raporto.tracing.TestIpData.CLOUDFLARE_V4;
import static org.raporto.tracing.TestIpData.CLOUDFLARE_V6;
import static org.raporto.tracing.TestIpData.GERMANY_V4;
import static org.raporto.tracing.TestIpData.UNKNOWN_V4;
import static org.raporto.tracing.TestIpData.USA_V4;

/**
 * One trace at a time, without Spring: a DNS server of the test's own on loopback, IP location data made by the test,
 * and the CDN file the application ships.
 */
class TracerTest {

    private static final Duration TIMEOUT = Duration.ofMillis(400);
    private static final TestDnsServer dns = new TestDnsServer();
    private static final Path data = TestIpData.write();

    private final Tracer tracer = tracer(new IpLocations(new FileSystemResource(data.toString() + "/")), false);

    @AfterAll
    static void stopDns() {
        dns.close();
    }

    @BeforeEach
    void emptyZone() {
        dns.clear();
    }

    @Test
    void aHostInOneCountryIsHostedThereWithItsNetwork() {
        dns.a("site.al", ALBANIA_V4).aaaa("site.al", ALBANIA_V6);

        HostingTrace trace = trace("site.al");

        assertThat(trace.state()).isEqualTo(HostingTrace.State.TRACED);
        assertThat(trace.hostingCountry()).contains("AL");
        assertThat(trace.behindCdn()).isFalse();
        assertThat(trace.addresses()).containsExactly(
                new HostingTrace.Address(ALBANIA_V4, 4, true, "AL", 65001L, "Test Telecom Sh.a.", null),
                new HostingTrace.Address(ALBANIA_V6, 6, true, "AL", 65001L, "Test Telecom Sh.a.", null));
    }

    @Test
    void theAliasChainIsFollowedToTheAddresses() {
        dns.cname("www.shop.example.org", "shop.cdn-edge.net")
                .cname("shop.cdn-edge.net", "eu.cdn-edge.net")
                .a("eu.cdn-edge.net", GERMANY_V4);

        HostingTrace trace = trace("www.shop.example.org");

        assertThat(trace.aliases()).containsExactly("shop.cdn-edge.net", "eu.cdn-edge.net");
        assertThat(trace.hostingCountry()).contains("DE");
        assertThat(trace.addresses()).singleElement().satisfies(address -> {
            assertThat(address.network()).isEqualTo("Beispiel \"Server\" GmbH");
            assertThat(address.asn()).isEqualTo(65002L);
        });
    }

    @Test
    void whenTheResolverStopsAtAnAliasTheTargetIsAskedAbout() {
        dns.cname("short.example.org", "target.example.net").a("target.example.net", USA_V4).shortAnswer("short.example.org");

        HostingTrace trace = trace("short.example.org");

        assertThat(trace.aliases()).containsExactly("target.example.net");
        assertThat(trace.hostingCountry()).contains("US");
        assertThat(dns.queries("target.example.net", Type.A)).isEqualTo(1);
    }

    @Test
    void aliasesThatLoopAreAFailureNotAHang() {
        dns.cname("loop-a.example.org", "loop-b.example.org").cname("loop-b.example.org", "loop-a.example.org")
                .shortAnswer("loop-a.example.org").shortAnswer("loop-b.example.org");

        HostingTrace trace = trace("loop-a.example.org");

        assertThat(trace.reason()).isEqualTo(HostingTrace.Reason.RESOLVER_FAILED);
    }

    @Test
    void addressesInSeveralCountriesGiveNoSingleHostingCountry() {
        dns.a("spread.example.org", ALBANIA_V4, GERMANY_V4, USA_V4);

        HostingTrace trace = trace("spread.example.org");

        assertThat(trace.traced()).isTrue();
        assertThat(trace.hostingCountry()).isEmpty();
        assertThat(trace.countries()).containsExactly("AL", "DE", "US");
    }

    @Test
    void anAddressTheDataDoesNotPlaceIsListedWithoutACountry() {
        dns.a("unknown.example.org", UNKNOWN_V4);

        HostingTrace trace = trace("unknown.example.org");

        assertThat(trace.traced()).isTrue();
        assertThat(trace.hostingCountry()).isEmpty();
        assertThat(trace.addresses()).singleElement().satisfies(address -> {
            assertThat(address.country()).isNull();
            assertThat(address.asn()).isNull();
        });
    }

    @Test
    void cloudflareAddressesMeanTheRealHostIsUnknown() {
        dns.a("hidden.example.org", CLOUDFLARE_V4).aaaa("hidden.example.org", CLOUDFLARE_V6);

        HostingTrace trace = trace("hidden.example.org");

        assertThat(trace.traced()).isTrue();
        assertThat(trace.behindCdn()).isTrue();
        assertThat(trace.cdns()).containsExactly("Cloudflare");
        assertThat(trace.hostingCountry()).as("the CDN's location is not the host's").isEmpty();
        assertThat(trace.countries()).isEmpty();
        assertThat(trace.addresses()).extracting(HostingTrace.Address::country).containsExactly("CA", "US");
        assertThat(trace.addresses()).extracting(HostingTrace.Address::network).containsOnly("Cloudflare, Inc.");
    }

    @Test
    void privateAndLoopbackAnswersAreRecordedButNeverAHostingLocation() {
        dns.a("intranet.example.org", "10.1.2.3", "127.0.0.1", "192.168.1.1", "100.64.0.1", "169.254.1.1")
                .aaaa("intranet.example.org", "::1", "fe80::1", "fd00::1", "::ffff:10.0.0.1");

        HostingTrace trace = trace("intranet.example.org");

        assertThat(trace.reason()).isEqualTo(HostingTrace.Reason.ONLY_PRIVATE_ADDRESSES);
        assertThat(trace.addresses()).extracting(HostingTrace.Address::ip)
                .contains("10.1.2.3", "127.0.0.1", "::1", "fe80::1", "fd00::1", "10.0.0.1");
        assertThat(trace.addresses()).allSatisfy(address -> {
            assertThat(address.onInternet()).isFalse();
            assertThat(address.country()).isNull();
        });
    }

    @Test
    void aPrivateAddressBesideAPublicOneIsNotLocated() {
        dns.a("mixed.example.org", "10.0.0.5", ALBANIA_V4);

        HostingTrace trace = trace("mixed.example.org");

        assertThat(trace.hostingCountry()).contains("AL");
        assertThat(trace.addresses()).extracting(HostingTrace.Address::ip, HostingTrace.Address::onInternet, HostingTrace.Address::country)
                .containsExactly(tuple("10.0.0.5", false, null), tuple(ALBANIA_V4, true, "AL"));
    }

    @Test
    void aNameThatDoesNotExistIsSaidSoAfterOneQuery() {
        HostingTrace trace = trace("no-such-name.example.org");

        assertThat(trace.reason()).isEqualTo(HostingTrace.Reason.NO_SUCH_HOST);
        assertThat(dns.queries()).isEqualTo(1);
    }

    @Test
    void aNameWithoutAddressesIsSaidSo() {
        dns.exists("bare.example.org");

        assertThat(trace("bare.example.org").reason()).isEqualTo(HostingTrace.Reason.NO_ADDRESSES);
    }

    @Test
    void aResolverThatNeverAnswersTimesOutWithinTheTimeout() {
        dns.silent("slow.example.org");

        long start = System.nanoTime();
        HostingTrace trace = trace("slow.example.org");

        assertThat(trace.reason()).isEqualTo(HostingTrace.Reason.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.multipliedBy(4));
    }

    @Test
    void aResolverErrorIsAFailureOfTheResolver() {
        dns.failing("broken.example.org");

        assertThat(trace("broken.example.org").reason()).isEqualTo(HostingTrace.Reason.RESOLVER_FAILED);
    }

    @Test
    void offlineNoQueryLeavesButAnAddressWrittenAsTheHostIsStillPlaced() {
        Tracer offline = tracer(new IpLocations(new FileSystemResource(data.toString() + "/")), true);
        dns.a("site.al", ALBANIA_V4);

        assertThat(trace(offline, "site.al").reason()).isEqualTo(HostingTrace.Reason.OFFLINE);
        assertThat(dns.queries()).isZero();
        assertThat(trace(offline, ALBANIA_V4).hostingCountry()).contains("AL");
    }

    @Test
    void withoutLocationDataTheAddressesAreFoundButNotPlaced() {
        Tracer withoutData = tracer(new IpLocations(new FileSystemResource(data.resolve("missing").toString() + "/")), false);
        dns.a("site.al", ALBANIA_V4);

        HostingTrace trace = trace(withoutData, "site.al");

        assertThat(trace.reason()).isEqualTo(HostingTrace.Reason.NO_LOCATION_DATA);
        assertThat(trace.addresses()).extracting(HostingTrace.Address::ip).containsExactly(ALBANIA_V4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "[::1]", "::1", "2130706433", "0x7f.1", "0177.0.0.1", "127.1", "017700000001",
            "0x7f000001", "１２７.０.０.１", "[::ffff:127.0.0.1]", "10.0.0.1", "192.168.0.1.", "[fe80::1]"})
    void addressesWrittenAsTheHostInAnySpellingAreTracedWithoutTheDns(String host) {
        HostingTrace trace = trace(host);

        assertThat(trace.reason()).isEqualTo(HostingTrace.Reason.ONLY_PRIVATE_ADDRESSES);
        assertThat(trace.addresses()).singleElement().satisfies(address -> assertThat(address.onInternet()).isFalse());
        assertThat(dns.queries()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefghijklmnopqrstuvwxyzabcdefghijklmnop.onion", "localhost", "printer.local", "a.test",
            "x.localhost", "router.home.arpa", "site.invalid"})
    void namesThatAreNotOnThePublicDnsAreNeverAskedAbout(String host) {
        HostingTrace trace = trace(host);

        assertThat(trace.reason()).isIn(HostingTrace.Reason.ONION, HostingTrace.Reason.SPECIAL_USE_NAME);
        assertThat(dns.queries()).isZero();
    }

    @Test
    void internationalNamesAreAskedAboutInTheirAsciiForm() {
        dns.a("xn--shqipri-vya.al", ALBANIA_V4);

        assertThat(trace("shqipëri.al").hostingCountry()).contains("AL");
        assertThat(dns.queries("xn--shqipri-vya.al", Type.A)).isEqualTo(1);
    }

    @Test
    void theCdnFileShippedNamesCloudflare() throws IOException {
        CdnRanges ranges = shippedCdnRanges();

        assertThat(ranges.cdnOf(Target.parse("104.16.0.1").map(t -> ((Target.Literal) t).address()).orElseThrow()))
                .contains("Cloudflare");
        assertThat(ranges.cdnOf(Target.parse("[2a06:98c0::1]").map(t -> ((Target.Literal) t).address()).orElseThrow()))
                .contains("Cloudflare");
        assertThat(ranges.cdnOf(Target.parse(ALBANIA_V4).map(t -> ((Target.Literal) t).address()).orElseThrow())).isEmpty();
    }

    private HostingTrace trace(String host) {
        return trace(tracer, host);
    }

    private static HostingTrace trace(Tracer tracer, String host) {
        Target target = Target.parse(host).orElseThrow();
        Tracer.Findings findings = tracer.trace(target);
        HostingTrace.State state = findings.traced() ? HostingTrace.State.TRACED : HostingTrace.State.NOT_TRACED;
        return new HostingTrace(target.key(), state, findings.failure(), findings.aliases(), findings.addresses(), null,
                null, false, false);
    }

    private static Tracer tracer(IpLocations locations, boolean offline) {
        try {
            return new Tracer(new Dns(List.of(dns.address()), TIMEOUT), locations, shippedCdnRanges(), new OutboundProperties(offline));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CdnRanges shippedCdnRanges() throws IOException {
        try (InputStream input = TracerTest.class.getResourceAsStream("/tracing/cdn-ranges.txt")) {
            return CdnRanges.read(input, "cdn-ranges.txt");
        }
    }
}
