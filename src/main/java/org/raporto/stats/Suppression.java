package org.raporto.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Small cells of public tables. A count under {@link #THRESHOLD} is never published: it reads "< 5". Where a table's
 * total is published and exactly one of its cells is small, that cell could be worked out by subtracting the others
 * from the total, so the smallest other cell is withheld too (secondary suppression). A table whose total is itself
 * small is withheld whole.
 */
public final class Suppression {

    public static final int THRESHOLD = 5;

    private Suppression() {
    }

    /** How a cell is published. */
    public enum Shown {
        /** The exact count. */
        EXACT,
        /** Under five: "< 5". */
        SMALL,
        /** Five or more, withheld so that a small cell cannot be worked out from the total. */
        WITHHELD
    }

    public record Cell(String key, long count, Shown shown) {

        /** The count, or null when it must not be shown. */
        public Long published() {
            return shown == Shown.EXACT ? count : null;
        }
    }

    /** The cells of a table whose total is published, in the order given. */
    public static List<Cell> of(List<Figures.Count> counts) {
        List<Cell> cells = new ArrayList<>();
        long total = counts.stream().mapToLong(Figures.Count::reports).sum();
        for (Figures.Count count : counts) {
            cells.add(new Cell(count.key(), count.reports(), total < THRESHOLD || count.reports() < THRESHOLD ? Shown.SMALL : Shown.EXACT));
        }
        long small = cells.stream().filter(cell -> cell.shown() == Shown.SMALL).count();
        if (small == 1) {
            IntStream.range(0, cells.size())
                    .filter(i -> cells.get(i).shown() == Shown.EXACT)
                    .boxed()
                    .min(Comparator.comparingLong(i -> cells.get(i).count()))
                    .ifPresent(i -> cells.set(i, new Cell(cells.get(i).key(), cells.get(i).count(), Shown.WITHHELD)));
        }
        return List.copyOf(cells);
    }

    /** A total on its own: exact from five up. */
    public static Cell total(String key, long count) {
        return new Cell(key, count, count < THRESHOLD ? Shown.SMALL : Shown.EXACT);
    }
}
