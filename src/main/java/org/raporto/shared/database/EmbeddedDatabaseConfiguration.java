package org.raporto.shared.database;

import java.io.IOException;

import org.raporto.shared.DataDirectory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The default database: when no {@code spring.datasource.url} (or {@code SPRING_DATASOURCE_URL}) is given, the
 * application runs its own PostgreSQL. The pool depends on the server, so Spring closes the pool first and stops
 * the server after it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DataDirectory dataDirectory, EmbeddedDatabaseProperties properties) throws IOException {
        return EmbeddedDatabase.start(dataDirectory.resolve("postgres"), dataDirectory.key("database.password"),
                properties.port(), properties.startupWait());
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabase database) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(database.jdbcUrl())
                .username(database.username())
                .password(database.password())
                .build();
    }
}
