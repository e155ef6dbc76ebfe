package org.raporto.shared.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server owned by this application: its data kept in a directory across restarts, started with
 * the application and stopped cleanly with it.
 * <p>
 * The library we use is made for tests, and its defaults suit tests; here they are changed for a product:
 * <ul>
 * <li>{@code fsync}, synchronous commits and full-page writes are on, because reports must survive a power cut;</li>
 * <li>the server listens on loopback only, opens no Unix socket, and asks every client for a password (SCRAM),
 *     generated at the first start and kept in a file only the application's user can read, so that other
 *     users of the machine cannot connect;</li>
 * <li>the cluster uses the {@code C.UTF-8} locale wherever it is created, so text behaves the same on every
 *     machine.</li>
 * </ul>
 */
public final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE_NAME = "raporto";
    private static final String SUPERUSER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final Path directory;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path directory, String password) {
        this.postgres = postgres;
        this.directory = directory;
        this.password = password;
    }

    /**
     * Starts the server on the given directory, creating the cluster on first use and the application's
     * database when it is missing.
     *
     * @param directory    the cluster's directory
     * @param passwordFile where the superuser's password is kept (created with the cluster)
     * @param port         0 for a free port
     */
    public static EmbeddedDatabase start(Path directory, Path passwordFile, int port, Duration startupWait) {
        try {
            Files.createDirectories(directory);
            stopOrphanedServer(directory);
            String password = DatabasePassword.readOrCreate(passwordFile);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    // Spring stops us after the connection pool is closed; a JVM hook of its own would race that.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(startupWait)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // No socket file in /tmp that other local users could reach.
                    .setServerConfig("unix_socket_directories", "")
                    // Failed statements are not copied into the server's log, where their values would sit in clear.
                    .setServerConfig("log_min_error_statement", "panic")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100")
                    .setConnectConfig("password", password)
                    // The library passes these as options to initdb, after its own "-A trust": they win.
                    .setLocaleConfig("auth-host", "scram-sha-256")
                    .setLocaleConfig("auth-local", "scram-sha-256")
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    .setLocaleConfig("locale", "C.UTF-8");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedDatabase database = new EmbeddedDatabase(builder.start(), directory, password);
            database.createApplicationDatabaseIfMissing();
            log.info("Embedded PostgreSQL listening on 127.0.0.1:{}, data in {}", database.port(), directory);
            return database;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public Path directory() {
        return directory;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE_NAME;
    }

    public String username() {
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    private void createApplicationDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE_NAME);
            try (var result = exists.executeQuery()) {
                if (!result.next()) {
                    try (var create = connection.createStatement()) {
                        create.execute("CREATE DATABASE " + DATABASE_NAME + " ENCODING 'UTF8' TEMPLATE template0");
                    }
                }
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + DATABASE_NAME, e);
        }
    }

    /** Stops the server and waits for it; the data stays. */
    @Override
    public void close() throws IOException {
        postgres.close();
        log.info("Embedded PostgreSQL stopped, data kept in {}", directory);
    }

    /**
     * A server left running by an application that was killed (not stopped) still holds the directory, and a new
     * one cannot start on it. Such a server has no clients left, so a smart shutdown ends it at once.
     */
    private static void stopOrphanedServer(Path directory) throws IOException {
        Optional<ProcessHandle> orphan = runningServer(directory);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle server = orphan.get();
        log.warn("A PostgreSQL server (pid {}) left running by an earlier run still holds {}; stopping it",
                server.pid(), directory);
        server.destroy();
        try {
            server.onExit().get(60, TimeUnit.SECONDS);
        }
        catch (Exception e) {
            throw new IllegalStateException("The PostgreSQL server with pid " + server.pid() + " did not stop; stop it"
                    + " by hand before starting Raporto on " + directory, e);
        }
    }

    /**
     * The postmaster named in the directory's {@code postmaster.pid}, if that process is alive and is a PostgreSQL
     * server on this very directory (a recycled pid may belong to anything else).
     */
    static Optional<ProcessHandle> runningServer(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        String firstLine = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").trim();
        long pid;
        try {
            pid = Long.parseLong(firstLine);
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().commandLine()
                        .map(commandLine -> commandLine.contains("/postgres ") && commandLine.contains(directory.toString()))
                        .orElse(false));
    }
}
