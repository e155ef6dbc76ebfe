package org.raporto.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.raporto.audit.Actor;
import org.raporto.casework.Analyst;
import org.raporto.casework.Assessments;
import org.raporto.casework.CaseFiles;
import org.raporto.casework.Cases;
import org.raporto.intake.ReportId;
import org.raporto.intake.ReportIntake;
import org.raporto.testing.FreePorts;
import org.raporto.testing.LoopbackSmtp;
import org.raporto.testing.LoopbackWebServer;
import org.raporto.testing.MondayMorning;
import org.raporto.testing.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole way of a referral, on real parts: a report of child sexual abuse material hosted on a site of the test's
 * own (loopback), referred to the police and to the host with the host's notice held for the police; the notices
 * leave through the outbox to a real SMTP server (GreenMail) at their times; the police agree; the site takes the
 * page down; the online checks find it gone and time the removal; no more notices go to the host.
 */
@SpringBootTest(properties = {"raporto.referral.checks.enabled=false", "raporto.tracing.worker.enabled=false",
        "raporto.outbound.offline=false", "raporto.outbound.allow-private=true", "raporto.outbound.per-host-interval=0s",
        "raporto.outbound.read-timeout=1s", "raporto.outbound.total-timeout=3s", "raporto.notification.delivery.interval=100ms",
        "logging.level.com.icegreen.greenmail=warn"})
@Import(MondayMorning.class)
class ReferralFlowTest {

    private static final int SMTP_PORT = FreePorts.loopback();
    private static final LoopbackWebServer site = new LoopbackWebServer();
    private static final Duration CHECK_ROUND = Duration.ofMinutes(76);

    @RegisterExtension
    static final GreenMailExtension smtp = LoopbackSmtp.server(SMTP_PORT);

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        LoopbackSmtp.register(registry, SMTP_PORT);
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
    Agencies agencies;

    @Autowired
    Referrals referrals;

    @Autowired
    AgencyNotices notices;

    @Autowired
    OnlineCheckJob checks;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    private final Analyst analyst = new Analyst(UUID.randomUUID(), "Arta", true, false);
    private final Analyst second = new Analyst(UUID.randomUUID(), "Drini", true, false);

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @Test
    void referredToThePoliceAndTheHostTheContentIsRemovedAndTheRemovalTimed() throws Exception {
        Fixtures fixtures = new Fixtures(intake, cases, assessments, files, jdbc);
        site.status("/album/7.jpg", 200);
        String url = site.url("/album/7.jpg").toString();
        ReportId id = fixtures.submit("csam", url);
        fixtures.assess(id, Fixtures.CSAM, analyst, second);
        fixtures.ready("al-police-cybercrime", "cybercrime@asp.example");
        Actor admin = new Actor(UUID.randomUUID(), "Admin");
        agencies.save(new Agency("host-loopback", AgencyKind.HOSTING_PROVIDER, "Loopback Hosting", "AL", List.of("en"), List.of("abuse@loopback.example"),
                false, "", true, null, null, null, List.of()), true, admin);
        Instant referred = clock.instant();

        referrals.refer(id, List.of(new Referrals.Choice("al-police-cybercrime", Set.of(0), true, false),
                new Referrals.Choice("host-loopback", Set.of(0), false, true)), analyst);

        assertThat(notices.sendDue()).as("the police's notice at once; the host's held").isOne();
        MimeMessage police = arrived(1)[0];
        assertThat(police.getAllRecipients()[0].toString()).isEqualTo("cybercrime@asp.example");
        String policeBody = GreenMailUtil.getBody(police);
        assertThat(police.getSubject()).contains(reference(id));
        assertThat(text(police)).contains(url).contains("Material i abuzimit").as("the reporter agreed: their words go to the police")
                .contains(Fixtures.DESCRIPTION).contains("+355 69 000 0000");
        assertThat(policeBody).isNotEmpty();
        Referral toPolice = sent(id, AgencyKind.POLICE);

        clock.advance(Duration.ofMinutes(1));
        assertThat(checks.checkDue()).as("the first online check").isOne();
        clock.advance(Duration.ofHours(3));
        assertThat(notices.sendDue()).as("the host's notice waits for the police, however long").isZero();

        referrals.acknowledge(toPolice.id(), "al-police-cybercrime", new Actor(UUID.randomUUID(), "Policia"));
        assertThat(jdbc.sql("SELECT status FROM stats_referral WHERE referral_id = ?").param(toPolice.id()).query(String.class).single())
                .as("the statistics hear of the answer at once").isEqualTo("ACKNOWLEDGED");
        referrals.policeAgreed(toPolice.id(), new Actor(UUID.randomUUID(), "Policia"));
        Instant agreed = clock.instant();
        clock.advance(Duration.ofMinutes(59));
        assertThat(notices.sendDue()).as("an hour after the police agreed").isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(notices.sendDue()).isOne();
        MimeMessage host = arrived(2)[1];
        assertThat(host.getAllRecipients()[0].toString()).isEqualTo("abuse@loopback.example");
        assertThat(text(host)).contains(url).contains("Child sexual abuse material").doesNotContain(Fixtures.DESCRIPTION).doesNotContain("+355");
        Referral toHost = sent(id, AgencyKind.HOSTING_PROVIDER);
        assertThat(toHost.sentAt()).isEqualTo(agreed.plus(Duration.ofHours(1)));
        assertThat(toHost.nextNoticeAt()).as("a re-notice a day later while online").isEqualTo(toHost.sentAt().plus(Duration.ofHours(24)));

        site.status("/album/7.jpg", 404);
        clock.advance(CHECK_ROUND);
        Instant firstGone = clock.instant();
        checks.checkDue();
        clock.advance(CHECK_ROUND);
        checks.checkDue();
        clock.advance(CHECK_ROUND);
        checks.checkDue();

        Watch watch = referrals.watches(id).get(url);
        assertThat(watch.status()).isEqualTo(Watch.Status.REMOVED);
        assertThat(watch.removedAt()).isEqualTo(firstGone);
        assertThat(watch.timeToRemoval()).isEqualTo(Duration.between(referred, firstGone));
        assertThat(referral(id, AgencyKind.HOSTING_PROVIDER).nextNoticeAt()).as("gone: no more notices").isNull();
        clock.advance(Duration.ofDays(3));
        assertThat(notices.sendDue()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(fixtures.timeline(id)).contains("REFERRAL_MADE", "REFERRAL_NOTICE_QUEUED", "REFERRAL_ACKNOWLEDGED", "POLICE_AGREED",
                "CONTENT_REMOVED");
    }

    private Referral referral(ReportId id, AgencyKind kind) {
        return referrals.of(id, analyst).stream().filter(referral -> referral.agency().kind() == kind).findFirst().orElseThrow();
    }

    /** The referral once the delivery has recorded that the mail server took its first notice (just after it arrived). */
    private Referral sent(ReportId id, AgencyKind kind) throws InterruptedException {
        for (int wait = 0; wait < 100 && referral(id, kind).status() == ReferralStatus.QUEUED; wait++) {
            Thread.sleep(100);
        }
        Referral referral = referral(id, kind);
        assertThat(referral.status()).as("the mail server took it").isEqualTo(ReferralStatus.SENT);
        return referral;
    }

    private String reference(ReportId id) {
        return jdbc.sql("SELECT reference FROM casework_case WHERE report_id = ?").param(id.value()).query(String.class).single();
    }

    /** Waits for the scheduled delivery to bring this many messages in all. */
    private static MimeMessage[] arrived(int count) {
        assertThat(smtp.waitForIncomingEmail(15_000, count)).as(count + " messages").isTrue();
        MimeMessage[] received = smtp.getReceivedMessages();
        Arrays.sort(received, (a, b) -> Long.compare(sent(a), sent(b)));
        return received;
    }

    private static long sent(Message message) {
        try {
            return message.getSentDate().getTime();
        }
        catch (jakarta.mail.MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static String text(MimeMessage message) throws Exception {
        return message.getContent().toString();
    }
}
