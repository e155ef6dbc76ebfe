package org.raporto.shared.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.raporto.shared.DataDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    private static final String LOOKUP_KEY_FILE = "lookup-key.json";

    /**
     * A configured master key file must exist: creating a new key where an operator expected theirs (an unmounted
     * secret, a typo) would make everything stored before unreadable.
     */
    @Bean
    Envelopes envelopes(DataDirectory dataDirectory, @Value("${raporto.crypto.master-key-file:}") String masterKeyFile)
            throws IOException {
        Path file = masterKeyFile(dataDirectory, masterKeyFile);
        if (!masterKeyFile.isBlank() && !Files.isRegularFile(file)) {
            throw new IllegalStateException("RAPORTO_MASTER_KEY_FILE names " + file.toAbsolutePath()
                    + ", which does not exist; Raporto will not make a new master key there");
        }
        return Envelopes.withMasterKeyIn(file);
    }

    @Bean
    LookupHashes lookupHashes(DataDirectory dataDirectory) throws IOException {
        return LookupHashes.withKeyIn(dataDirectory.key(LOOKUP_KEY_FILE));
    }

    /** Runs once the schema is migrated (JdbcClient waits for Flyway), before any request is served. */
    @Bean
    KeyCheck keyCheck(JdbcClient jdbc, Envelopes envelopes, LookupHashes hashes, DataDirectory dataDirectory,
            @Value("${raporto.crypto.master-key-file:}") String masterKeyFile) throws IOException {
        return new KeyCheck(jdbc, envelopes, masterKeyFile(dataDirectory, masterKeyFile), hashes, dataDirectory.key(LOOKUP_KEY_FILE));
    }

    private static Path masterKeyFile(DataDirectory dataDirectory, String configured) throws IOException {
        return configured.isBlank() ? dataDirectory.key("master-key.json") : Path.of(configured);
    }
}
