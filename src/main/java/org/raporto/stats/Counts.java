package org.raporto.stats;

import java.time.ZoneId;

import org.raporto.shared.web.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counts of the projection per day and month of receipt ({@code stats_count}, and of referrals per day and month
 * of creation, {@code stats_referral_count}; migration V33), which the database keeps by triggers on
 * {@code stats_report} and {@code stats_referral}: every change of the projection, a report's refresh, a rebuild, or a row
 * written by hand, changes them in the same transaction. Days are days in the hotline's time zone, which is
 * configuration; this makes the counts follow it: the first start counts every report, and a start with another time
 * zone counts them all again.
 */
@Component
class Counts {

    private static final Logger log = LoggerFactory.getLogger(Counts.class);

    private final JdbcClient jdbc;
    private final ZoneId zone;

    Counts(JdbcClient jdbc, SiteProperties site) {
        this.jdbc = jdbc;
        this.zone = site.timeZone();
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void followTimeZone() {
        boolean same = jdbc.sql("SELECT EXISTS (SELECT 1 FROM stats_count_zone WHERE zone = :zone)").param("zone", zone.getId())
                .query(Boolean.class).single();
        if (!same) {
            countAll();
            log.info("Statistics: reports counted by day in {}", zone.getId());
        }
    }

    /** Counts every report of the projection again, in the configured time zone. */
    void countAll() {
        jdbc.sql("SELECT stats_count_all(:zone)").param("zone", zone.getId()).query((rs, n) -> 1).list();
    }
}
