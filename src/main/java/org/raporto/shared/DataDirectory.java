package org.raporto.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Where Raporto keeps its data ({@code RAPORTO_DATA_DIR}): the embedded database, and in {@code keys/} the secrets
 * that only the application's user may read.
 *
 * @param root absolute path of the directory
 */
public record DataDirectory(Path root) {

    public DataDirectory {
        root = root.toAbsolutePath().normalize();
    }

    public Path resolve(String relative) {
        return root.resolve(relative);
    }

    /** The file in {@code keys/}, whose directory is created readable by the owner only. */
    public Path key(String name) throws IOException {
        Path keys = root.resolve("keys");
        Files.createDirectories(keys);
        restrictToOwner(keys, "rwx------");
        return keys.resolve(name);
    }

    /** The secret in a file, if there is one. */
    public static Optional<String> readSecret(Path file) throws IOException {
        return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip()) : Optional.empty();
    }

    /**
     * Writes a new secret readable by the owner only. When another process wrote one first, that one is kept and
     * returned, so that two nodes starting together agree.
     */
    public static String writeSecret(Path file, String secret) throws IOException {
        try {
            Files.writeString(file, secret, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
        catch (FileAlreadyExistsException raced) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        restrictToOwner(file, "rw-------");
        return secret;
    }

    private static void restrictToOwner(Path path, String permissions) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}
