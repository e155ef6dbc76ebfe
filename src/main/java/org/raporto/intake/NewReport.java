package org.raporto.intake;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A report as the reporter finished it, before it is stored: checked field by field, but not yet against its
 * category (see {@link ReportRules}).
 *
 * @param description what happened, in the reporter's words; may be empty
 * @param contact     how to reach the reporter; null when they stay anonymous
 * @param screenshots uploads waiting in {@link Screenshots}, in the order the reporter added them
 */
public record NewReport(String category, List<ReportedItem> items, String description, Happened happened, AgeBand childAge,
        ReporterRole reporterRole, @Nullable Contact contact, List<UUID> screenshots) {

    public static final int MAX_ITEMS = 20;
    public static final int MAX_DESCRIPTION = 5000;

    public NewReport {
        items = List.copyOf(items);
        description = description.strip();
        screenshots = List.copyOf(screenshots);
    }

    /** A report without screenshots. */
    public NewReport(String category, List<ReportedItem> items, String description, Happened happened, AgeBand childAge,
            ReporterRole reporterRole, @Nullable Contact contact) {
        this(category, items, description, happened, childAge, reporterRole, contact, List.of());
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
