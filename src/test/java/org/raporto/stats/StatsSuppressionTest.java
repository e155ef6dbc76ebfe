package org.raporto.stats;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.raporto.stats.Figures.Count;
import org.raporto.stats.Suppression.Shown;

import static org.assertj.core.api.Assertions.assertThat;

class StatsSuppressionTest {

    @Test
    void countsUnderFiveAreNeverPublished() {
        assertThat(Suppression.of(List.of(new Count("a", 12), new Count("b", 4), new Count("c", 0), new Count("d", 5))))
                .extracting(Suppression.Cell::shown).containsExactly(Shown.EXACT, Shown.SMALL, Shown.SMALL, Shown.EXACT);
    }

    @Test
    void aLoneSmallCellTakesTheSmallestOtherWithItSoTheTotalCannotGiveItAway() {
        // Total 16 is published: with 7 and 6 shown, 3 would be 16 − 13.
        List<Suppression.Cell> cells = Suppression.of(List.of(new Count("hate", 7), new Count("fraud", 3), new Count("bully", 6)));

        assertThat(cells).extracting(Suppression.Cell::shown).containsExactly(Shown.EXACT, Shown.SMALL, Shown.WITHHELD);
        assertThat(cells).extracting(Suppression.Cell::published).containsExactly(7L, null, null);
    }

    @Test
    void aSmallTotalHidesEveryCell() {
        assertThat(Suppression.of(List.of(new Count("a", 2), new Count("b", 2)))).extracting(Suppression.Cell::shown)
                .containsOnly(Shown.SMALL);
        assertThat(Suppression.total("t", 4).published()).isNull();
        assertThat(Suppression.total("t", 5).published()).isEqualTo(5);
    }

    @Test
    void twoSmallCellsNeedNoOtherWithheld() {
        assertThat(Suppression.of(List.of(new Count("a", 9), new Count("b", 1), new Count("c", 2)))).extracting(Suppression.Cell::shown)
                .containsExactly(Shown.EXACT, Shown.SMALL, Shown.SMALL);
    }
}
