package org.raporto.tracing;

import java.math.BigInteger;
import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.raporto.shared.outbound.Addresses;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv4.IPv4Address;

/**
 * A host as the trace understands it: a domain name to look up in the DNS, or an address written as the host, which
 * needs no look-up at all.
 * <p>
 * Host names are read as a browser reads them (the WHATWG URL standard), since that is where the reported content is
 * fetched from: international names in their ASCII form, and names that end in a number are IPv4 addresses in any of
 * the spellings browsers take ({@code 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1}, {@code 127.1} are all
 * {@code 127.0.0.1}). Anything else that is not a name the DNS could hold is refused, so that no strange text ever
 * reaches a resolver or the database.
 */
sealed interface Target permits Target.Name, Target.Literal {

    /** DNS names have at most 253 characters in text; the longest IPv6 address has 45. */
    int MAX_LENGTH = 253;

    /** The normalised host: the key under which its trace is kept. */
    String key();

    /**
     * @return empty when the text is no host a browser could reach
     */
    static Optional<Target> parse(String host) {
        if (host.isEmpty() || host.length() > 4 * MAX_LENGTH
                || host.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return Optional.empty();
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            return ipv6(host.substring(1, host.length() - 1)).map(Literal::new);
        }
        if (host.indexOf(':') >= 0) {
            return ipv6(host).map(Literal::new);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (ascii.endsWith(".")) {
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        if (ascii.isEmpty() || ascii.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        List<String> labels = List.of(ascii.split("\\.", -1));
        if (endsInNumber(labels)) {
            return ipv4(labels).map(Literal::new);
        }
        for (String label : labels) {
            if (!Name.LABEL.matcher(label).matches() || (label.startsWith("xn--") && !punycode(label))) {
                return Optional.empty();
            }
        }
        return Optional.of(new Name(ascii));
    }

    /** An {@code xn--} label must decode, and encode back to itself (browsers refuse it otherwise). */
    private static boolean punycode(String label) {
        String unicode = IDN.toUnicode(label, IDN.ALLOW_UNASSIGNED);
        try {
            return !unicode.equals(label) && IDN.toASCII(unicode, IDN.ALLOW_UNASSIGNED).equalsIgnoreCase(label);
        }
        catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** WHATWG "ends in a number": the last label is digits, or a hexadecimal number. */
    private static boolean endsInNumber(List<String> labels) {
        String last = labels.get(labels.size() - 1);
        return !last.isEmpty() && (last.chars().allMatch(c -> c >= '0' && c <= '9') || number(last) != null);
    }

    /** WHATWG IPv4 parser: up to four numbers, each decimal, octal (leading 0) or hexadecimal (0x). */
    private static Optional<IPAddress> ipv4(List<String> labels) {
        if (labels.size() > 4) {
            return Optional.empty();
        }
        List<BigInteger> numbers = new ArrayList<>();
        for (String label : labels) {
            BigInteger number = number(label);
            if (number == null) {
                return Optional.empty();
            }
            numbers.add(number);
        }
        BigInteger byteLimit = BigInteger.valueOf(256);
        for (int i = 0; i < numbers.size() - 1; i++) {
            if (numbers.get(i).compareTo(byteLimit) >= 0) {
                return Optional.empty();
            }
        }
        BigInteger last = numbers.get(numbers.size() - 1);
        if (last.compareTo(byteLimit.pow(5 - numbers.size())) >= 0) {
            return Optional.empty();
        }
        long value = last.longValue();
        for (int i = 0; i < numbers.size() - 1; i++) {
            value += numbers.get(i).longValue() << (8 * (3 - i));
        }
        return Optional.of(new IPv4Address((int) value));
    }

    private static BigInteger number(String label) {
        if (label.isEmpty() || label.length() > 40) {
            return null;
        }
        int radix = 10;
        String digits = label;
        if (label.startsWith("0x")) {
            radix = 16;
            digits = label.substring(2);
        }
        else if (label.length() > 1 && label.startsWith("0")) {
            radix = 8;
            digits = label.substring(1);
        }
        if (digits.isEmpty()) {
            return BigInteger.ZERO;
        }
        String allowed = radix == 16 ? "[0-9a-f]+" : radix == 8 ? "[0-7]+" : "[0-9]+";
        return digits.matches(allowed) ? new BigInteger(digits, radix) : null;
    }

    private static Optional<IPAddress> ipv6(String text) {
        IPAddress address = new IPAddressString(text, Literal.STRICT).getAddress();
        return address == null || !address.isIPv6() ? Optional.empty() : Optional.of(address);
    }

    /**
     * A domain name in ASCII: lower case, without the final dot, labels of letters, digits, hyphens and underscores.
     */
    record Name(String ascii) implements Target {

        static final Pattern LABEL = Pattern.compile("[a-z0-9_-]{1,63}");

        /** Names for this machine, a local network or a private use, never looked up on the internet (RFC 6761…). */
        private static final List<String> SPECIAL_USE = List.of("localhost", "local", "invalid", "test", "example",
                "internal", "alt", "home.arpa");

        @Override
        public String key() {
            return ascii;
        }

        boolean onion() {
            return inDomain("onion");
        }

        boolean specialUse() {
            return SPECIAL_USE.stream().anyMatch(this::inDomain);
        }

        private boolean inDomain(String domain) {
            return ascii.equals(domain) || ascii.endsWith("." + domain);
        }
    }

    /** An IP address written as the host ({@code http://203.0.113.7/}, {@code http://[2001:db8::1]/}). */
    record Literal(IPAddress address) implements Target {

        /** Plain addresses only: no prefix, mask, zone, range or the shortened forms {@code inet_aton} takes. */
        static final IPAddressStringParameters STRICT = strict();

        private static IPAddressStringParameters strict() {
            IPAddressStringParameters.Builder builder = new IPAddressStringParameters.Builder()
                    .allowEmpty(false).allowAll(false).allowPrefix(false).allowMask(false).allowSingleSegment(false)
                    .allowWildcardedSeparator(false).setRangeOptions(IPAddressStringParameters.RangeParameters.NO_RANGE);
            builder.getIPv4AddressParametersBuilder().allow_inet_aton(false);
            builder.getIPv6AddressParametersBuilder().allowZone(false).allowBinary(false)
                    .getEmbeddedIPv4AddressParametersBuilder().allow_inet_aton(false);
            return builder.toParams();
        }

        @Override
        public String key() {
            return Addresses.text(address);
        }
    }
}
