package org.raporto.shared.crypto;

/** Encryption or decryption failed: a wrong key, altered data, or a broken key file. Never carries plaintext. */
public class CryptoException extends RuntimeException {

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
