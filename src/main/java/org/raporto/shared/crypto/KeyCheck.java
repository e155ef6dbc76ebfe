package org.raporto.shared.crypto;

import java.nio.file.Path;
import java.security.MessageDigest;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Refuses to start when the keys outside the database are not the ones the database was used with: a master key
 * lost and made anew, or another installation's, would seal new reports with one key while the old ones need the
 * other; a different lookup key would make every receipt "not found". Either is worse than not starting.
 * <p>
 * The first start with a database records a data key wrapped by the master key and a lookup hash; every later start
 * opens the one and recomputes the other. Several nodes starting at once record one pair and all check it.
 */
class KeyCheck implements InitializingBean {

    private static final String MASTER_KEY = "master-key";
    private static final String LOOKUP_KEY = "lookup-key";

    private final JdbcClient jdbc;
    private final Envelopes envelopes;
    private final Path masterKeyFile;
    private final LookupHashes hashes;
    private final Path lookupKeyFile;

    KeyCheck(JdbcClient jdbc, Envelopes envelopes, Path masterKeyFile, LookupHashes hashes, Path lookupKeyFile) {
        this.jdbc = jdbc;
        this.envelopes = envelopes;
        this.masterKeyFile = masterKeyFile;
        this.hashes = hashes;
        this.lookupKeyFile = lookupKeyFile;
    }

    @Override
    public void afterPropertiesSet() {
        byte[] wrapped = recorded(MASTER_KEY, envelopes.create().wrappedKey());
        try {
            envelopes.open(wrapped);
        }
        catch (CryptoException notThisKey) {
            throw new IllegalStateException("The master key " + masterKeyFile.toAbsolutePath() + " is not the key this database's"
                    + " reports were sealed with: it was lost and made anew, or belongs to another installation. Restore the"
                    + " master key from its backup (see Keys in the README); Raporto will not seal new reports with another key.");
        }
        byte[] expected = recorded(LOOKUP_KEY, canary());
        if (!MessageDigest.isEqual(expected, canary())) {
            throw new IllegalStateException("The lookup key " + lookupKeyFile.toAbsolutePath() + " is not the key this database's"
                    + " receipts were hashed with: no reporter could follow their report. Restore the key from its backup.");
        }
    }

    private byte[] canary() {
        return hashes.of("key-check", "raporto");
    }

    /** The value recorded under the name, recording this one when there is none yet. */
    private byte[] recorded(String name, byte[] value) {
        jdbc.sql("INSERT INTO crypto_key_check (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING").params(name, value).update();
        return jdbc.sql("SELECT value FROM crypto_key_check WHERE name = ?").param(name).query(byte[].class).single();
    }
}
