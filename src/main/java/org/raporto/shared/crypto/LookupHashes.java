package org.raporto.shared.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

import org.raporto.shared.DataDirectory;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;

/**
 * Keyed hashes (HMAC-SHA256) of secrets that must be found again but never stored, such as receipts: the database
 * holds the hash, and without the key, kept in a file beside the master key, a stolen database does not allow
 * guessing receipts offline.
 */
public class LookupHashes {

    private final Mac mac;

    LookupHashes(Mac mac) {
        this.mac = mac;
    }

    static LookupHashes withKeyIn(Path file) {
        try {
            MacConfig.register();
            var existing = DataDirectory.readSecret(file);
            String keyset = existing.isPresent() ? existing.get() : DataDirectory.writeSecret(file, TinkJsonProtoKeysetFormat
                    .serializeKeyset(KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG), InsecureSecretKeyAccess.get()));
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(keyset, InsecureSecretKeyAccess.get());
            return new LookupHashes(handle.getPrimitive(RegistryConfiguration.get(), Mac.class));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the lookup key " + file, e);
        }
        catch (GeneralSecurityException e) {
            throw new CryptoException("The lookup key " + file + " is not a valid Tink HMAC keyset", e);
        }
    }

    /**
     * The hash of a value for one purpose; the purpose keeps hashes of different kinds of secret apart.
     */
    public byte[] of(String purpose, String value) {
        try {
            return mac.computeMac((purpose + '\u0000' + value).getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new CryptoException("Could not hash a value for " + purpose, e);
        }
    }
}
