package org.raporto.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.raporto.casework.Analyst;
import org.raporto.casework.Assessments;
import org.raporto.casework.CaseFiles;
import org.raporto.casework.Cases;
import org.raporto.casework.Classification;
import org.raporto.intake.ReportId;
import org.raporto.intake.ReportIntake;
import org.raporto.testing.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notices are queued exactly once whatever happens around them: two nodes sending at once, a notice that cannot be
 * written in the middle of a batch. (The outbox then delivers each at least once with one Message-ID; see its tests.)
 */
@SpringBootTest(properties = "raporto.notification.delivery.enabled=false")
class AgencyNoticesTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class MovingClock {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
        }
    }

    @Autowired
    ReportIntake intake;

    @Autowired
    Cases cases;

    @Autowired
    Assessments assessments;

    @Autowired
    CaseFiles files;

    @Autowired
    Referrals referrals;

    @Autowired
    AgencyNotices notices;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    private final Analyst analyst = new Analyst(UUID.randomUUID(), "Arta", true, false);
    private final Analyst second = new Analyst(UUID.randomUUID(), "Drini", true, false);
    private Fixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new Fixtures(intake, cases, assessments, files, jdbc);
        notices.sendDue();
    }

    @Test
    void twoNodesSendingAtOnceQueueEveryNoticeOnce() throws Exception {
        fixtures.ready("al-akep", "akep@akep.example");
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            made.addAll(refer("al-akep"));
        }

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> node = notices::sendDue;
            List<Future<Integer>> rounds = nodes.invokeAll(List.of(node, node));
            assertThat(rounds.get(0).get() + rounds.get(1).get()).isEqualTo(12);
        }
        finally {
            nodes.shutdown();
        }

        for (UUID referral : made) {
            assertThat(jdbc.sql("SELECT count(*) FROM referral_notice WHERE referral_id = ?").param(referral).query(Integer.class).single())
                    .as("one notice for referral " + referral).isOne();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM notification_message m JOIN referral_notice n ON n.message_id = m.id WHERE n.referral_id = ANY(?)")
                .param(made.toArray(UUID[]::new)).query(Integer.class).single()).isEqualTo(12);
    }

    @Test
    void aNoticeThatCannotBeWrittenIsRetriedLaterAndTheRestOfTheBatchGoesOn() {
        fixtures.ready("al-akep", "akep@akep.example");
        fixtures.ready("al-ashmdf", "ashmdf@ashmdf.example");
        UUID good = refer("al-akep").get(0);
        UUID broken = refer("al-ashmdf").get(0);
        UUID later = refer("al-akep").get(0);
        // An address that slipped past the directory's checks (written straight into the database): the outbox refuses it.
        jdbc.sql("UPDATE referral_agency SET emails = ARRAY['not an address'] WHERE id = 'al-ashmdf'").update();

        assertThat(notices.sendDue()).isEqualTo(2);

        assertThat(notices(good)).isOne();
        assertThat(notices(later)).isOne();
        assertThat(notices(broken)).as("nothing half-written").isZero();
        assertThat(referrals.find(broken).orElseThrow().nextNoticeAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));

        jdbc.sql("UPDATE referral_agency SET emails = ARRAY['ashmdf@ashmdf.example'] WHERE id = 'al-ashmdf'").update();
        clock.advance(Duration.ofHours(1));
        assertThat(notices.sendDue()).isOne();
        assertThat(notices(broken)).isOne();
        assertThat(notices(good)).as("never twice").isOne();
        assertThat(notices.sendDue()).isZero();
    }

    private int notices(UUID referral) {
        return jdbc.sql("SELECT count(*) FROM referral_notice WHERE referral_id = ?").param(referral).query(Integer.class).single();
    }

    private List<UUID> refer(String agency) {
        ReportId id = fixtures.submit("adult-content", "https://notices-" + UUID.randomUUID().toString().substring(0, 8) + ".example/");
        fixtures.assess(id, Classification.of(Classification.Outcome.NATIONAL_ILLEGAL, "adult-content"), analyst, second);
        return referrals.refer(id, List.of(new Referrals.Choice(agency, Set.of(0), false, false)), analyst);
    }
}
