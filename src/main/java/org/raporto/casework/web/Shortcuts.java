package org.raporto.casework.web;

import java.util.List;

/**
 * The report page's keyboard shortcuts as the page lists them; {@code static/js/casework.js} acts on the same keys.
 *
 * @param keys       the keys, each pressed alone
 * @param messageKey what it does, in the message bundles
 */
public record Shortcuts(List<String> keys, String messageKey) {

    public static final List<Shortcuts> ALL = List.of(
            new Shortcuts(List.of("t"), "casework.queue.takeNext"),
            new Shortcuts(List.of("c"), "casework.actions.claim"),
            new Shortcuts(List.of("a"), "casework.shortcuts.all"),
            new Shortcuts(List.of("1", "2", "3", "4", "5", "6"), "casework.shortcuts.outcome"),
            new Shortcuts(List.of("s"), "casework.classify.submit"),
            new Shortcuts(List.of("r"), "casework.messages.reply"),
            new Shortcuts(List.of("n"), "casework.notes.add"),
            new Shortcuts(List.of("x"), "casework.close.reason"),
            new Shortcuts(List.of("?"), "casework.shortcuts.title"));
}
