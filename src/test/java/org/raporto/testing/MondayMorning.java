package org.raporto.testing;

import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock, moved by the test, starting on Monday 2 March 2026 at 10:00 in Tirana: a working day, inside
 * working hours and the sending window, with hours of it left. Tests that share it share one application context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MondayMorning {

    public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(START);
    }
}
