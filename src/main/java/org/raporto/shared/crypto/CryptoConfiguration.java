package org.raporto.shared.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.raporto.shared.DataDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    /**
     * A configured master key file must exist: creating a new key where an operator expected theirs (an unmounted
     * secret, a typo) would make everything stored before unreadable.
     */
    @Bean
    Envelopes envelopes(DataDirectory dataDirectory, @Value("${raporto.crypto.master-key-file:}") String masterKeyFile)
            throws IOException {
        if (masterKeyFile.isBlank()) {
            return Envelopes.withMasterKeyIn(dataDirectory.key("master-key.json"));
        }
        Path configured = Path.of(masterKeyFile);
        if (!Files.isRegularFile(configured)) {
            throw new IllegalStateException("RAPORTO_MASTER_KEY_FILE names " + configured.toAbsolutePath()
                    + ", which does not exist; Raporto will not make a new master key there");
        }
        return Envelopes.withMasterKeyIn(configured);
    }

    @Bean
    LookupHashes lookupHashes(DataDirectory dataDirectory) throws IOException {
        return LookupHashes.withKeyIn(dataDirectory.key("lookup-key.json"));
    }
}
