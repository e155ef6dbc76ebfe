package org.raporto.casework;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.raporto.intake.ReportStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** The status flow, every pair of states: what may follow what, and what the reporter is told. */
class CaseStatusTest {

    @Test
    void eachStateMovesOnlyAlongTheFlow() {
        assertThat(next(CaseStatus.NEW)).containsExactlyInAnyOrder(CaseStatus.IN_ASSESSMENT, CaseStatus.CLOSED);
        assertThat(next(CaseStatus.IN_ASSESSMENT)).containsExactlyInAnyOrder(CaseStatus.ASSESSED, CaseStatus.CLOSED);
        // A classification changed after assessment (four eyes withdrawn, an item reclassified) sends it back.
        assertThat(next(CaseStatus.ASSESSED)).containsExactlyInAnyOrder(CaseStatus.REFERRED, CaseStatus.CLOSED, CaseStatus.IN_ASSESSMENT);
        assertThat(next(CaseStatus.REFERRED)).containsExactly(CaseStatus.RESOLVED);
        assertThat(next(CaseStatus.RESOLVED)).isEmpty();
        assertThat(next(CaseStatus.CLOSED)).isEmpty();
    }

    @Test
    void openAndFinishedStatesAreApart() {
        for (CaseStatus status : CaseStatus.values()) {
            assertThat(status.isOpen() && status.isFinished()).as(status.name()).isFalse();
        }
        assertThat(CaseStatus.OPEN).containsExactlyInAnyOrder(CaseStatus.NEW, CaseStatus.IN_ASSESSMENT, CaseStatus.ASSESSED);
        assertThat(EnumSet.allOf(CaseStatus.class).stream().filter(CaseStatus::isFinished)).containsExactlyInAnyOrder(CaseStatus.RESOLVED, CaseStatus.CLOSED);
    }

    @Test
    void theReporterIsToldLessButTheSame() {
        assertThat(CaseStatus.NEW.forReporter()).isEqualTo(ReportStatus.RECEIVED);
        assertThat(CaseStatus.IN_ASSESSMENT.forReporter()).isEqualTo(ReportStatus.IN_REVIEW);
        assertThat(CaseStatus.ASSESSED.forReporter()).isEqualTo(ReportStatus.IN_REVIEW);
        assertThat(CaseStatus.REFERRED.forReporter()).isEqualTo(ReportStatus.ACTION_TAKEN);
        assertThat(CaseStatus.RESOLVED.forReporter()).isEqualTo(ReportStatus.ACTION_TAKEN);
        assertThat(CaseStatus.CLOSED.forReporter()).isEqualTo(ReportStatus.CLOSED);
    }

    @Test
    void theQueueOrderPutsKnownAbuseMaterialFirst() {
        assertThat(Priority.KNOWN_CSAM.urgency()).isLessThan(Priority.URGENT.urgency());
        assertThat(Priority.URGENT.urgency()).isLessThan(Priority.HIGH.urgency());
        assertThat(Priority.NORMAL.urgency()).isLessThan(Priority.LOW.urgency());
    }

    private static Set<CaseStatus> next(CaseStatus from) {
        Set<CaseStatus> next = EnumSet.noneOf(CaseStatus.class);
        for (CaseStatus to : CaseStatus.values()) {
            if (from.canBecome(to)) {
                next.add(to);
            }
        }
        return next;
    }
}
