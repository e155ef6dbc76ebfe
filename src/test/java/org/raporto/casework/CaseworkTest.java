package org.raporto.casework;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.raporto.intake.AgeBand;
import org.raporto.intake.Channel;
import org.raporto.intake.Contact;
import org.raporto.intake.FollowUp;
import org.raporto.intake.Happened;
import org.raporto.intake.NewReport;
import org.raporto.intake.Platform;
import org.raporto.intake.ReportId;
import org.raporto.intake.ReportIntake;
import org.raporto.intake.ReportStatus;
import org.raporto.intake.ReportedItem;
import org.raporto.intake.ReporterRole;
import org.raporto.intake.Reports;
import org.raporto.shared.Language;
import org.raporto.testing.MondayMorning;
import org.raporto.testing.MutableClock;
import org.raporto.tracing.CanonicalUrl;
import org.raporto.tracing.HostingTrace;
import org.raporto.tracing.HostingTraced;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A report's way through casework, from the queue to closed and erased, with need to know on every step. */
@SpringBootTest
@RecordApplicationEvents
@Import(MondayMorning.class)
class CaseworkTest {

    @Autowired
    ReportIntake intake;

    @Autowired
    Reports reports;

    @Autowired
    FollowUp followUp;

    @Autowired
    Cases cases;

    @Autowired
    Assessments assessments;

    @Autowired
    CaseFiles files;

    @Autowired
    Queue queue;

    @Autowired
    Retention retention;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEvents events;

    private final Analyst cleared = analyst("Arta (cleared)", true, false);
    private final Analyst uncleared = analyst("Besa (not cleared)", false, false);
    private final Analyst other = analyst("Drini", true, false);
    private final Analyst supervisor = analyst("Entela (supervisor)", true, true);

    @BeforeEach
    void nothingElseIsNew() {
        // Other tests in this context leave new reports behind; "take next" is about the ones made here.
        jdbc.sql("UPDATE casework_case SET status = 'CLOSED', close_reason = 'NOT_ACTIONABLE', assignee = NULL, assignee_name = NULL, claimed_at = NULL WHERE status <> 'CLOSED'").update();
    }

    @Test
    void everyReportOpensANewCaseWithItsItemsAndAddresses() {
        ReportId id = submit("cyberbullying", "https://bully.example/post/1", "Description a1");

        CaseSummary opened = cases.claim(id, cleared);

        assertThat(opened.status()).isEqualTo(CaseStatus.IN_ASSESSMENT);
        assertThat(opened.assigneeName()).isEqualTo(cleared.name());
        assertThat(opened.firstLookAt()).isEqualTo(clock.instant());
        assertThat(opened.priority()).isEqualTo(Priority.NORMAL);
        assertThat(opened.channel()).isEqualTo(Channel.WEB);
        assertThat(opened.hosts()).containsExactly("bully.example");
        assertThat(followUpStatus(id)).isEqualTo(ReportStatus.IN_REVIEW);
        CaseFile file = files.open(id, cleared);
        assertThat(file.report().description()).isEqualTo("Description a1");
        assertThat(file.items()).hasSize(2);
        assertThat(file.items().get(0).seen().timesReported()).isEqualTo(1);
        assertThat(audited(id, "REPORT_VIEWED")).isEqualTo(1);
    }

    @Test
    void takeNextClaimsTheMostUrgentOldestUnclaimedReport() {
        ReportId normal = submit("cyberbullying", "https://a.example/1", "n");
        clock.advance(Duration.ofMinutes(1));
        ReportId urgentOld = submit("grooming", "https://b.example/1", "u1");
        clock.advance(Duration.ofMinutes(1));
        ReportId urgentNew = submit("grooming", "https://b.example/2", "u2");

        assertThat(cases.takeNext(cleared)).contains(urgentOld);
        assertThat(cases.takeNext(other)).contains(urgentNew);
        assertThat(cases.takeNext(cleared)).contains(normal);
        assertThat(cases.takeNext(cleared)).isEmpty();
    }

    @Test
    void aClaimIsALockOthersRespectUntilReleasedOrReassignedByASupervisor() {
        ReportId id = submit("hate-speech", "https://hate.example/x", "h");
        cases.claim(id, cleared);

        assertThatThrownBy(() -> cases.claim(id, other)).isInstanceOfSatisfying(CaseConflict.class,
                conflict -> assertThat(conflict.reason()).isEqualTo(CaseConflict.Reason.CLAIMED_BY_SOMEONE_ELSE));
        assertThatThrownBy(() -> cases.close(id, CloseReason.NOT_ACTIONABLE, other)).isInstanceOf(CaseConflict.class);
        assertThatThrownBy(() -> cases.release(id, other)).isInstanceOf(CaseConflict.class);

        cases.release(id, supervisor);
        cases.claim(id, other);
        cases.close(id, CloseReason.OUT_OF_REMIT, other);

        CaseSummary closed = cases.find(id, other).orElseThrow();
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.closeReason()).isEqualTo(CloseReason.OUT_OF_REMIT);
        assertThat(closed.assignee()).isNull();
        assertThat(followUpStatus(id)).isEqualTo(ReportStatus.CLOSED);
        assertThat(events.stream(ReportClosed.class).filter(event -> event.report().equals(id))).hasSize(1);
        assertThat(audited(id, "REPORT_RELEASED")).isEqualTo(1);
    }

    @Test
    void childSexualAbuseReportsDoNotExistForAccountsWithoutTheClearance() {
        ReportId csam = submit("csam", "https://csam-host.example/gallery/7", "");
        String reference = reference(csam);
        QueueFilter byReference = new QueueFilter(Set.of(), null, null, null, false, false, null, null, null, reference);
        QueueFilter byHost = new QueueFilter(Set.of(), null, null, null, false, false, null, null, null, "csam-host");

        assertThat(queue.page(QueueFilter.open(), null, uncleared).rows()).extracting(CaseSummary::id).doesNotContain(csam);
        assertThat(queue.page(byReference, null, uncleared).rows()).isEmpty();
        assertThat(queue.page(byHost, null, uncleared).rows()).isEmpty();
        assertThat(cases.takeNext(uncleared)).isEmpty();
        assertThatThrownBy(() -> files.open(csam, uncleared)).isInstanceOf(CaseNotFound.class);
        assertThatThrownBy(() -> cases.claim(csam, uncleared)).isInstanceOf(CaseNotFound.class);
        assertThatThrownBy(() -> cases.note(csam, "x", uncleared)).isInstanceOf(CaseNotFound.class);
        queue.foldCounts();
        long restricted = jdbc.sql("SELECT count(*) FROM casework_case WHERE restricted AND status = 'NEW'").query(Long.class).single();
        assertThat(queue.counts(cleared).get(CaseStatus.NEW) - queue.counts(uncleared).get(CaseStatus.NEW)).isEqualTo(restricted).isPositive();

        assertThat(queue.page(byReference, null, cleared).rows()).extracting(CaseSummary::id).containsExactly(csam);
        assertThat(queue.page(byHost, null, cleared).rows()).extracting(CaseSummary::id).containsExactly(csam);
        assertThat(cases.takeNext(cleared)).contains(csam);
    }

    @Test
    void anItemFoundToBeAbuseMaterialRestrictsEveryCaseWithItsAddressAndAReReportJumpsTheQueue() {
        ReportId first = submit("other", "https://dark.example/a", "first");
        ReportId alsoThere = submit("fake-profile", "https://dark.example/a", "second");
        cases.claim(first, cleared);

        assessments.classify(first, List.of(0), csam(), cleared);

        assertThatThrownBy(() -> files.open(alsoThere, uncleared)).isInstanceOf(CaseNotFound.class);
        ReportId again = submit("other", "https://DARK.example/a#top", "third");
        CaseSummary reReported = queue.page(QueueFilter.open(), null, cleared).rows().get(0);
        assertThat(reReported.id()).isEqualTo(again);
        assertThat(reReported.priority()).isEqualTo(Priority.KNOWN_CSAM);
        assertThat(reReported.restricted()).isTrue();
        CaseFile file = files.open(again, cleared);
        assertThat(file.items().get(0).seen().timesReported()).isEqualTo(3);
        assertThat(file.items().get(0).seen().lastOutcome()).isEqualTo(Classification.Outcome.BASELINE_CSAM);
        assertThat(file.items().get(0).seen().earlierElsewhere()).isTrue();

        assessments.applyEarlier(again, 0, other);

        assertThat(files.open(again, other).items().get(0).classification()).isEqualTo(csam());
    }

    @Test
    void classifyingEveryItemAssessesTheReportAndFourEyesWaitForASecondAnalyst() {
        ReportId plain = submit("cyberbullying", "https://plain.example/1", "p");
        assessments.classify(plain, List.of(0, 1), Classification.of(Classification.Outcome.HARMFUL_NOT_ILLEGAL, "cyberbullying"), cleared);
        assertThat(cases.find(plain, cleared).orElseThrow().status()).isEqualTo(CaseStatus.ASSESSED);
        assertThat(events.stream(ReportAssessed.class).filter(event -> event.report().equals(plain)).findFirst().orElseThrow().outcomes())
                .containsExactly(Classification.Outcome.HARMFUL_NOT_ILLEGAL, Classification.Outcome.HARMFUL_NOT_ILLEGAL);
        assertThat(followUpStatus(plain)).isEqualTo(ReportStatus.IN_REVIEW);

        assessments.setFourEyes("hate-speech", true, supervisor.actor());
        try {
            ReportId checked = submit("hate-speech", "https://four.example/1", "f");
            assessments.classify(checked, List.of(0, 1), Classification.of(Classification.Outcome.NATIONAL_ILLEGAL, null), cleared);
            assertThat(cases.find(checked, cleared).orElseThrow().status()).isEqualTo(CaseStatus.IN_ASSESSMENT);
            assertThat(files.open(checked, cleared).items()).allMatch(CaseFile.Item::awaitsConfirmation);

            assertThatThrownBy(() -> assessments.confirm(checked, 0, cleared)).isInstanceOfSatisfying(CaseConflict.class,
                    conflict -> assertThat(conflict.reason()).isEqualTo(CaseConflict.Reason.OWN_CLASSIFICATION));
            assessments.confirm(checked, 0, other);
            assertThat(cases.find(checked, cleared).orElseThrow().status()).isEqualTo(CaseStatus.IN_ASSESSMENT);
            assessments.confirm(checked, 1, other);

            assertThat(cases.find(checked, cleared).orElseThrow().status()).isEqualTo(CaseStatus.ASSESSED);
            assertThat(events.stream(ItemClassified.class).filter(event -> event.report().equals(checked))).hasSize(2);
        }
        finally {
            assessments.setFourEyes("hate-speech", false, supervisor.actor());
        }
    }

    @Test
    void classificationsFollowIccamsRules() {
        assertThatThrownBy(() -> new Classification(Classification.Outcome.BASELINE_CSAM, null, null, null, null, null, null, false, false, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Classification(Classification.Outcome.HARMFUL_NOT_ILLEGAL, null, Classification.AgeGroup.INFANT, null,
                null, null, null, false, false, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Classification(Classification.Outcome.BASELINE_CSAM, null, Classification.AgeGroup.INFANT,
                Classification.Gender.FEMALE, Classification.SiteType.FORUM, false, "card", false, false, false)).isInstanceOf(IllegalArgumentException.class);
        ReportId id = submit("cyberbullying", "https://rules.example/1", "r");
        assertThatThrownBy(() -> assessments.classify(id, List.of(7), Classification.of(Classification.Outcome.NOT_ACTIONABLE, null), cleared))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> assessments.classify(id, List.of(0), Classification.of(Classification.Outcome.NOT_ACTIONABLE, "'; DROP TABLE x; --"), cleared))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM casework_item WHERE report_id = ? AND outcome IS NOT NULL").param(id.value()).query(Integer.class).single())
                .isZero();
    }

    @Test
    void aReportMergedIntoAnotherIsClosedAsItsDuplicateAndBothAreKeptAndLinked() {
        ReportId original = submit("fraud", "https://scam.example/win", "o");
        ReportId duplicate = submit("fraud", "https://scam.example/win", "d");

        assertThatThrownBy(() -> cases.merge(duplicate, "R-0000-000000", cleared)).isInstanceOfSatisfying(CaseConflict.class,
                conflict -> assertThat(conflict.reason()).isEqualTo(CaseConflict.Reason.MERGE_TARGET_UNKNOWN));
        assertThatThrownBy(() -> cases.merge(duplicate, reference(duplicate), cleared)).isInstanceOf(CaseConflict.class);
        cases.merge(duplicate, " " + reference(original).toLowerCase() + " ", cleared);

        CaseFile merged = files.open(duplicate, cleared);
        assertThat(merged.summary().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(merged.summary().closeReason()).isEqualTo(CloseReason.DUPLICATE);
        assertThat(merged.mergedIntoReference()).isEqualTo(reference(original));
        assertThat(files.open(original, cleared).mergedHere()).containsExactly(reference(duplicate));
    }

    @Test
    void notesAreSealedAndRepliesReachTheReporter() {
        ReportId id = submit("cyberbullying", "https://notes.example/1", "n");
        cases.note(id, "  Called the school; secret 7c1e  ", cleared);
        cases.reply(id, "We have asked the platform to remove it.", cleared);

        assertThat(jdbc.sql("SELECT count(*) FROM casework_note WHERE report_id = ? AND position('7c1e' IN encode(body, 'escape')) > 0")
                .param(id.value()).query(Integer.class).single()).isZero();
        CaseFile file = files.open(id, cleared);
        assertThat(file.notes()).extracting(CaseFile.Note::text).containsExactly("Called the school; secret 7c1e");
        assertThat(file.report().messages()).extracting(FollowUp.Message::text).containsExactly("We have asked the platform to remove it.");
        assertThat(file.timeline()).extracting(CaseFile.Event::kind).contains("RECEIVED", "NOTE_ADDED", "REPLY_SENT", "HOTLINE_MESSAGE")
                .doesNotContain("REPORT_VIEWED");
        assertThatThrownBy(() -> cases.note(id, "x".repeat(Cases.MAX_TEXT + 1), cleared)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cases.reply(id, "  ", cleared)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cases.reply(id, "mine", other)).isInstanceOf(CaseConflict.class);
    }

    @Test
    void retentionErasesWhatTheReporterGaveOnceTheCategorysPeriodHasPassedAndKeepsTheFacts() {
        ReportId id = submit("cyberbullying", "https://keep.example/1", "Erase me 9d2b");
        cases.note(id, "a note", cleared);
        cases.close(id, CloseReason.NOT_ACTIONABLE, cleared);

        clock.advance(Duration.ofDays(89));
        retention.eraseDue();
        assertThat(files.open(id, cleared).report().erased()).isFalse();

        clock.advance(Duration.ofDays(2));
        retention.eraseDue();

        CaseFile erased = files.open(id, cleared);
        assertThat(erased.report().erased()).isTrue();
        assertThat(erased.report().description()).isEmpty();
        assertThat(erased.report().items()).extracting(item -> item.typed()).containsOnly("");
        assertThat(erased.notes()).isEmpty();
        assertThat(erased.summary().erasedAt()).isNotNull();
        assertThat(erased.summary().category()).isEqualTo("cyberbullying");
        assertThat(jdbc.sql("SELECT data_key IS NULL AND description IS NULL AND contact IS NULL FROM intake_report WHERE id = ?").param(id.value())
                .query(Boolean.class).single()).isTrue();
        assertThat(audited(id, "REPORT_ERASED")).isEqualTo(1);
        assertThat(retention.eraseDue()).isZero();
        assertThatThrownBy(() -> cases.note(id, "too late", cleared)).isInstanceOf(CaseConflict.class);
    }

    @Test
    void theQueueIsWalkedByKeyWithoutLosingOrRepeatingARowWhileReportsKeepArriving() {
        for (int n = 0; n < 130; n++) {
            submit(n % 3 == 0 ? "grooming" : "cyberbullying", "https://walk.example/" + n, "w" + n);
            clock.advance(Duration.ofSeconds(1));
        }
        QueueFilter walk = new QueueFilter(Set.of(CaseStatus.NEW), null, null, null, true, false, null, null, null, "walk.example");
        List<CaseSummary> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Queue.Page page = queue.page(walk, cursor, cleared);
            seen.addAll(page.rows());
            cursor = page.next();
            pages++;
        }
        while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(130);
        assertThat(new HashSet<>(seen.stream().map(CaseSummary::id).toList())).hasSize(130);
        assertThat(seen).isSortedAccordingTo((a, b) -> a.priority() != b.priority() ? a.priority().compareTo(b.priority())
                : a.receivedAt().compareTo(b.receivedAt()));
        assertThat(queue.page(walk, "not-a-cursor%00'--", cleared).rows()).hasSize(Queue.PAGE);
    }

    @Test
    void aTracedHostFindsEveryCaseThatPointsAtItByCountry() {
        ReportId id = submit("hate-speech", "https://hosted-in-nl.example/page", "nl");
        QueueFilter dutch = new QueueFilter(Set.of(), null, null, null, false, false, null, null, "nl", null);
        assertThat(queue.page(dutch, null, cleared).rows()).extracting(CaseSummary::id).doesNotContain(id);

        cases.traced(new HostingTraced("hosted-in-nl.example", HostingTrace.State.TRACED, null, "NL", List.of("NL"), false, clock.instant()));
        cases.traced(new HostingTraced("hosted-in-nl.example", HostingTrace.State.NOT_TRACED, HostingTrace.Reason.TIMEOUT, null, List.of(), false,
                clock.instant()));

        assertThat(queue.page(dutch, null, cleared).rows()).extracting(CaseSummary::id).contains(id);
        assertThat(cases.find(id, cleared).orElseThrow().hostingCountries()).containsExactly("NL");
        assertThat(jdbc.sql("SELECT count(*) FROM tracing_host WHERE host = 'hosted-in-nl.example'").query(Integer.class).single()).isOne();
    }

    @Test
    void foldedCountsAreTheCountsOfTheRows() {
        submit("cyberbullying", "https://count.example/1", "c");
        queue.foldCounts();
        queue.foldCounts();
        for (CaseStatus status : CaseStatus.values()) {
            long rows = jdbc.sql("SELECT count(*) FROM casework_case WHERE status = ?").param(status.name()).query(Long.class).single();
            assertThat(queue.counts(cleared).get(status)).as(status.name()).isEqualTo(rows);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM casework_status_count").query(Long.class).single()).isLessThanOrEqualTo(2L * CaseStatus.values().length);
    }

    private ReportId submit(String category, String url, String description) {
        List<ReportedItem> items = category.equals("csam") || category.equals("adult-content")
                ? List.of(new ReportedItem.Address(CanonicalUrl.parse(url)))
                : List.of(new ReportedItem.Address(CanonicalUrl.parse(url)), new ReportedItem.Account(Platform.INSTAGRAM, "acct_" + UUID.randomUUID()));
        NewReport report = new NewReport(category, items, description.isEmpty() ? "seen" : description, Happened.TODAY, AgeBand.FROM_13_TO_15,
                ReporterRole.PARENT, new Contact(Contact.Kind.PHONE, "+355 69 000 0000"), List.of());
        String reference = intake.submit(report, Channel.WEB, Language.SQ, UUID.randomUUID()).reference();
        return new ReportId(jdbc.sql("SELECT id FROM intake_report WHERE reference = ?").param(reference).query(UUID.class).single());
    }

    private String reference(ReportId id) {
        return jdbc.sql("SELECT reference FROM casework_case WHERE report_id = ?").param(id.value()).query(String.class).single();
    }

    private ReportStatus followUpStatus(ReportId id) {
        return ReportStatus.valueOf(jdbc.sql("SELECT status FROM intake_report WHERE id = ?").param(id.value()).query(String.class).single());
    }

    private int audited(ReportId id, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE object_type = 'report' AND object_id = ? AND action = ?")
                .params(id.value().toString(), action).query(Integer.class).single();
    }

    private static Classification csam() {
        return new Classification(Classification.Outcome.BASELINE_CSAM, "csam", Classification.AgeGroup.PRE_PUBESCENT,
                Classification.Gender.FEMALE, Classification.SiteType.IMAGE_HOST, true, "crypto", false, false, true);
    }

    private static Analyst analyst(String name, boolean cleared, boolean supervisor) {
        return new Analyst(UUID.randomUUID(), name, cleared, supervisor);
    }
}
