package org.raporto.shared.database;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raporto.RaportoApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** With {@code spring.datasource.url} set, Raporto uses that database and starts none of its own. */
class ExternalDatabaseTest {

    @TempDir
    Path serverDir;

    @TempDir
    Path appDataDir;

    @Test
    void startsNoEmbeddedServerWhenADatabaseIsConfigured() throws Exception {
        // Stands in for an operator's PostgreSQL: a real server, started here because no other is on this machine.
        try (EmbeddedDatabase external = EmbeddedDatabase.start(serverDir.resolve("postgres"), serverDir.resolve("password"), 0, Duration.ofSeconds(60));
             ConfigurableApplicationContext context = new SpringApplicationBuilder(RaportoApplication.class)
                     .run("--server.port=0",
                             "--spring.datasource.url=" + external.jdbcUrl(),
                             "--spring.datasource.username=" + external.username(),
                             "--spring.datasource.password=" + external.password(),
                             "--raporto.data-dir=" + appDataDir)) {
            assertThat(context.getBeansOfType(EmbeddedDatabase.class)).isEmpty();
            assertThat(appDataDir.resolve("postgres")).doesNotExist();
            assertThat(context.getBean(JdbcClient.class).sql("SELECT count(*) FROM flyway_schema_history WHERE success")
                    .query(Integer.class).single()).isPositive();
        }
    }
}
