package org.raporto.tracing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * IP location data made by the tests, in the layout and formats of the real packages: a country database in MaxMind's
 * format and the network CSV files. The networks are public addresses; the networks' names and numbers are made up
 * (private-use AS numbers), except Cloudflare's, whose range the CDN file names.
 */
final class TestIpData {

    static final String ALBANIA_V4 = "31.22.48.7";
    static final String ALBANIA_V6 = "2a02:1234::7";
    static final String GERMANY_V4 = "185.101.2.9";
    static final String USA_V4 = "45.60.3.4";
    static final String CLOUDFLARE_V4 = "104.16.1.1";
    static final String CLOUDFLARE_V6 = "2606:4700::1111";
    /** An address on the internet that the data does not place. */
    static final String UNKNOWN_V4 = "77.77.77.77";

    private TestIpData() {
    }

    /** Writes the data into a new directory under {@code target/}. */
    static Path write() {
        Path directory = Path.of("target", "test-ip-data", UUID.randomUUID().toString()).toAbsolutePath();
        try {
            Files.createDirectories(directory.resolve("dbip-country-mmdb"));
            Files.createDirectories(directory.resolve("asn"));
            byte[] countries = new MmdbWriter("country ipvAll")
                    .insert("31.22.48.0/20", Map.of("country_code", "AL"))
                    .insert("185.101.0.0/16", Map.of("country_code", "DE"))
                    .insert("45.60.0.0/16", Map.of("country_code", "US"))
                    .insert("104.16.0.0/13", Map.of("country_code", "CA"))
                    .insert("2a02:1234::/32", Map.of("country_code", "AL"))
                    .insert("2606:4700::/32", Map.of("country_code", "US"))
                    .write();
            Files.write(directory.resolve(IpLocations.COUNTRY_FILE), countries);
            Files.writeString(directory.resolve(IpLocations.ASN_IPV4_FILE), """
                    31.22.48.0,31.22.63.255,65001,Test Telecom Sh.a.
                    45.60.0.0,45.60.255.255,65003,"Example Hosting, Inc."
                    104.16.0.0,104.23.255.255,13335,"Cloudflare, Inc."
                    185.101.0.0,185.101.255.255,65002,"Beispiel ""Server"" GmbH"
                    """, StandardCharsets.UTF_8);
            Files.writeString(directory.resolve(IpLocations.ASN_IPV6_FILE), """
                    2606:4700::,2606:4700:ffff:ffff:ffff:ffff:ffff:ffff,13335,"Cloudflare, Inc."
                    2a02:1234::,2a02:1234:ffff:ffff:ffff:ffff:ffff:ffff,65001,Test Telecom Sh.a.
                    """, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directory;
    }

    /** {@code raporto.tracing.data} for the directory. */
    static String location(Path directory) {
        return directory.toUri().toString();
    }
}
