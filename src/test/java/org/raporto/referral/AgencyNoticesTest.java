package org.raporto.referral;

import java.time.Duration;
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
import org.raporto.shared.Language;
import org.raporto.testing.MondayMorning;
import org.raporto.testing.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notices are queued exactly once whatever happens around them: two nodes sending at once, a notice that cannot be
 * written in the middle of a batch. (The outbox then delivers each at least once with one Message-ID; see its tests.)
 */
@SpringBootTest(properties = "raporto.notification.delivery.enabled=false")
@Import(MondayMorning.class)
class AgencyNoticesTest {

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

    @Test
    void aReminderListsOnlyWhatIsStillOnline() {
        fixtures.ready("platform-meta", "flagger@meta.example");
        String url = "https://www.instagram.com/p/" + UUID.randomUUID().toString().substring(0, 8);
        ReportId id = fixtures.submit("cyberbullying", url);
        fixtures.assess(id, Classification.of(Classification.Outcome.HARMFUL_NOT_ILLEGAL, "cyberbullying"), analyst, second);
        UUID made = referrals.refer(id, List.of(new Referrals.Choice("platform-meta", Set.of(0, 1), false, false)), analyst).get(0);
        Referral referral = referrals.find(made).orElseThrow();
        String account = referral.items().get(1).target();

        assertThat(notices.body(referral, referral.agency(), NoticeKind.FIRST, Language.EN)).contains(url, account)
                .contains("as a trusted flagger").doesNotContain(Fixtures.DESCRIPTION);
        jdbc.sql("UPDATE referral_watch SET status = 'REMOVED', removed_at = now() WHERE report_id = ?").param(id.value()).update();

        String reminder = notices.body(referral, referral.agency(), NoticeKind.REMINDER, Language.EN);
        assertThat(reminder).contains(account, "still online").doesNotContain(url);
        Agency registrar = new Agency("registrar-test", AgencyKind.REGISTRAR, "Test Registrar", "US", List.of("en"), List.of("abuse@registrar.example"),
                false, "", true, null, null, null, List.of());
        assertThat(notices.body(referral, registrar, NoticeKind.ESCALATION_REGISTRAR, Language.EN)).as("in words for whom it is sent to")
                .contains("To: Test Registrar", "on a domain you registered", "We notified Meta").doesNotContain("trusted flagger");
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
