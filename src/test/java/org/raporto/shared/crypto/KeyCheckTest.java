package org.raporto.shared.crypto;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starting with keys that are not the database's is refused; with its own keys, every start goes on. */
@SpringBootTest
class KeyCheckTest {

    @TempDir
    Path otherKeys;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Envelopes envelopes;

    @Autowired
    LookupHashes hashes;

    @Test
    void theKeysTheDatabaseWasFirstUsedWithPassEveryTime() {
        KeyCheck check = new KeyCheck(jdbc, envelopes, Path.of("master-key.json"), hashes, Path.of("lookup-key.json"));
        assertThatCode(check::afterPropertiesSet).doesNotThrowAnyException();
        assertThatCode(check::afterPropertiesSet).doesNotThrowAnyException();
    }

    @Test
    void aMasterKeyMadeAnewIsRefusedWithWhereItIs() {
        Path lost = otherKeys.resolve("master-key.json");
        Envelopes another = Envelopes.withMasterKeyIn(lost);

        assertThatThrownBy(() -> new KeyCheck(jdbc, another, lost, hashes, Path.of("lookup-key.json")).afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(lost.toString())
                .hasMessageContaining("Restore the master key");
    }

    @Test
    void anotherLookupKeyIsRefused() {
        Path lost = otherKeys.resolve("lookup-key.json");
        LookupHashes another = LookupHashes.withKeyIn(lost);

        assertThatThrownBy(() -> new KeyCheck(jdbc, envelopes, Path.of("master-key.json"), another, lost).afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(lost.toString());
    }
}
