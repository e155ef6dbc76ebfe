package org.raporto.shared;

import java.nio.file.Path;
import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

    /** The one source of time: rules that depend on it are tested by setting a clock, not by waiting. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Resolved once, so that everything stored lands in the same directory. */
    @Bean
    DataDirectory dataDirectory(@Value("${raporto.data-dir}") Path root) {
        return new DataDirectory(root);
    }
}
