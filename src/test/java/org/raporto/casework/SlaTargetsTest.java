package org.raporto.casework;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.raporto.audit.Actor;
import org.raporto.audit.AuditAction;
import org.raporto.audit.AuditEntry;
import org.raporto.audit.AuditLog;
import org.raporto.audit.AuditQuery;
import org.raporto.intake.Categories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The targets per category that Flyway V19 seeds, and administrators' changes to them, audited. */
@SpringBootTest
class SlaTargetsTest {

    private static final Actor ADMIN = new Actor(UUID.fromString("7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d"), "Ilir Berisha");

    @Autowired
    SlaTargets targets;

    @Autowired
    Categories categories;

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void childSexualAbuseAndGroomingGetAFirstLookWithinFourWorkingHoursAndAnAssessmentWithinOneWorkingDay() {
        for (String code : List.of("csam", "grooming")) {
            assertThat(targets.of(code)).isEqualTo(new SlaTarget(code, WorkingTime.ofHours(4), WorkingTime.ofDays(1)));
        }
    }

    @Test
    void everyOtherCategoryOfIntakeHasAFirstLookWithinOneWorkingDayAndAnAssessmentWithinTwo() {
        List<String> codes = categories.all().stream().map(listed -> listed.category().code()).toList();
        assertThat(targets.all()).extracting(SlaTarget::categoryCode).containsExactlyInAnyOrderElementsOf(codes);
        for (String code : codes) {
            if (!code.equals("csam") && !code.equals("grooming")) {
                assertThat(targets.of(code)).as(code).isEqualTo(new SlaTarget(code, WorkingTime.ofDays(1), WorkingTime.ofDays(2)));
            }
        }
    }

    @Test
    void aCategoryWithoutATargetOfItsOwnGetsTheStandardOne() {
        assertThat(targets.of("added-later")).isEqualTo(SlaTarget.standard("added-later"));
    }

    @Test
    @Transactional
    void anAdministratorsChangeIsSeenAtOnceAndAudited() {
        boolean changed = targets.change(new SlaTarget("sextortion", WorkingTime.ofHours(4), new WorkingTime(1, 120)), ADMIN);

        assertThat(changed).isTrue();
        assertThat(targets.of("sextortion")).isEqualTo(new SlaTarget("sextortion", WorkingTime.ofHours(4), new WorkingTime(1, 120)));
        AuditEntry entry = latest("sextortion");
        assertThat(entry.actor()).isEqualTo(ADMIN);
        assertThat(entry.details()).containsExactly(Map.entry("assessmentFrom", "2d"), Map.entry("assessmentTo", "1d2h"),
                Map.entry("firstLookFrom", "1d"), Map.entry("firstLookTo", "4h"));
    }

    @Test
    @Transactional
    void settingTheTargetACategoryAlreadyHasRecordsNothing() {
        assertThat(targets.change(new SlaTarget("csam", WorkingTime.ofHours(4), WorkingTime.ofDays(1)), ADMIN)).isFalse();

        assertThat(auditLog.find(AuditQuery.newest(1).withAction(AuditAction.SLA_TARGET_CHANGED).onObject("category", "csam"))).isEmpty();
    }

    @Test
    @Transactional
    void aCategoryWithoutATargetGetsOneOfItsOwn() {
        targets.change(new SlaTarget("added-later", WorkingTime.ofHours(2), WorkingTime.ofHours(6)), ADMIN);

        assertThat(targets.of("added-later").firstLook()).isEqualTo(WorkingTime.ofHours(2));
        assertThat(latest("added-later").details()).containsEntry("firstLookFrom", "").containsEntry("firstLookTo", "2h");
    }

    @Test
    void anAssessmentDueBeforeTheFirstLookIsRefusedAndNothingChanges() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status ->
                targets.change(new SlaTarget("fraud", WorkingTime.ofDays(1), WorkingTime.ofHours(7)), ADMIN)))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(targets.of("fraud")).isEqualTo(new SlaTarget("fraud", WorkingTime.ofDays(1), WorkingTime.ofDays(2)));
    }

    @Test
    void aChangeRolledBackIsForgottenAtOnce() {
        transactions.executeWithoutResult(status -> {
            targets.change(new SlaTarget("fraud", WorkingTime.ofHours(1), WorkingTime.ofHours(2)), ADMIN);
            assertThat(targets.of("fraud").firstLook()).as("inside the transaction").isEqualTo(WorkingTime.ofHours(1));
            status.setRollbackOnly();
        });

        assertThat(targets.of("fraud").firstLook()).isEqualTo(WorkingTime.ofDays(1));
    }

    @Test
    @Transactional
    void theDatabaseRefusesATargetOfNoTimeWhoeverWritesIt() {
        assertThatThrownBy(() -> jdbc.sql("UPDATE casework_sla_target SET first_look_days = 0, first_look_minutes = 0 WHERE category_code = 'csam'")
                .update()).isInstanceOf(DataIntegrityViolationException.class);
    }

    private AuditEntry latest(String category) {
        List<AuditEntry> entries = auditLog.find(AuditQuery.newest(1).withAction(AuditAction.SLA_TARGET_CHANGED).onObject("category", category));
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }
}
