package org.raporto.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvelopesTest {

    private static final String TEXT = "Dikush i kërkon vajzës sime foto — 13 vjeç";

    @TempDir
    Path keys;

    @Test
    void whatIsSealedOpensWithTheSameKeyAfterARestart() {
        Path masterKey = keys.resolve("master-key.json");
        Envelope envelope = Envelopes.withMasterKeyIn(masterKey).create();
        byte[] sealed = envelope.sealText("description", TEXT);

        Envelopes afterRestart = Envelopes.withMasterKeyIn(masterKey);
        assertThat(afterRestart.open(envelope.wrappedKey()).openText("description", sealed)).isEqualTo(TEXT);
    }

    @Test
    void neitherTheCiphertextNorTheWrappedKeyHoldsThePlaintext() {
        Envelope envelope = Envelopes.withMasterKeyIn(keys.resolve("master-key.json")).create();
        byte[] sealed = envelope.sealText("description", TEXT);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("vajzës", "foto", "13 vj");
        assertThat(envelope.sealText("description", TEXT)).as("a fresh nonce every time").isNotEqualTo(sealed);
    }

    @Test
    void aCiphertextMovedToAnotherFieldDoesNotOpen() {
        Envelope envelope = Envelopes.withMasterKeyIn(keys.resolve("master-key.json")).create();
        byte[] sealed = envelope.sealText("description", TEXT);
        assertThatThrownBy(() -> envelope.openText("contact", sealed)).isInstanceOf(CryptoException.class);
    }

    @Test
    void anotherRecordsKeyDoesNotOpenIt() {
        Envelopes envelopes = Envelopes.withMasterKeyIn(keys.resolve("master-key.json"));
        byte[] sealed = envelopes.create().sealText("description", TEXT);
        assertThatThrownBy(() -> envelopes.create().openText("description", sealed)).isInstanceOf(CryptoException.class);
    }

    @Test
    void alteredDataDoesNotOpen() {
        Envelope envelope = Envelopes.withMasterKeyIn(keys.resolve("master-key.json")).create();
        byte[] sealed = envelope.sealText("description", TEXT);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> envelope.openText("description", sealed)).isInstanceOf(CryptoException.class)
                .hasMessageNotContaining(TEXT);
    }

    @Test
    void withAnotherMasterKeyNothingOpens() {
        Envelope envelope = Envelopes.withMasterKeyIn(keys.resolve("master-key.json")).create();
        Envelopes otherInstallation = Envelopes.withMasterKeyIn(keys.resolve("other-master-key.json"));
        assertThatThrownBy(() -> otherInstallation.open(envelope.wrappedKey())).isInstanceOf(CryptoException.class);
    }

    @Test
    void theMasterKeyFileIsReadableByItsOwnerOnly() throws Exception {
        Path masterKey = keys.resolve("master-key.json");
        Envelopes.withMasterKeyIn(masterKey);
        assertThat(Files.getPosixFilePermissions(masterKey))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void aBrokenMasterKeyFileStopsTheStartWithItsName() throws Exception {
        Path masterKey = keys.resolve("master-key.json");
        Files.writeString(masterKey, "{not a keyset");
        assertThatThrownBy(() -> Envelopes.withMasterKeyIn(masterKey)).isInstanceOf(CryptoException.class)
                .hasMessageContaining(masterKey.toString());
    }

    @Test
    void lookupHashesAreStableKeyedAndSeparatedByPurpose() {
        LookupHashes hashes = LookupHashes.withKeyIn(keys.resolve("lookup-key.json"));
        assertThat(hashes.of("receipt", "7K2M9QX4HD3NPW8R5")).isEqualTo(LookupHashes.withKeyIn(keys.resolve("lookup-key.json")).of("receipt", "7K2M9QX4HD3NPW8R5"));
        assertThat(hashes.of("receipt", "7K2M9QX4HD3NPW8R5")).isNotEqualTo(hashes.of("other", "7K2M9QX4HD3NPW8R5"));
        assertThat(hashes.of("receipt", "7K2M9QX4HD3NPW8R5"))
                .isNotEqualTo(LookupHashes.withKeyIn(keys.resolve("other-lookup-key.json")).of("receipt", "7K2M9QX4HD3NPW8R5"));
    }
}
