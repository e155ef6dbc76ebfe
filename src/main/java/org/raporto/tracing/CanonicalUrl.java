package org.raporto.tracing;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reported address in one canonical form, so that the same content reported twice is recognised, with the address
 * exactly as the reporter gave it.
 * <p>
 * Canonical means: {@code https://} added when no scheme was typed; scheme and host lower-cased; an international
 * domain name in its ASCII (punycode) form; a trailing dot of the host, the default port, user name and password,
 * and the fragment dropped; tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid} and their kin)
 * removed; an empty path written {@code /}; percent-escapes in upper case.
 *
 * @param original  what the reporter typed, trimmed
 * @param canonical the canonical form
 */
public record CanonicalUrl(String original, String canonical) {

    /** Longer addresses are almost certainly not an address someone copied; browsers stop near here too. */
    public static final int MAX_LENGTH = 2048;

    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9a-fA-F]{2}");
    private static final Pattern TRACKING_PARAMETER = Pattern.compile(
            "(?i)utm_[a-z0-9_]*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|_ga|yclid|twclid|ttclid");
    private static final Pattern HOST_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?|[a-z0-9]{1,63}");

    /**
     * @throws InvalidUrlException when the text is no http(s) address, naming why
     */
    public static CanonicalUrl parse(String typed) {
        String original = typed.strip();
        if (original.isEmpty()) {
            throw new InvalidUrlException(InvalidUrlException.Reason.EMPTY);
        }
        if (original.length() > MAX_LENGTH) {
            throw new InvalidUrlException(InvalidUrlException.Reason.TOO_LONG);
        }
        if (original.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new InvalidUrlException(InvalidUrlException.Reason.MALFORMED);
        }
        String withScheme = original;
        Matcher scheme = SCHEME.matcher(original);
        if (!scheme.find() || original.startsWith("localhost:") || isHostAndPort(original)) {
            withScheme = "https://" + original.replaceFirst("^//", "");
        }
        else if (!scheme.group(1).equalsIgnoreCase("http") && !scheme.group(1).equalsIgnoreCase("https")) {
            throw new InvalidUrlException(InvalidUrlException.Reason.NOT_WEB);
        }
        URI uri;
        try {
            uri = new URI(escapeUnsafe(withScheme));
        }
        catch (URISyntaxException e) {
            throw new InvalidUrlException(InvalidUrlException.Reason.MALFORMED);
        }
        String host = host(uri);
        String schemeName = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (schemeName.equals("http") && port == 80) || (schemeName.equals("https") && port == 443);
        StringBuilder canonical = new StringBuilder(schemeName).append("://").append(host);
        if (!defaultPort) {
            canonical.append(':').append(port);
        }
        String path = uri.getRawPath();
        canonical.append(path == null || path.isEmpty() ? "/" : upperCaseEscapes(path));
        String query = withoutTracking(uri.getRawQuery());
        if (!query.isEmpty()) {
            canonical.append('?').append(upperCaseEscapes(query));
        }
        return new CanonicalUrl(original, canonical.toString());
    }

    /** The host name, for grouping and tracing. */
    public String host() {
        return URI.create(canonical).getHost();
    }

    private static boolean isHostAndPort(String text) {
        return text.matches("^[^/:?#]+\\.[^/:?#]+:\\d+.*");
    }

    private static String host(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            // java.net.URI leaves hosts with non-ASCII letters or underscores in the authority only.
            String authority = uri.getRawAuthority();
            if (authority == null || authority.isEmpty()) {
                throw new InvalidUrlException(InvalidUrlException.Reason.NO_HOST);
            }
            host = authority.substring(authority.lastIndexOf('@') + 1).replaceFirst(":\\d*$", "");
        }
        if (host.startsWith("[")) {
            return host.toLowerCase(Locale.ROOT);
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(decode(host), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        }
        catch (IllegalArgumentException e) {
            throw new InvalidUrlException(InvalidUrlException.Reason.NO_HOST);
        }
        if (ascii.isEmpty() || ascii.length() > 253) {
            throw new InvalidUrlException(InvalidUrlException.Reason.NO_HOST);
        }
        for (String label : ascii.split("\\.", -1)) {
            if (!HOST_LABEL.matcher(label).matches() && !label.matches("[a-z0-9_-]{1,63}")) {
                throw new InvalidUrlException(InvalidUrlException.Reason.NO_HOST);
            }
        }
        return ascii;
    }

    private static String decode(String host) {
        return host.contains("%") ? java.net.URLDecoder.decode(host, java.nio.charset.StandardCharsets.UTF_8) : host;
    }

    private static String withoutTracking(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        StringJoiner kept = new StringJoiner("&");
        for (String parameter : rawQuery.split("&")) {
            String name = parameter.split("=", 2)[0];
            if (!parameter.isEmpty() && !TRACKING_PARAMETER.matcher(name).matches()) {
                kept.add(parameter);
            }
        }
        return kept.toString();
    }

    private static String upperCaseEscapes(String text) {
        return PERCENT_ESCAPE.matcher(text).replaceAll(escape -> escape.group().toUpperCase(Locale.ROOT));
    }

    /** Percent-encodes what people paste but {@link URI} refuses: non-ASCII letters, and a few unsafe characters. */
    private static String escapeUnsafe(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        int authorityEnd = authorityEnd(text);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean inAuthority = i < authorityEnd;
            if (c > 0x7e && !inAuthority) {
                for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    escaped.append('%').append(String.format("%02X", b & 0xff));
                }
            }
            else if (!inAuthority && (c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' || c == '{' || c == '|' || c == '}' || c == '[' || c == ']')) {
                escaped.append('%').append(String.format("%02X", (int) c));
            }
            else if (!inAuthority && c == '%' && !PERCENT_ESCAPE.matcher(text).region(i, Math.min(i + 3, text.length())).lookingAt()) {
                escaped.append("%25");
            }
            else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static int authorityEnd(String text) {
        int start = text.indexOf("://");
        if (start < 0) {
            return 0;
        }
        start += 3;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
        }
        return text.length();
    }
}
