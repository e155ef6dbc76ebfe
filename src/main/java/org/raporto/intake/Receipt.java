package org.raporto.intake;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What an anonymous reporter keeps to come back to their report: 80 random bits as 16 Crockford base-32
 * characters, and one check character that catches a mistyped or swapped character. Shown in four groups,
 * {@code 7K2M-9QX4-HD3N-PW8R5}; stored only as a keyed hash, never in a URL or a log.
 * <p>
 * The check is Luhn mod 32: it catches every single wrong character and every swap of two neighbours but one,
 * {@code 0} with {@code Z}.
 */
public final class Receipt {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int RANDOM_CHARACTERS = 16;
    private static final int LENGTH = RANDOM_CHARACTERS + 1;

    private final String value;

    private Receipt(String value) {
        this.value = value;
    }

    /** A new receipt with 80 bits from the given source of randomness. */
    public static Receipt generate(SecureRandom random) {
        StringBuilder value = new StringBuilder(LENGTH);
        for (int i = 0; i < RANDOM_CHARACTERS; i++) {
            value.append(ALPHABET.charAt(random.nextInt(32)));
        }
        value.append(ALPHABET.charAt(checkValue(value)));
        return new Receipt(value.toString());
    }

    /**
     * Reads a receipt as a person types it: any case, with or without spaces and hyphens, O for 0 and I or L for 1.
     * Empty when it is not a well-formed receipt with a correct check character.
     */
    public static Optional<Receipt> parse(@Nullable String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        StringBuilder value = new StringBuilder(LENGTH);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == ' ' || c == '-' || c == '\t') {
                continue;
            }
            char normalised = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(normalised) < 0) {
                return Optional.empty();
            }
            value.append(normalised);
        }
        if (value.length() != LENGTH || checkValue(value.subSequence(0, RANDOM_CHARACTERS)) != ALPHABET.indexOf(value.charAt(RANDOM_CHARACTERS))) {
            return Optional.empty();
        }
        return Optional.of(new Receipt(value.toString()));
    }

    /** The 17 characters without separators: what is hashed. */
    public String value() {
        return value;
    }

    /** As shown to the reporter: {@code XXXX-XXXX-XXXX-XXXXC}. */
    public String formatted() {
        return value.substring(0, 4) + "-" + value.substring(4, 8) + "-" + value.substring(8, 12) + "-" + value.substring(12);
    }

    /** Luhn mod 32 over the characters, the rightmost doubled. */
    private static int checkValue(CharSequence characters) {
        int sum = 0;
        boolean doubled = true;
        for (int i = characters.length() - 1; i >= 0; i--) {
            int addend = ALPHABET.indexOf(characters.charAt(i));
            if (doubled) {
                addend *= 2;
                addend = addend / 32 + addend % 32;
            }
            sum += addend;
            doubled = !doubled;
        }
        return (32 - sum % 32) % 32;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Receipt receipt && receipt.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Never the receipt itself, so that it cannot reach a log by accident. */
    @Override
    public String toString() {
        return "Receipt[****]";
    }
}
