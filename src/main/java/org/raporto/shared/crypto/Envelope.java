package org.raporto.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.Aead;

/**
 * One record's data key (AES-256-GCM), opened. Every field is sealed with its name as associated data, so that a
 * ciphertext copied into another field, or another record, does not open. Deleting the {@link #wrappedKey()} makes
 * everything sealed with it unreadable for good, backups included.
 */
public final class Envelope {

    private final Aead dataKey;
    private final byte[] wrappedKey;

    Envelope(Aead dataKey, byte[] wrappedKey) {
        this.dataKey = dataKey;
        this.wrappedKey = wrappedKey.clone();
    }

    /** The data key, encrypted by the master key: what is stored beside the record. */
    public byte[] wrappedKey() {
        return wrappedKey.clone();
    }

    public byte[] seal(String field, byte[] plaintext) {
        try {
            return dataKey.encrypt(plaintext, field.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new CryptoException("Could not encrypt " + field, e);
        }
    }

    /**
     * @throws CryptoException when the ciphertext was altered, belongs to another field or to another record
     */
    public byte[] open(String field, byte[] ciphertext) {
        try {
            return dataKey.decrypt(ciphertext, field.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new CryptoException("Could not decrypt " + field, e);
        }
    }

    public byte[] sealText(String field, String plaintext) {
        return seal(field, plaintext.getBytes(StandardCharsets.UTF_8));
    }

    public String openText(String field, byte[] ciphertext) {
        return new String(open(field, ciphertext), StandardCharsets.UTF_8);
    }
}
