package org.raporto.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class EntryHashTest {

    private static final byte[] PREVIOUS = HexFormat.of().parseHex("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");

    private static final EntryHash.Content ENTRY = new EntryHash.Content(42,
            UUID.fromString("0b5a3e1c-7d2f-4c1e-9a8b-3f6d2e1c0b9a"), Instant.parse("2026-03-02T09:00:00.123456Z"),
            UUID.fromString("5e8f7a6b-1c2d-4e3f-8a9b-0c1d2e3f4a5b"), "Ardita Hoxha", "ROLES_CHANGED", "account",
            "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f", Map.of("from", "ANALYST", "to", "ANALYST,SUPERVISOR"),
            HexFormat.of().parseHex("00112233445566778899aabbccddeeff"));

    @Test
    void theHashIsSha256OverTheDocumentedEncoding() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        string(out, "raporto-audit-v1");
        out.writeLong(42);
        out.writeLong(0x0b5a3e1c7d2f4c1eL);
        out.writeLong(0x9a8b3f6d2e1c0b9aL);
        out.writeLong(Instant.parse("2026-03-02T09:00:00Z").getEpochSecond() * 1_000_000 + 123_456);
        out.writeByte(1);
        out.writeLong(0x5e8f7a6b1c2d4e3fL);
        out.writeLong(0x8a9b0c1d2e3f4a5bL);
        string(out, "Ardita Hoxha");
        string(out, "ROLES_CHANGED");
        out.writeByte(1);
        string(out, "account");
        out.writeByte(1);
        string(out, "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f");
        out.writeInt(2);
        string(out, "from");
        string(out, "ANALYST");
        string(out, "to");
        string(out, "ANALYST,SUPERVISOR");
        out.writeByte(1);
        out.writeInt(16);
        out.write(HexFormat.of().parseHex("00112233445566778899aabbccddeeff"));
        out.write(PREVIOUS);

        assertThat(EntryHash.of(ENTRY, PREVIOUS)).isEqualTo(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
    }

    @Test
    void theHashOfAKnownEntryNeverChanges() {
        // Every chain already stored depends on this value (also computed by a short Python script from the documented
        // encoding): a change here is a new version of the encoding, never an edit of this one.
        assertThat(HexFormat.of().formatHex(EntryHash.of(ENTRY, PREVIOUS)))
                .isEqualTo("c57033af109dcef363bad51e26637ff276996a392f53f7fa4bf795f658ea3898");
    }

    @Test
    void theSameEntryHashesTheSameWhateverTheOrderOfItsDetails() {
        Map<String, String> oneOrder = new LinkedHashMap<>();
        oneOrder.put("to", "ANALYST,SUPERVISOR");
        oneOrder.put("from", "ANALYST");
        Map<String, String> otherOrder = new LinkedHashMap<>();
        otherOrder.put("from", "ANALYST");
        otherOrder.put("to", "ANALYST,SUPERVISOR");

        assertThat(EntryHash.of(details(ENTRY, oneOrder), PREVIOUS))
                .isEqualTo(EntryHash.of(details(ENTRY, otherOrder), PREVIOUS))
                .isEqualTo(EntryHash.of(ENTRY, PREVIOUS));
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                arguments("seq", (UnaryOperator<EntryHash.Content>) e -> new EntryHash.Content(43, e.id(), e.at(), e.actorId(), e.actorName(), e.action(), e.objectType(), e.objectId(), e.details(), e.addressHash())),
                arguments("id", (UnaryOperator<EntryHash.Content>) e -> new EntryHash.Content(e.seq(), UUID.fromString("0b5a3e1c-7d2f-4c1e-9a8b-3f6d2e1c0b9b"), e.at(), e.actorId(), e.actorName(), e.action(), e.objectType(), e.objectId(), e.details(), e.addressHash())),
                arguments("at, by a microsecond", (UnaryOperator<EntryHash.Content>) e -> new EntryHash.Content(e.seq(), e.id(), e.at().plusNanos(1_000), e.actorId(), e.actorName(), e.action(), e.objectType(), e.objectId(), e.details(), e.addressHash())),
                arguments("actor id", (UnaryOperator<EntryHash.Content>) e -> new EntryHash.Content(e.seq(), e.id(), e.at(), UUID.fromString("5e8f7a6b-1c2d-4e3f-8a9b-0c1d2e3f4a5c"), e.actorName(), e.action(), e.objectType(), e.objectId(), e.details(), e.addressHash())),
                arguments("actor id gone", (UnaryOperator<EntryHash.Content>) e -> new EntryHash.Content(e.seq(), e.id(), e.at(), null, e.actorName(), e.action(), e.objectType(), e.objectId(), e.details(), e.addressHash())),
                arguments("actor name", (UnaryOperator<EntryHash.Content>) e -> new EntryHash.Content(e.seq(), e.id(), e.at(), e.actorId(), "Ardita Hoxhë", e.action(), e.objectType(), e.objectId(), e.details(), e.addressHash())),
                arguments("action", (UnaryOperator<EntryHash.Content>) e -> new EntryHash.Content(e.seq(), e.id(), e.at(), e.actorId(), e.actorName(), "CLEARANCE_CHANGED", e.objectType(), e.objectId(), e.details(), e.addressHash())),
                arguments("object type", (UnaryOperator<EntryHash.Content>) e -> new EntryHash.Content(e.seq(), e.id(), e.at(), e.actorId(), e.actorName(), e.action(), "report", e.objectId(), e.details(), e.addressHash())),
                arguments("object id", (UnaryOperator<EntryHash.Content>) e -> new EntryHash.Content(e.seq(), e.id(), e.at(), e.actorId(), e.actorName(), e.action(), e.objectType(), "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e60", e.details(), e.addressHash())),
                arguments("object gone", (UnaryOperator<EntryHash.Content>) e -> new EntryHash.Content(e.seq(), e.id(), e.at(), e.actorId(), e.actorName(), e.action(), null, null, e.details(), e.addressHash())),
                arguments("a detail's value", (UnaryOperator<EntryHash.Content>) e -> details(e, Map.of("from", "ANALYST", "to", "ADMIN"))),
                arguments("a detail's key", (UnaryOperator<EntryHash.Content>) e -> details(e, Map.of("from", "ANALYST", "too", "ANALYST,SUPERVISOR"))),
                arguments("a detail more", (UnaryOperator<EntryHash.Content>) e -> details(e, Map.of("from", "ANALYST", "to", "ANALYST,SUPERVISOR", "by", "x"))),
                arguments("a detail less", (UnaryOperator<EntryHash.Content>) e -> details(e, Map.of("from", "ANALYST"))),
                arguments("address hash", (UnaryOperator<EntryHash.Content>) e -> new EntryHash.Content(e.seq(), e.id(), e.at(), e.actorId(), e.actorName(), e.action(), e.objectType(), e.objectId(), e.details(), HexFormat.of().parseHex("00112233445566778899aabbccddeefe"))),
                arguments("address hash gone", (UnaryOperator<EntryHash.Content>) e -> new EntryHash.Content(e.seq(), e.id(), e.at(), e.actorId(), e.actorName(), e.action(), e.objectType(), e.objectId(), e.details(), null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void anyChangeToAnEntryChangesItsHash(String change, UnaryOperator<EntryHash.Content> changed) {
        assertThat(EntryHash.of(changed.apply(ENTRY), PREVIOUS)).isNotEqualTo(EntryHash.of(ENTRY, PREVIOUS));
    }

    @Test
    void aChangedPreviousHashChangesTheHash() {
        byte[] other = PREVIOUS.clone();
        other[31] ^= 1;
        assertThat(EntryHash.of(ENTRY, other)).isNotEqualTo(EntryHash.of(ENTRY, PREVIOUS));
    }

    @Test
    void textMovedFromOneFieldToTheNextChangesTheHash() {
        EntryHash.Content split = new EntryHash.Content(1, ENTRY.id(), ENTRY.at(), null, "system", "SETTING_CHANGED", "set", "ting",
                Map.of(), null);
        EntryHash.Content moved = new EntryHash.Content(1, ENTRY.id(), ENTRY.at(), null, "system", "SETTING_CHANGED", "setting", "",
                Map.of(), null);
        EntryHash.Content keyIntoValue = new EntryHash.Content(1, ENTRY.id(), ENTRY.at(), null, "system", "SETTING_CHANGED", null, null,
                Map.of("ab", "c"), null);
        EntryHash.Content valueIntoKey = new EntryHash.Content(1, ENTRY.id(), ENTRY.at(), null, "system", "SETTING_CHANGED", null, null,
                Map.of("a", "bc"), null);

        assertThat(EntryHash.of(split, PREVIOUS)).isNotEqualTo(EntryHash.of(moved, PREVIOUS));
        assertThat(EntryHash.of(keyIntoValue, PREVIOUS)).isNotEqualTo(EntryHash.of(valueIntoKey, PREVIOUS));
    }

    @Test
    void anAbsentObjectIsNotAnEmptyOne() {
        EntryHash.Content absent = new EntryHash.Content(1, ENTRY.id(), ENTRY.at(), null, "system", "SETTING_CHANGED", null, null, Map.of(), null);
        EntryHash.Content empty = new EntryHash.Content(1, ENTRY.id(), ENTRY.at(), null, "system", "SETTING_CHANGED", "", null, Map.of(), null);

        assertThat(EntryHash.of(absent, PREVIOUS)).isNotEqualTo(EntryHash.of(empty, PREVIOUS));
    }

    @Test
    void refusesATimeFinerThanTheDatabaseKeeps() {
        EntryHash.Content nanos = new EntryHash.Content(1, ENTRY.id(), ENTRY.at().plusNanos(1), null, "system", "SETTING_CHANGED", null,
                null, Map.of(), null);

        assertThatThrownBy(() -> EntryHash.of(nanos, PREVIOUS)).isInstanceOf(IllegalArgumentException.class);
    }

    private static EntryHash.Content details(EntryHash.Content e, Map<String, String> details) {
        return new EntryHash.Content(e.seq(), e.id(), e.at(), e.actorId(), e.actorName(), e.action(), e.objectType(), e.objectId(),
                details, e.addressHash());
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
