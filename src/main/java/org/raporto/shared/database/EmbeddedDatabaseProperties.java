package org.raporto.shared.database;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL.
 *
 * @param port        the port to listen on (loopback only); 0 picks a free one
 * @param startupWait how long to wait for the server to accept connections (the first start runs initdb)
 */
@ConfigurationProperties("raporto.database.embedded")
record EmbeddedDatabaseProperties(
        @DefaultValue("0") int port,
        @DefaultValue("60s") Duration startupWait) {

    EmbeddedDatabaseProperties {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("The embedded database port must be between 0 and 65535, not " + port);
        }
    }
}
