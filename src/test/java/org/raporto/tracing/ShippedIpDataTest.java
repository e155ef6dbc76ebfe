package org.raporto.tracing;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IP location data the build fetched and the application ships: it is where the application looks, it reads, and
 * it places a few addresses whose owner has not changed in years.
 */
class ShippedIpDataTest {

    private static final IpLocations locations = new IpLocations(new ClassPathResource("tracing/ip-data/"));

    @Test
    void theShippedDataPlacesWellKnownAddresses() {
        long start = System.nanoTime();

        IpLocations.Location googleDns = locations.locate(address("8.8.8.8")).orElseThrow();
        IpLocations.Location googleDnsV6 = locations.locate(address("2001:4860:4860::8888")).orElseThrow();

        assertThat(googleDns.country()).isEqualTo("US");
        assertThat(googleDns.asn()).isEqualTo(15169L);
        assertThat(googleDns.organisation()).isEqualTo("Google LLC");
        assertThat(googleDnsV6.asn()).isEqualTo(15169L);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("loading the data").isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void addressesThatAreNoPlaceOnTheInternetAreNotInTheData() {
        assertThat(locations.locate(address("10.0.0.1")).orElseThrow().country()).isNull();
    }

    @Test
    void theShippedDataCarriesItsLicences() {
        assertThat(new ClassPathResource("tracing/ip-data/dbip-country-mmdb/DBIP-LICENSE").exists()).isTrue();
        assertThat(new ClassPathResource("tracing/ip-data/asn/ROUTEVIEWS-LICENSE").exists()).isTrue();
        assertThat(new ClassPathResource("tracing/ip-data/asn/NRO_LICENSE").exists()).isTrue();
    }

    private static IPAddress address(String text) {
        return new IPAddressString(text).getAddress();
    }
}
