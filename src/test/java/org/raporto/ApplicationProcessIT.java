package org.raporto;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application as an operator runs it: {@code java -jar target/raporto.jar}, stopped with SIGTERM (what
 * Ctrl-C, systemd and container runtimes send) or killed outright.
 */
class ApplicationProcessIT {

    private static final Path JAR = Path.of("target/raporto.jar");

    @TempDir
    Path dataDir;

    private Process application;

    @AfterEach
    void stopApplication() throws InterruptedException {
        if (application != null && application.isAlive()) {
            application.destroy();
            application.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void stoppingTheApplicationStopsItsDatabaseCleanly() throws Exception {
        int port = freePort();
        application = start(port, "first.log");
        awaitReady(port);
        long postgres = postmasterPid();
        assertThat(isRunning(postgres)).isTrue();

        application.destroy();
        assertThat(application.waitFor(60, TimeUnit.SECONDS)).as("the application stops within a minute").isTrue();

        assertThat(isGoneSoon(postgres)).as("no orphan postgres").isTrue();
        assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();
        assertThat(Files.readString(dataDir.resolve("first.log"))).contains("Embedded PostgreSQL stopped");
    }

    @Test
    void aKilledApplicationsDatabaseIsStoppedByTheNextStart() throws Exception {
        int port = freePort();
        application = start(port, "killed.log");
        awaitReady(port);
        long orphan = postmasterPid();

        application.destroyForcibly();
        application.waitFor(30, TimeUnit.SECONDS);
        assertThat(isRunning(orphan)).as("killing the JVM leaves its server").isTrue();

        application = start(port, "restarted.log");
        awaitReady(port);
        assertThat(isGoneSoon(orphan)).as("the orphan was stopped").isTrue();
        assertThat(Files.readString(dataDir.resolve("restarted.log"))).contains("left running by an earlier run");
        long restarted = postmasterPid();

        application.destroy();
        assertThat(application.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(isGoneSoon(restarted)).isTrue();
    }

    private Process start(int port, String logName) throws IOException {
        assertThat(JAR).as("the packaged application (mvn package)").exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(List.of(java, "-jar", JAR.toString(),
                "--server.port=" + port, "--raporto.data-dir=" + dataDir))
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(logName).toFile())
                .start();
    }

    private void awaitReady(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            assertThat(application.isAlive()).as("the application is running").isTrue();
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The application did not become ready within two minutes");
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
    }

    /** Whether the process runs; an exited one that its parent has not reaped yet (a zombie) does not. */
    private static boolean isRunning(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        }
        catch (IOException gone) {
            return false;
        }
    }

    private static boolean isGoneSoon(long pid) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (isRunning(pid) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        return !isRunning(pid);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
