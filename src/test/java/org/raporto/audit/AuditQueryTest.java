package org.raporto.audit;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditQueryTest {

    private static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");

    @Test
    void filtersAddUpAndTheNextPageKeepsThem() {
        UUID actor = UUID.randomUUID();
        AuditQuery query = AuditQuery.newest(50).byActor(actor).withAction(AuditAction.REPORT_VIEWED).onObject("report", "R-1")
                .between(NOON, NOON.plusSeconds(3600));

        assertThat(query.olderThan(120)).isEqualTo(new AuditQuery(120L, 50, actor, AuditAction.REPORT_VIEWED, "report", "R-1",
                NOON, NOON.plusSeconds(3600)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, AuditQuery.MAX_LIMIT + 1})
    void refusesALimitOutOfRange(int limit) {
        assertThatThrownBy(() -> AuditQuery.newest(limit)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesPagesBeforeTheFirstEntry() {
        assertThatThrownBy(() -> AuditQuery.newest(10).olderThan(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnObjectIdWithoutItsType() {
        assertThatThrownBy(() -> AuditQuery.newest(10).onObject(null, "R-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesATimeRangeThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> AuditQuery.newest(10).between(NOON, NOON)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditQuery.newest(10).between(NOON, NOON.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
