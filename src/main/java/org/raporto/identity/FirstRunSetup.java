package org.raporto.identity;

import java.time.Duration;

import org.raporto.shared.web.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * While no administrator exists, each start logs a one-time link to {@code /staff/setup}, valid for a day, with
 * which the person who installed Raporto becomes its first administrator. There is no default password anywhere.
 */
@Component
class FirstRunSetup {

    static final Duration VALID = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(FirstRunSetup.class);

    private final StaffAccounts accounts;
    private final SiteProperties site;
    private final boolean demo;

    FirstRunSetup(StaffAccounts accounts, SiteProperties site, @Value("${raporto.demo:false}") boolean demo) {
        this.accounts = accounts;
        this.site = site;
        this.demo = demo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void offerSetup() {
        // In demo mode the demonstration administrator is made instead.
        if (demo || accounts.administratorExists()) {
            return;
        }
        String token = accounts.setupToken(VALID);
        log.warn("No administrator yet. Open {} within 24 hours to become the first administrator; the link works once.",
                site.linkTo("/staff/setup?token=" + token));
    }
}
