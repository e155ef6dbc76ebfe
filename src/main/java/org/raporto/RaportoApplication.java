package org.raporto;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/**
 * Raporto: the public safer-internet portal with its RAPORTO! reporting, and the hotline's back office,
 * in one modular application. Each top-level package below this one is a module (see {@code ModularityTests}).
 */
// No generated in-memory user with a printed password: staff accounts come from first-run setup only.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class RaportoApplication {

    public static void main(String[] args) {
        SpringApplication.run(RaportoApplication.class, args);
    }
}
