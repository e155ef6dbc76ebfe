package org.raporto.shared.web;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The help numbers and the quick-exit target as they are now: what an administrator set, else the configuration.
 * Read at most every 30 seconds from the database, so that every node shows a change within half a minute and no page
 * waits for a query.
 */
@Component
public class SiteSettings {

    static final Duration FRESH_FOR = Duration.ofSeconds(30);
    private static final String EMERGENCY = "help.emergency";
    private static final String POLICE = "help.police";
    private static final String CHILD_HELPLINE = "help.child-helpline";
    private static final String CHILD_HELPLINE_NAME = "help.child-helpline-name";
    private static final String QUICK_EXIT = "quick-exit-url";

    private final JdbcClient jdbc;
    private final SiteProperties configured;
    private final Clock clock;
    private volatile Snapshot snapshot;

    SiteSettings(JdbcClient jdbc, SiteProperties configured, Clock clock) {
        this.jdbc = jdbc;
        this.configured = configured;
        this.clock = clock;
        this.snapshot = new Snapshot(configured.help(), configured.quickExitUrl(), Instant.MIN);
    }

    public SiteProperties.HelpLines help() {
        return current().help();
    }

    public URI quickExitUrl() {
        return current().quickExitUrl();
    }

    /**
     * Sets the help numbers and the quick-exit target, checked as the configuration's are.
     *
     * @throws IllegalArgumentException when a number or the address is not valid; nothing is changed then
     */
    @Transactional
    public void change(SiteProperties.HelpLines help, URI quickExitUrl) {
        // The same checks as at start-up.
        new SiteProperties(configured.name(), help, quickExitUrl, configured.timeZone(), configured.publicUrl());
        Map<String, String> values = Map.of(EMERGENCY, help.emergency(), POLICE, help.police(), CHILD_HELPLINE, help.childHelpline(),
                CHILD_HELPLINE_NAME, help.childHelplineName(), QUICK_EXIT, quickExitUrl.toString());
        values.forEach((name, value) -> jdbc.sql("""
                INSERT INTO site_setting (name, value, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at""")
                .params(name, value, Timestamp.from(clock.instant())).update());
        snapshot = new Snapshot(help, quickExitUrl, Instant.MIN);
    }

    private Snapshot current() {
        Snapshot known = snapshot;
        Instant now = clock.instant();
        if (known.readAt().plus(FRESH_FOR).isAfter(now)) {
            return known;
        }
        Map<String, String> stored = new HashMap<>();
        jdbc.sql("SELECT name, value FROM site_setting").query(row -> {
            stored.put(row.getString("name"), row.getString("value"));
        });
        SiteProperties.HelpLines help = configured.help();
        URI quickExit = configured.quickExitUrl();
        try {
            help = new SiteProperties.HelpLines(stored.getOrDefault(EMERGENCY, help.emergency()), stored.getOrDefault(POLICE, help.police()),
                    stored.getOrDefault(CHILD_HELPLINE, help.childHelpline()), stored.getOrDefault(CHILD_HELPLINE_NAME, help.childHelplineName()));
            quickExit = URI.create(stored.getOrDefault(QUICK_EXIT, quickExit.toString()));
        }
        catch (IllegalArgumentException invalid) {
            // Only valid values are ever stored; a row changed by hand that is not valid leaves the configuration's.
            help = configured.help();
            quickExit = configured.quickExitUrl();
        }
        Snapshot fresh = new Snapshot(help, quickExit, now);
        snapshot = fresh;
        return fresh;
    }

    private record Snapshot(SiteProperties.HelpLines help, URI quickExitUrl, Instant readAt) {
    }
}
