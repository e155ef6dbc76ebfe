package org.raporto.intake;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A report as the reporter finished it, before it is stored: checked field by field, but not yet against its
 * category (see {@link ReportRules}).
 *
 * @param description what happened, in the reporter's words; may be empty
 * @param contact     how to reach the reporter; null when they stay anonymous
 */
public record NewReport(String category, List<ReportedItem> items, String description, Happened happened, AgeBand childAge,
        ReporterRole reporterRole, @Nullable Contact contact) {

    public static final int MAX_ITEMS = 20;
    public static final int MAX_DESCRIPTION = 5000;

    public NewReport {
        items = List.copyOf(items);
        description = description.strip();
    }

    public Optional<Contact> contactIfAny() {
        return Optional.ofNullable(contact);
    }

    public boolean hasAddress() {
        return items.stream().anyMatch(ReportedItem.Address.class::isInstance);
    }

    public boolean hasAccount() {
        return items.stream().anyMatch(ReportedItem.Account.class::isInstance);
    }
}
