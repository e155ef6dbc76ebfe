package org.raporto.content.editing;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/**
 * What changed between two revisions, field by field, line by line: the changed lines with a few unchanged ones around
 * them, the long unchanged stretches between left out (and counted), as a reviewer reads a change.
 */
public final class RevisionDiff {

    /** Unchanged lines shown before and after each change. */
    static final int CONTEXT = 2;

    public enum Kind {
        SAME, ADDED, REMOVED, SKIPPED
    }

    /** One line; for {@link Kind#SKIPPED}, {@code text} is empty and {@code skipped} says how many lines were left out. */
    public record Line(Kind kind, String text, int skipped) {
    }

    /** One field's change; no lines when it did not change. */
    public record Field(String name, List<Line> lines) {

        public boolean changed() {
            return lines.stream().anyMatch(line -> line.kind() == Kind.ADDED || line.kind() == Kind.REMOVED);
        }
    }

    private RevisionDiff() {
    }

    /** The title, summary, body and the other fields (as one text each) of {@code from} and {@code to}. */
    public static List<Field> between(Draft from, Draft to) {
        return List.of(field("title", from.title(), to.title()), field("summary", from.summary(), to.summary()),
                field("body", from.body(), to.body()), field("details", details(from), details(to)));
    }

    static Field field(String name, String from, String to) {
        if (from.equals(to)) {
            return new Field(name, List.of());
        }
        List<String> before = from.lines().toList();
        List<String> after = to.lines().toList();
        Patch<String> patch = DiffUtils.diff(before, after);
        List<Line> lines = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int start = delta.getSource().getPosition();
            unchanged(lines, before, position, start, !lines.isEmpty(), true);
            delta.getSource().getLines().forEach(line -> lines.add(new Line(Kind.REMOVED, line, 0)));
            delta.getTarget().getLines().forEach(line -> lines.add(new Line(Kind.ADDED, line, 0)));
            position = start + delta.getSource().size();
        }
        unchanged(lines, before, position, before.size(), true, false);
        return new Field(name, lines);
    }

    /** Unchanged lines {@code from…to}: those near a change shown, the rest counted as skipped. */
    private static void unchanged(List<Line> lines, List<String> source, int from, int to, boolean afterChange, boolean beforeChange) {
        int head = afterChange ? Math.min(to, from + CONTEXT) : from;
        int tail = beforeChange ? Math.max(head, to - CONTEXT) : to;
        for (int i = from; i < head; i++) {
            lines.add(new Line(Kind.SAME, source.get(i), 0));
        }
        if (tail > head) {
            lines.add(new Line(Kind.SKIPPED, "", tail - head));
        }
        for (int i = tail; i < to; i++) {
            lines.add(new Line(Kind.SAME, source.get(i), 0));
        }
    }

    /** The fields besides the text, one per line, as an editor would name them. */
    private static String details(Draft draft) {
        return String.join("\n", "type: " + draft.type(), "slug: " + draft.slug(), "audiences: " + draft.audiences(),
                "topics: " + draft.topics(), "page: " + nullable(draft.pageKey()), "link: " + nullable(draft.linkUrl()),
                "media: " + nullable(draft.mediaId()), "role: " + nullable(draft.partnerRole()), "featured: " + draft.featured(),
                "position: " + draft.position());
    }

    private static String nullable(@Nullable Object value) {
        return value == null ? "-" : value.toString();
    }
}
