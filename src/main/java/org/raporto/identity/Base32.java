package org.raporto.identity;

/** RFC 4648 base 32 without padding, the form authenticator apps take a TOTP secret in. */
final class Base32 {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private Base32() {
    }

    static String encode(byte[] bytes) {
        StringBuilder text = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                text.append(ALPHABET[(buffer >> (bits - 5)) & 0x1F]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            text.append(ALPHABET[(buffer << (5 - bits)) & 0x1F]);
        }
        return text.toString();
    }

    /** The bytes of a base 32 text, ignoring spaces (how a key is shown and typed). */
    static byte[] decode(String text) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.replace(" ", "").strip().toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            int value = new String(ALPHABET).indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("Not base 32");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bytes.write((buffer >> (bits - 8)) & 0xFF);
                bits -= 8;
            }
        }
        return bytes.toByteArray();
    }

    /** The secret in groups of four, easier to type into an app by hand. */
    static String grouped(byte[] bytes) {
        return encode(bytes).replaceAll("(.{4})(?!$)", "$1 ");
    }
}
