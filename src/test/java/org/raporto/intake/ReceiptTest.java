package org.raporto.intake;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiptTest {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private final SecureRandom random = new SecureRandom();

    @Test
    void carriesEightyRandomBitsAndACheckShownInFourGroups() {
        Receipt receipt = Receipt.generate(random);
        assertThat(receipt.value()).hasSize(17).matches("[0-9A-HJKMNP-TV-Z]{17}");
        assertThat(receipt.formatted()).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{5}");
    }

    @RepeatedTest(20)
    void readsBackWhatItShows() {
        Receipt receipt = Receipt.generate(random);
        assertThat(Receipt.parse(receipt.formatted())).contains(receipt);
        assertThat(Receipt.parse(receipt.value().toLowerCase())).contains(receipt);
        assertThat(Receipt.parse(" " + receipt.formatted().replace("-", " ") + " ")).contains(receipt);
    }

    @Test
    void readsTheLettersPeopleConfuseWithDigits() {
        Receipt receipt = receiptContaining('0', '1');
        String typed = receipt.value().replace('0', 'O').replaceFirst("1", "I").replace('1', 'l');
        assertThat(Receipt.parse(typed)).contains(receipt);
    }

    @RepeatedTest(5)
    void rejectsEverySingleWrongCharacter() {
        Receipt receipt = Receipt.generate(random);
        for (int position = 0; position < 17; position++) {
            for (char replacement : ALPHABET.toCharArray()) {
                if (replacement == receipt.value().charAt(position)) {
                    continue;
                }
                String mistyped = receipt.value().substring(0, position) + replacement + receipt.value().substring(position + 1);
                assertThat(Receipt.parse(mistyped)).as(mistyped).isEmpty();
            }
        }
    }

    @RepeatedTest(20)
    void rejectsMostSwapsOfNeighbours() {
        Receipt receipt = Receipt.generate(random);
        String value = receipt.value();
        for (int i = 0; i < 16; i++) {
            int a = ALPHABET.indexOf(value.charAt(i));
            int b = ALPHABET.indexOf(value.charAt(i + 1));
            // Luhn mod 32 misses exactly one swap: 0 with Z.
            if (a == b || Math.min(a, b) == 0 && Math.max(a, b) == 31) {
                continue;
            }
            String swapped = value.substring(0, i) + value.charAt(i + 1) + value.charAt(i) + value.substring(i + 2);
            assertThat(Receipt.parse(swapped)).as(swapped).isEmpty();
        }
    }

    @Test
    void catchesEverySwapOfNeighboursButZeroWithZ() {
        for (char a : ALPHABET.toCharArray()) {
            for (char b : ALPHABET.toCharArray()) {
                if (a == b) {
                    continue;
                }
                String body = "7K2M9QX4HD3NPW" + a + b;
                String valid = body + checkCharacterFor(body);
                String swapped = "7K2M9QX4HD3NPW" + b + a + valid.charAt(16);
                boolean zeroAndZ = (a == '0' && b == 'Z') || (a == 'Z' && b == '0');
                assertThat(Receipt.parse(swapped).isPresent()).as(valid + " -> " + swapped).isEqualTo(zeroAndZ);
            }
        }
    }

    private static char checkCharacterFor(String body) {
        for (char check : ALPHABET.toCharArray()) {
            if (Receipt.parse(body + check).isPresent()) {
                return check;
            }
        }
        throw new AssertionError("no check character for " + body);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ABCD", "ABCD-EFGH-JKMN-PQRS", "ABCD-EFGH-JKMN-PQRS-TV", "UUUU-UUUU-UUUU-UUUUU",
            "<script>alert(1)</script>", "' OR 1=1 --", "ÄBCD-EFGH-JKMN-PQRST", "\u0000\u0000\u0000"})
    void rejectsWhatIsNoReceipt(String typed) {
        assertThat(Receipt.parse(typed)).isEmpty();
    }

    @Test
    void rejectsAnOversizedInputWithoutReadingIt() {
        assertThat(Receipt.parse("A".repeat(100_000))).isEmpty();
    }

    @Test
    void neverShowsItselfInALog() {
        Receipt receipt = Receipt.generate(random);
        assertThat(receipt.toString()).doesNotContain(receipt.value()).doesNotContain(receipt.formatted());
    }

    @Test
    void receiptsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(Receipt.generate(random).value())).isTrue();
        }
    }

    private Receipt receiptContaining(char first, char second) {
        while (true) {
            Receipt receipt = Receipt.generate(random);
            if (receipt.value().indexOf(first) >= 0 && receipt.value().indexOf(second) >= 0) {
                return receipt;
            }
        }
    }
}
