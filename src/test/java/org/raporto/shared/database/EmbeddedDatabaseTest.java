package org.raporto.shared.database;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.raporto.RaportoApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded PostgreSQL as the application runs it: kept across restarts, stopped cleanly, closed to others. */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void dataWrittenBeforeARestartIsThereAfterIt(CapturedOutput output) {
        String note = "përshëndetje " + UUID.randomUUID();
        int port;
        try (ConfigurableApplicationContext first = start()) {
            EmbeddedDatabase database = first.getBean(EmbeddedDatabase.class);
            port = database.port();
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            jdbc.sql("CREATE TABLE restart_probe (note text NOT NULL)").update();
            jdbc.sql("INSERT INTO restart_probe (note) VALUES (?)").param(note).update();
        }
        assertThat(accepts(port)).as("the server stopped with the application").isFalse();
        assertThat(dataDir.resolve("postgres/postmaster.pid")).as("a clean shutdown removes the pid file").doesNotExist();

        try (ConfigurableApplicationContext second = start()) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT note FROM restart_probe").query(String.class).list()).containsExactly(note);
        }
        assertThat(output.getOut()).contains("Embedded PostgreSQL listening on 127.0.0.1:" + port + ", data in " + dataDir.resolve("postgres"));
    }

    @Test
    void firstMigrationCreatesTheSearchExtensions() {
        try (ConfigurableApplicationContext context = start()) {
            List<String> extensions = context.getBean(JdbcClient.class).sql("SELECT extname FROM pg_extension").query(String.class).list();
            assertThat(extensions).contains("unaccent", "pg_trgm");
        }
    }

    @Test
    void serverIsDurableAndListensOnLoopbackOnly() {
        try (ConfigurableApplicationContext context = start()) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("SHOW full_page_writes").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("SHOW listen_addresses").query(String.class).single()).isEqualTo("127.0.0.1");
            assertThat(jdbc.sql("SHOW unix_socket_directories").query(String.class).single()).isEmpty();
        }
    }

    @Test
    void otherClientsNeedThePasswordOnlyTheApplicationCanRead() throws IOException {
        try (ConfigurableApplicationContext context = start()) {
            EmbeddedDatabase database = context.getBean(EmbeddedDatabase.class);
            assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", "").close())
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres").close())
                    .isInstanceOf(SQLException.class);
            Path passwordFile = dataDir.resolve("keys/database.password");
            assertThat(Files.getPosixFilePermissions(passwordFile))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(Files.readString(passwordFile).strip()).hasSizeGreaterThanOrEqualTo(43).isEqualTo(database.password());
        }
    }

    @Test
    void usesTheConfiguredPort() throws IOException {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (ConfigurableApplicationContext context = start("--raporto.database.embedded.port=" + port)) {
            assertThat(context.getBean(EmbeddedDatabase.class).port()).isEqualTo(port);
            assertThat(accepts(port)).isTrue();
        }
    }

    private ConfigurableApplicationContext start(String... extraArguments) {
        String[] arguments = new String[extraArguments.length + 2];
        arguments[0] = "--raporto.data-dir=" + dataDir;
        arguments[1] = "--server.port=0";
        System.arraycopy(extraArguments, 0, arguments, 2, extraArguments.length);
        return new SpringApplicationBuilder(RaportoApplication.class).run(arguments);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        }
        catch (IOException refused) {
            return false;
        }
    }
}
