package org.raporto.shared.crypto;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raporto.shared.DataDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CryptoConfigurationTest {

    @TempDir
    Path dataDir;

    @Test
    void createsTheMasterKeyInTheDataDirectoryOnFirstStart() throws Exception {
        new CryptoConfiguration().envelopes(new DataDirectory(dataDir), "");
        assertThat(dataDir.resolve("keys/master-key.json")).isRegularFile();
    }

    @Test
    void neverCreatesAMasterKeyWhereAnOperatorPointedToTheirs() {
        Path missing = dataDir.resolve("mounted-secret/master-key.json");
        assertThatThrownBy(() -> new CryptoConfiguration().envelopes(new DataDirectory(dataDir), missing.toString()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(missing.toString());
        assertThat(missing).doesNotExist();
        assertThat(dataDir.resolve("keys/master-key.json")).doesNotExist();
    }
}
