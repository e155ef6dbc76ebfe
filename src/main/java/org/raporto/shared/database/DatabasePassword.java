package org.raporto.shared.database;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import org.raporto.shared.DataDirectory;

/** The embedded server's superuser password: 256 random bits, in a file readable by its owner alone. */
final class DatabasePassword {

    private DatabasePassword() {
    }

    static String readOrCreate(Path file) throws IOException {
        var existing = DataDirectory.readSecret(file);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return DataDirectory.writeSecret(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    }
}
