package org.raporto.shared.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

import org.raporto.shared.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * Makes and opens {@link Envelope}s: each record gets its own data key, stored wrapped by the master key.
 * <p>
 * The master key is a Tink keyset in a file outside the database ({@code keys/master-key.json} in the data
 * directory, or the file named by {@code RAPORTO_MASTER_KEY_FILE}), created on first start, readable by the
 * owner only. Without it nothing that reporters wrote can be read: it must be backed up apart from the database.
 */
public class Envelopes {

    private static final byte[] WRAPPING_CONTEXT = "raporto data key".getBytes(StandardCharsets.UTF_8);
    private static final Logger log = LoggerFactory.getLogger(Envelopes.class);

    private final Aead masterKey;

    Envelopes(Aead masterKey) {
        this.masterKey = masterKey;
    }

    /** Reads the master key from the file, creating it first when the file does not exist. */
    static Envelopes withMasterKeyIn(Path file) {
        try {
            AeadConfig.register();
            var existing = DataDirectory.readSecret(file);
            KeysetHandle keyset;
            if (existing.isPresent()) {
                keyset = TinkJsonProtoKeysetFormat.parseKeyset(existing.get(), InsecureSecretKeyAccess.get());
            }
            else {
                KeysetHandle created = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
                String written = DataDirectory.writeSecret(file,
                        TinkJsonProtoKeysetFormat.serializeKeyset(created, InsecureSecretKeyAccess.get()));
                keyset = TinkJsonProtoKeysetFormat.parseKeyset(written, InsecureSecretKeyAccess.get());
                log.warn("Created a new master key in {}. Back it up apart from the database: without it, nothing that"
                        + " reporters wrote can be read.", file);
            }
            return new Envelopes(keyset.getPrimitive(RegistryConfiguration.get(), Aead.class));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the master key " + file, e);
        }
        catch (GeneralSecurityException e) {
            throw new CryptoException("The master key " + file + " is not a valid Tink AES-GCM keyset", e);
        }
    }

    /** A new record's envelope, with a fresh data key. */
    public Envelope create() {
        try {
            KeysetHandle dataKey = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, masterKey, WRAPPING_CONTEXT);
            return new Envelope(dataKey.getPrimitive(RegistryConfiguration.get(), Aead.class), wrapped);
        }
        catch (GeneralSecurityException e) {
            throw new CryptoException("Could not create a data key", e);
        }
    }

    /**
     * @throws CryptoException when the wrapped key was not made with this master key, or was altered
     */
    public Envelope open(byte[] wrappedKey) {
        try {
            KeysetHandle dataKey = TinkProtoKeysetFormat.parseEncryptedKeyset(wrappedKey, masterKey, WRAPPING_CONTEXT);
            return new Envelope(dataKey.getPrimitive(RegistryConfiguration.get(), Aead.class), wrappedKey);
        }
        catch (GeneralSecurityException e) {
            throw new CryptoException("Could not unwrap a data key", e);
        }
    }
}
