package org.raporto.tracing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.raporto.shared.outbound.Addresses;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/**
 * IP address → autonomous system (number and the name of the network that holds it), from the CSV files of the npm
 * package {@code @ip-location-db/asn}: lines {@code first,last,number,name} of inclusive ranges, sorted by their
 * first address, one file for IPv4 and one for IPv6.
 * <p>
 * Held in memory as sorted arrays (about 515,000 ranges in some 35 MB), searched by bisection. The data has a few
 * overlapping rows; where ranges overlap, the one that starts last wins, and an address past the end of a nested
 * range still finds the range around it.
 */
final class AsnTable {

    /** The networks' names, each once: tens of thousands of ranges share a few names. */
    private final String[] names;
    private final Ranges ipv4;
    private final Ranges ipv6;

    private AsnTable(String[] names, Ranges ipv4, Ranges ipv6) {
        this.names = names;
        this.ipv4 = ipv4;
        this.ipv6 = ipv6;
    }

    /**
     * @throws IOException when a file cannot be read or a line is not a range
     */
    static AsnTable read(InputStream ipv4Csv, InputStream ipv6Csv) throws IOException {
        Map<String, Integer> names = new HashMap<>();
        Ranges ipv4 = Ranges.read(ipv4Csv, names);
        Ranges ipv6 = Ranges.read(ipv6Csv, names);
        String[] byIndex = new String[names.size()];
        names.forEach((name, index) -> byIndex[index] = name);
        return new AsnTable(byIndex, ipv4, ipv6);
    }

    Optional<Asn> lookup(IPAddress address) {
        IPAddress plain = Addresses.plain(address);
        BigInteger value = plain.getValue();
        Ranges ranges = plain.isIPv4() ? ipv4 : ipv6;
        int found = ranges.find(value.shiftRight(64).longValue(), value.longValue());
        return found < 0 ? Optional.empty() : Optional.of(new Asn(ranges.numbers[found], names[ranges.names[found]]));
    }

    int size() {
        return ipv4.size + ipv6.size;
    }

    /**
     * @param number       the autonomous system number
     * @param organisation the name of the network that holds it, as registered
     */
    record Asn(long number, String organisation) {
    }

    /** Ranges of 128-bit values (IPv4 in the low 32 bits), sorted by first value, each as two longs compared unsigned. */
    private static final class Ranges {

        private long[] firstHigh = new long[1024];
        private long[] firstLow = new long[1024];
        private long[] lastHigh = new long[1024];
        private long[] lastLow = new long[1024];
        /** The greatest last value of this range and all ranges before it, for overlapping ranges. */
        private long[] reachHigh = new long[1024];
        private long[] reachLow = new long[1024];
        private long[] numbers = new long[1024];
        private int[] names = new int[1024];
        private int size;

        static Ranges read(InputStream csv, Map<String, Integer> names) throws IOException {
            Ranges ranges = new Ranges();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8), 1 << 16)) {
                int number = 0;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    number++;
                    if (!line.isBlank()) {
                        ranges.add(line, number, names);
                    }
                }
            }
            ranges.trim();
            return ranges;
        }

        private void add(String line, int number, Map<String, Integer> nameIndex) throws IOException {
            int firstComma = line.indexOf(',');
            int secondComma = firstComma < 0 ? -1 : line.indexOf(',', firstComma + 1);
            int thirdComma = secondComma < 0 ? -1 : line.indexOf(',', secondComma + 1);
            if (thirdComma < 0) {
                throw new IOException("Line " + number + " is not 'first,last,number,name'");
            }
            BigInteger first = value(line.substring(0, firstComma), number);
            BigInteger last = value(line.substring(firstComma + 1, secondComma), number);
            long asn;
            try {
                asn = Long.parseLong(line.substring(secondComma + 1, thirdComma));
            }
            catch (NumberFormatException e) {
                throw new IOException("Line " + number + " has no AS number", e);
            }
            if (size > 0 && compare(first.shiftRight(64).longValue(), first.longValue(), firstHigh[size - 1], firstLow[size - 1]) < 0) {
                throw new IOException("Line " + number + " is out of order");
            }
            grow();
            firstHigh[size] = first.shiftRight(64).longValue();
            firstLow[size] = first.longValue();
            lastHigh[size] = last.shiftRight(64).longValue();
            lastLow[size] = last.longValue();
            boolean reachesFurther = size == 0 || compare(lastHigh[size], lastLow[size], reachHigh[size - 1], reachLow[size - 1]) > 0;
            reachHigh[size] = reachesFurther ? lastHigh[size] : reachHigh[size - 1];
            reachLow[size] = reachesFurther ? lastLow[size] : reachLow[size - 1];
            numbers[size] = asn;
            names[size] = nameIndex.computeIfAbsent(unquote(line.substring(thirdComma + 1)), name -> nameIndex.size());
            size++;
        }

        private static BigInteger value(String text, int number) throws IOException {
            long ipv4 = ipv4(text);
            if (ipv4 >= 0) {
                return BigInteger.valueOf(ipv4);
            }
            IPAddress address = new IPAddressString(text).getAddress();
            if (address == null) {
                throw new IOException("Line " + number + " has no address where one should be");
            }
            return address.getValue();
        }

        /** A dotted quad read by hand, as four of five lines are: much faster than the general parser. -1 if not one. */
        private static long ipv4(String text) {
            long value = 0;
            int part = 0;
            int digits = 0;
            int parts = 1;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= '0' && c <= '9' && digits < 3) {
                    part = part * 10 + (c - '0');
                    digits++;
                }
                else if (c == '.' && digits > 0 && parts < 4) {
                    value = (value << 8) | part;
                    part = 0;
                    digits = 0;
                    parts++;
                }
                else {
                    return -1;
                }
                if (part > 255) {
                    return -1;
                }
            }
            return parts == 4 && digits > 0 ? (value << 8) | part : -1;
        }

        /** A CSV field: as it is, or between double quotes with quotes inside doubled. */
        private static String unquote(String field) {
            if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
                return field.substring(1, field.length() - 1).replace("\"\"", "\"");
            }
            return field;
        }

        /** The last range that starts at or before the value and ends at or after it; -1 for none. */
        int find(long high, long low) {
            int lower = 0;
            int upper = size - 1;
            int candidate = -1;
            while (lower <= upper) {
                int middle = (lower + upper) >>> 1;
                if (compare(firstHigh[middle], firstLow[middle], high, low) <= 0) {
                    candidate = middle;
                    lower = middle + 1;
                }
                else {
                    upper = middle - 1;
                }
            }
            for (int i = candidate; i >= 0 && compare(reachHigh[i], reachLow[i], high, low) >= 0; i--) {
                if (compare(lastHigh[i], lastLow[i], high, low) >= 0) {
                    return i;
                }
            }
            return -1;
        }

        private static int compare(long aHigh, long aLow, long bHigh, long bLow) {
            int high = Long.compareUnsigned(aHigh, bHigh);
            return high != 0 ? high : Long.compareUnsigned(aLow, bLow);
        }

        private void grow() {
            if (size == numbers.length) {
                int capacity = size * 2;
                firstHigh = Arrays.copyOf(firstHigh, capacity);
                firstLow = Arrays.copyOf(firstLow, capacity);
                lastHigh = Arrays.copyOf(lastHigh, capacity);
                lastLow = Arrays.copyOf(lastLow, capacity);
                reachHigh = Arrays.copyOf(reachHigh, capacity);
                reachLow = Arrays.copyOf(reachLow, capacity);
                numbers = Arrays.copyOf(numbers, capacity);
                names = Arrays.copyOf(names, capacity);
            }
        }

        private void trim() {
            firstHigh = Arrays.copyOf(firstHigh, size);
            firstLow = Arrays.copyOf(firstLow, size);
            lastHigh = Arrays.copyOf(lastHigh, size);
            lastLow = Arrays.copyOf(lastLow, size);
            reachHigh = Arrays.copyOf(reachHigh, size);
            reachLow = Arrays.copyOf(reachLow, size);
            numbers = Arrays.copyOf(numbers, size);
            names = Arrays.copyOf(names, size);
        }
    }
}
