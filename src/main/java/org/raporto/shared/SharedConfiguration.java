package org.raporto.shared;

import java.nio.file.Path;
import java.time.Clock;

import org.raporto.shared.image.ImageSanitizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SharedConfiguration {

    /** The one source of time: rules that depend on it are tested by setting a clock, not by waiting. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** One for the whole application: it limits how many images are decoded at once. */
    @Bean
    ImageSanitizer imageSanitizer() {
        return new ImageSanitizer();
    }

    /** Resolved once, so that everything stored lands in the same directory. */
    @Bean
    DataDirectory dataDirectory(@Value("${raporto.data-dir}") Path root) {
        return new DataDirectory(root);
    }
}
