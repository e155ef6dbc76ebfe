package org.raporto.tracing;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A reported address in one canonical form, so that the same content reported twice is recognised, with the address
 * exactly as the reporter gave it.
 * <p>
 * Canonical means: {@code https://} added when no scheme was typed; scheme and host lower-cased; an international
 * domain name in its ASCII (punycode) form; a trailing dot of the host, the default port, user name and password,
 * and the fragment dropped; tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid} and their kin, and on
 * the big platforms the parameters that name who shared the link) removed; an empty path written {@code /}; percent-escapes in upper case.
 *
 * @param original  what the reporter typed, trimmed
 * @param canonical the canonical form
 */
public record CanonicalUrl(String original, String canonical) {

    /** Longer addresses are almost certainly not an address someone copied; browsers stop near here too. */
    public static final int MAX_LENGTH = 2048;

    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9a-fA-F]{2}");
    /** Parameters that only say who shared a link or which campaign brought it: removed on every host. */
    private static final Pattern TRACKING_PARAMETER = Pattern.compile(
            "(?i)utm_[a-z0-9_]*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|igsh|_ga|yclid|twclid|ttclid|mibextid");
    /**
     * Parameters that identify the person who shared a link on one platform (often the child who reports it), and
     * keep two reports of the same content apart: removed on those hosts only, where their meaning is known.
     */
    private static final Map<String, Pattern> TRACKING_BY_SITE = Map.of(
            "youtube.com", Pattern.compile("si|pp|feature"),
            "youtu.be", Pattern.compile("si|feature"),
            "instagram.com", Pattern.compile("igsh|igshid|img_index"),
            "facebook.com", Pattern.compile("mibextid|rdid|share_url|sfnsn"),
            "tiktok.com", Pattern.compile("_t|_r|sender_device|sender_web_id|is_from_webapp|is_copy_url|web_id|share_app_id|share_item_id|share_link_id|u_code|tt_from|timestamp|user_id"),
            "x.com", Pattern.compile("s|t|ref_src"),
            "twitter.com", Pattern.compile("s|t|ref_src"),
            "spotify.com", Pattern.compile("si|context"),
            "snapchat.com", Pattern.compile("share_id|sender_web_id|locale"),
            "reddit.com", Pattern.compile("share_id|utm_name"));
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
        int port = port(uri);
        boolean defaultPort = port == -1 || (schemeName.equals("http") && port == 80) || (schemeName.equals("https") && port == 443);
        StringBuilder canonical = new StringBuilder(schemeName).append("://").append(host);
        if (!defaultPort) {
            canonical.append(':').append(port);
        }
        String path = uri.getRawPath();
        canonical.append(path == null || path.isEmpty() ? "/" : upperCaseEscapes(path));
        String query = withoutTracking(uri.getRawQuery(), host);
        if (!query.isEmpty()) {
            canonical.append('?').append(upperCaseEscapes(query));
        }
        if (canonical.length() > MAX_LENGTH) {
            // Escaping can make an address several times longer than what was typed.
            throw new InvalidUrlException(InvalidUrlException.Reason.TOO_LONG);
        }
        return new CanonicalUrl(original, canonical.toString());
    }

    /** The host name, for grouping and tracing. */
    public String host() {
        return URI.create(canonical).getHost();
    }

    /** The port, also where {@link URI} left a host it does not parse (non-ASCII letters, underscores) unparsed. */
    private static int port(URI uri) {
        if (uri.getHost() != null || uri.getRawAuthority() == null) {
            return uri.getPort();
        }
        Matcher port = Pattern.compile(":(\\d{1,5})$").matcher(uri.getRawAuthority());
        if (!port.find()) {
            return -1;
        }
        int value = Integer.parseInt(port.group(1));
        if (value < 1 || value > 65535) {
            throw new InvalidUrlException(InvalidUrlException.Reason.MALFORMED);
        }
        return value;
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

    private static String withoutTracking(String rawQuery, String host) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        Pattern siteTracking = siteTracking(host);
        StringJoiner kept = new StringJoiner("&");
        for (String parameter : rawQuery.split("&")) {
            String name = parameter.split("=", 2)[0];
            boolean tracking = TRACKING_PARAMETER.matcher(name).matches() || (siteTracking != null && siteTracking.matcher(name).matches());
            if (!parameter.isEmpty() && !tracking) {
                kept.add(parameter);
            }
        }
        return kept.toString();
    }

    private static @Nullable Pattern siteTracking(String host) {
        for (Map.Entry<String, Pattern> site : TRACKING_BY_SITE.entrySet()) {
            if (host.equals(site.getKey()) || host.endsWith("." + site.getKey())) {
                return site.getValue();
            }
        }
        return null;
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
                // By code point, so that characters outside the BMP (emoji) are encoded whole.
                int codePoint = text.codePointAt(i);
                for (byte b : new String(Character.toChars(codePoint)).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    escaped.append('%').append(String.format("%02X", b & 0xff));
                }
                i += Character.charCount(codePoint) - 1;
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
