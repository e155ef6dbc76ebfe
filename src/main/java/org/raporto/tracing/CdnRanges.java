package org.raporto.tracing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.raporto.shared.outbound.Addresses;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/**
 * The networks of content delivery networks, read from a file of {@code name cidr} lines ({@code #} starts a
 * comment). An address in one of them is the CDN's, not the real host's.
 */
final class CdnRanges {

    private final List<Range> ranges;

    private CdnRanges(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /**
     * @throws IllegalArgumentException naming the line that is not {@code name cidr}: a mistake in this file must stop
     *         the start, not silently leave a CDN out
     */
    static CdnRanges read(InputStream input, String source) {
        List<Range> ranges = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                String content = line.replaceFirst("#.*", "").strip();
                if (content.isEmpty()) {
                    continue;
                }
                String[] fields = content.split("\\s+");
                IPAddressString network = new IPAddressString(fields.length == 2 ? fields[1] : "");
                if (fields.length != 2 || !network.isPrefixed() || network.getAddress() == null) {
                    throw new IllegalArgumentException(source + " line " + number + " is not 'name network/prefix': " + content);
                }
                ranges.add(new Range(fields[0], network.getAddress().toPrefixBlock()));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source, e);
        }
        return new CdnRanges(ranges);
    }

    /** The name of the CDN whose network holds the address. A few hundred networks are searched in no time. */
    Optional<String> cdnOf(IPAddress address) {
        IPAddress plain = Addresses.plain(address);
        return ranges.stream()
                .filter(range -> range.network().getIPVersion() == plain.getIPVersion() && range.network().contains(plain))
                .map(Range::name)
                .findFirst();
    }

    int size() {
        return ranges.size();
    }

    private record Range(String name, IPAddress network) {
    }
}
