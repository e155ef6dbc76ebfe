package org.raporto.shared.database;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
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
    EmbeddedDatabase embeddedDatabase(@Value("${raporto.data-dir}") Path dataDir, EmbeddedDatabaseProperties properties) {
        Path root = dataDir.toAbsolutePath().normalize();
        return EmbeddedDatabase.start(root.resolve("postgres"), root.resolve("keys").resolve("database.password"),
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
