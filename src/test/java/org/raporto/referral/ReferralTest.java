package org.raporto.referral;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.raporto.audit.Actor;
import org.raporto.casework.Analyst;
import org.raporto.casework.Assessments;
import org.raporto.casework.CaseFiles;
import org.raporto.casework.CaseNotFound;
import org.raporto.casework.CaseStatus;
import org.raporto.casework.Cases;
import org.raporto.casework.Classification;
import org.raporto.intake.ReportId;
import org.raporto.intake.ReportIntake;
import org.raporto.testing.MondayMorning;
import org.raporto.testing.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * From an assessed report to its referrals: the routing's suggestions by category, classification and hosting
 * country; agencies that cannot receive refuse with a reason; a host's notice held for the police; the partner's
 * answers; need to know.
 */
@SpringBootTest
@Import(MondayMorning.class)
class ReferralTest {

    @Autowired
    ReportIntake intake;

    @Autowired
    Cases cases;

    @Autowired
    Assessments assessments;

    @Autowired
    CaseFiles files;

    @Autowired
    Routing routing;

    @Autowired
    Referrals referrals;

    @Autowired
    Agencies agencies;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    private Fixtures fixtures;

    private final Analyst cleared = new Analyst(UUID.randomUUID(), "Arta", true, false);
    private final Analyst second = new Analyst(UUID.randomUUID(), "Drini", true, false);
    private final Analyst uncleared = new Analyst(UUID.randomUUID(), "Besa", false, false);

    @BeforeEach
    void fixtures() {
        fixtures = new Fixtures(intake, cases, assessments, files, jdbc);
    }

    @Test
    void csamHostedHereGoesToThePoliceAndTheHostWhoseNoticeWaitsForThePolice() {
        String host = "csam-" + UUID.randomUUID().toString().substring(0, 8) + ".al";
        fixtures.traced(host, "AL", 5576L, "ALBtelecom");
        ReportId id = fixtures.submit("csam", "https://" + host + "/a.jpg");
        fixtures.assess(id, Fixtures.CSAM, cleared, second);

        List<Suggestion> suggestions = routing.suggest(cases.find(id, cleared).orElseThrow(), files.items(id, cleared));

        assertThat(suggestions).extracting(Suggestion::kind).containsExactly(AgencyKind.POLICE, AgencyKind.HOSTING_PROVIDER);
        Suggestion hostSuggestion = suggestions.get(1);
        assertThat(hostSuggestion.agency().name()).isEqualTo("ALBtelecom");
        assertThat(hostSuggestion.policeFirst()).isTrue();
        assertThat(hostSuggestion.blocked()).as("found by tracing: an analyst approves it first").contains(Agency.Blocked.NOT_APPROVED);
        assertThat(suggestions.get(0).blocked()).as("no address set by an administrator yet").contains(Agency.Blocked.NOT_READY);

        assertThatThrownBy(() -> referrals.refer(id, List.of(choice("al-police-cybercrime", false)), cleared))
                .isInstanceOfSatisfying(ReferralRefused.class, refused -> assertThat(refused.reason()).isEqualTo(ReferralRefused.Reason.NOT_READY));

        fixtures.ready("al-police-cybercrime", "cybercrime@asp.example");
        agencies.approve(hostSuggestion.agency().id(), List.of("abuse@albtelecom.example"), new Actor(cleared.id(), cleared.name()));
        List<UUID> made = referrals.refer(id, List.of(choice(hostSuggestion.agency().id(), true), choice("al-police-cybercrime", false)), cleared);

        assertThat(cases.find(id, cleared).orElseThrow().status()).isEqualTo(CaseStatus.REFERRED);
        List<Referral> listed = referrals.of(id, cleared);
        Referral police = listed.stream().filter(referral -> referral.agency().kind() == AgencyKind.POLICE).findFirst().orElseThrow();
        Referral hostReferral = listed.stream().filter(referral -> referral.agency().kind() == AgencyKind.HOSTING_PROVIDER).findFirst().orElseThrow();
        assertThat(made).hasSize(2);
        assertThat(police.nextNoticeAt()).as("the police at once, in the sending window").isEqualTo(clock.instant());
        assertThat(police.takedown()).isFalse();
        assertThat(hostReferral.takedown()).isTrue();
        assertThat(hostReferral.heldForPolice()).isTrue();
        assertThat(hostReferral.nextNoticeAt()).as("held: no notice until the police agree").isNull();
        assertThat(hostReferral.items()).extracting(Referral.Item::target).containsExactly("https://" + host + "/a.jpg");
        assertThat(hostReferral.items().get(0).outcome()).isEqualTo(Classification.Outcome.BASELINE_CSAM);

        assertThat(referrals.policeAgreed(police.id(), new Actor(null, "Policia"))).isEqualTo(1);
        Referral released = referrals.find(hostReferral.id()).orElseThrow();
        assertThat(released.heldForPolice()).isFalse();
        assertThat(released.nextNoticeAt()).as("after the first online check, an hour on").isEqualTo(clock.instant().plusSeconds(3600));
        assertThat(fixtures.timeline(id)).contains("REFERRAL_MADE", "POLICE_AGREED");

        assertThatThrownBy(() -> referrals.refer(id, List.of(choice("al-police-cybercrime", false)), cleared))
                .isInstanceOfSatisfying(ReferralRefused.class, refused -> assertThat(refused.reason()).isEqualTo(ReferralRefused.Reason.ALREADY_REFERRED));
        assertThatThrownBy(() -> referrals.of(id, uncleared)).as("need to know").isInstanceOf(CaseNotFound.class);
    }

    @Test
    void csamHostedAbroadGoesToThatCountrysHotlineAndThePolice() {
        String host = "abroad-" + UUID.randomUUID().toString().substring(0, 8) + ".nl";
        fixtures.traced(host, "NL", 60781L, "LeaseWeb");
        ReportId id = fixtures.submit("csam", "https://" + host + "/x");
        fixtures.assess(id, Fixtures.CSAM, cleared, second);

        List<Suggestion> suggestions = routing.suggest(cases.find(id, cleared).orElseThrow(), files.items(id, cleared));

        assertThat(suggestions).extracting(Suggestion::kind).containsExactly(AgencyKind.FOREIGN_HOTLINE, AgencyKind.POLICE);
        assertThat(suggestions.get(0).agency().name()).isEqualTo("Offlimits");
        assertThat(suggestions.get(0).agency().country()).isEqualTo("NL");
    }

    @Test
    void bullyingOnAPlatformGoesToThePlatformAndWithConsentToChildProtection() {
        ReportId id = fixtures.submit("cyberbullying", "https://www.instagram.com/p/" + UUID.randomUUID().toString().substring(0, 8));
        fixtures.assess(id, Classification.of(Classification.Outcome.HARMFUL_NOT_ILLEGAL, "cyberbullying"), cleared, second);

        List<Suggestion> suggestions = routing.suggest(cases.find(id, cleared).orElseThrow(), files.items(id, cleared));

        assertThat(suggestions).extracting(Suggestion::kind).containsExactly(AgencyKind.PLATFORM, AgencyKind.CHILD_PROTECTION);
        assertThat(suggestions.get(0).agency().id()).isEqualTo("platform-meta");
        assertThat(suggestions.get(0).positions()).as("the address and the account on Instagram").containsExactly(0, 1);
        assertThat(suggestions.get(1).needsConsent()).isTrue();
        assertThat(suggestions.get(1).agency().id()).isEqualTo("al-ashmdf");

        fixtures.ready("platform-meta", "flagger@meta.example");
        assertThatThrownBy(() -> referrals.refer(id, List.of(new Referrals.Choice("platform-meta", Set.of(0), true, false)), cleared))
                .as("the reporter's words only to the police")
                .isInstanceOfSatisfying(ReferralRefused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(ReferralRefused.Reason.REPORTER_ONLY_TO_POLICE));
        assertThatThrownBy(() -> referrals.refer(id, List.of(new Referrals.Choice("platform-meta", Set.of(0), false, true)), cleared))
                .as("held for the police, with no police referral")
                .isInstanceOfSatisfying(ReferralRefused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(ReferralRefused.Reason.POLICE_FIRST_WITHOUT_POLICE));
        assertThatThrownBy(() -> referrals.refer(id, List.of(new Referrals.Choice("platform-meta", Set.of(7), false, false)), cleared))
                .isInstanceOfSatisfying(ReferralRefused.class, refused -> assertThat(refused.reason()).isEqualTo(ReferralRefused.Reason.ITEM_NOT_REFERABLE));
        assertThat(cases.find(id, cleared).orElseThrow().status()).as("nothing refused changed the case").isEqualTo(CaseStatus.ASSESSED);
    }

    @Test
    void thePartnerAcknowledgesAndAnswersOnlyWhatWasSentToItsAgency() {
        fixtures.ready("al-akep", "akep@akep.example");
        ReportId id = fixtures.submit("adult-content", "https://adult-" + UUID.randomUUID().toString().substring(0, 8) + ".example/");
        fixtures.assess(id, Classification.of(Classification.Outcome.NATIONAL_ILLEGAL, "adult-content"), cleared, second);
        UUID referral = referrals.refer(id, List.of(new Referrals.Choice("al-akep", Set.of(0), false, false)), cleared).get(0);
        Actor partner = new Actor(UUID.randomUUID(), "AKEP");

        assertThatThrownBy(() -> referrals.acknowledge(referral, "al-akep", partner)).as("not sent yet")
                .isInstanceOfSatisfying(ReferralRefused.class, refused -> assertThat(refused.reason()).isEqualTo(ReferralRefused.Reason.WRONG_STATE));
        jdbc.sql("UPDATE referral SET status = 'SENT', sent_at = ? WHERE id = ?").params(java.sql.Timestamp.from(clock.instant()), referral).update();
        assertThatThrownBy(() -> referrals.acknowledge(referral, "al-police-cybercrime", partner)).as("another agency's")
                .isInstanceOfSatisfying(ReferralRefused.class, refused -> assertThat(refused.reason()).isEqualTo(ReferralRefused.Reason.UNKNOWN_REFERRAL));
        assertThat(referrals.open(referral, "al-police-cybercrime", partner)).isEmpty();

        clock.advance(java.time.Duration.ofHours(2));
        referrals.acknowledge(referral, "al-akep", partner);
        assertThatThrownBy(() -> referrals.answer(referral, "al-akep", Referral.Outcome.DECLINED, "  ", partner))
                .isInstanceOfSatisfying(ReferralRefused.class, refused -> assertThat(refused.reason()).isEqualTo(ReferralRefused.Reason.REASON_NEEDED));
        referrals.answer(referral, "al-akep", Referral.Outcome.DECLINED, "Jashtë juridiksionit <b>", partner);

        Referral answered = referrals.open(referral, "al-akep", partner).orElseThrow();
        assertThat(answered.status()).isEqualTo(ReferralStatus.DECLINED);
        assertThat(answered.outcomeReason()).isEqualTo("Jashtë juridiksionit <b>");
        assertThat(answered.timeToAnswer()).isEqualTo(java.time.Duration.ofHours(2));
        assertThat(answered.nextNoticeAt()).isNull();
        assertThat(fixtures.timeline(id)).contains("REFERRAL_ACKNOWLEDGED", "REFERRAL_OUTCOME");
        assertThat(jdbc.sql("SELECT status FROM stats_referral WHERE referral_id = ?").param(referral).query(String.class).single())
                .as("the statistics hear of the answer at once").isEqualTo("DECLINED");
        assertThatThrownBy(() -> referrals.answer(referral, "al-akep", Referral.Outcome.REMOVED, null, partner)).as("answered once")
                .isInstanceOfSatisfying(ReferralRefused.class, refused -> assertThat(refused.reason()).isEqualTo(ReferralRefused.Reason.WRONG_STATE));
    }

    private static Referrals.Choice choice(String agency, boolean policeFirst) {
        return new Referrals.Choice(agency, Set.of(0), false, policeFirst);
    }
}
