package org.raporto.intake;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.raporto.audit.Actor;
import org.raporto.audit.AuditAction;
import org.raporto.audit.AuditLog;
import org.raporto.shared.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The report categories in the order the hotline has chosen; only active ones are offered to reporters. */
@Repository
public class Categories {

    private static final Logger log = LoggerFactory.getLogger(Categories.class);

    static final String CSAM = "csam";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    Categories(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public List<Category> active() {
        return load(true).stream().filter(Listed::complete).map(Listed::category).toList();
    }

    /** Every category, offered or not, with whatever texts it has: for administrators. */
    public List<Listed> all() {
        return load(false);
    }

    /**
     * Changes a category as an administrator decided, in both languages at once, and audits it.
     *
     * @throws IllegalArgumentException when a text is missing or too long, the retention period is outside 1 to
     *                                  3,650 days, or screenshots or anything but an address are asked of child sexual
     *                                  abuse reports
     */
    @Transactional
    public void change(Category changed, boolean active, Actor by) {
        String code = changed.code();
        if (code.equals(CSAM) && (changed.attachmentsAllowed() || changed.requires() != Category.Requirement.URL)) {
            throw new IllegalArgumentException("Child sexual abuse reports need an address and take no screenshots");
        }
        if (changed.retentionDays() < 1 || changed.retentionDays() > Category.LONGEST_RETENTION_DAYS) {
            throw new IllegalArgumentException("A retention period is between 1 and 3,650 days");
        }
        for (Language language : Language.values()) {
            Category.Text text = changed.in(language);
            if (text.name().isBlank() || text.name().length() > 120 || text.guidance().isBlank() || text.guidance().length() > 2000) {
                throw new IllegalArgumentException("Every language needs a name (up to 120 characters) and guidance (up to 2,000)");
            }
        }
        String[] routing = changed.routing().stream().map(Enum::name).toArray(String[]::new);
        int updated = jdbc.sql("""
                UPDATE intake_category SET requires = ?, attachments_allowed = ?, default_priority = ?, active = ?, retention_days = ?,
                    default_routing = ? WHERE code = ?""")
                .params(changed.requires().name(), changed.attachmentsAllowed(), changed.priority().name(), active, changed.retentionDays(),
                        routing, code).update();
        if (updated == 0) {
            throw new IllegalArgumentException("No such category");
        }
        changed.texts().forEach((language, text) -> jdbc.sql("""
                INSERT INTO intake_category_text (category_code, language, name, guidance) VALUES (?, ?, ?, ?)
                ON CONFLICT (category_code, language) DO UPDATE SET name = excluded.name, guidance = excluded.guidance""")
                .params(code, language.code(), text.name().strip(), text.guidance().strip()).update());
        audit.record(by, AuditAction.CATEGORY_CHANGED, "category", code, Map.of("requires", changed.requires().name(),
                "attachmentsAllowed", String.valueOf(changed.attachmentsAllowed()), "priority", changed.priority().name(),
                "active", String.valueOf(active), "retentionDays", String.valueOf(changed.retentionDays()),
                "routing", String.join(",", routing)));
    }

    private List<Listed> load(boolean onlyActive) {
        Map<String, Row> rows = new LinkedHashMap<>();
        Map<String, Map<Language, Category.Text>> texts = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT c.code, c.requires, c.attachments_allowed, c.default_priority, c.active, c.retention_days, c.default_routing,
                       t.language, t.name, t.guidance
                FROM intake_category c JOIN intake_category_text t ON t.category_code = c.code
                WHERE c.active OR NOT :onlyActive
                ORDER BY c.position
                """).param("onlyActive", onlyActive).query(result -> {
            String code = result.getString("code");
            rows.putIfAbsent(code, new Row(code, Category.Requirement.valueOf(result.getString("requires")),
                    result.getBoolean("attachments_allowed"), Category.Priority.valueOf(result.getString("default_priority")),
                    result.getBoolean("active"), result.getInt("retention_days"), recipients(result.getArray("default_routing"))));
            Category.Text text = new Category.Text(result.getString("name"), result.getString("guidance"));
            // Texts in a language the portal does not offer are kept for the day it does.
            Language.fromCode(result.getString("language")).ifPresent(language -> texts
                    .computeIfAbsent(code, missing -> new EnumMap<>(Language.class)).put(language, text));
        });
        List<Listed> categories = new ArrayList<>();
        for (Row row : rows.values()) {
            Map<Language, Category.Text> text = new EnumMap<>(Language.class);
            text.putAll(texts.getOrDefault(row.code(), Map.of()));
            boolean complete = text.size() == Language.values().length;
            if (!complete && onlyActive) {
                // Offering a category half translated would show a reporter a blank choice; it waits for its text.
                log.warn("Report category {} is not offered: it has no name and guidance in every language", row.code());
            }
            for (Language language : Language.values()) {
                text.putIfAbsent(language, new Category.Text("", ""));
            }
            categories.add(new Listed(new Category(row.code(), row.requires(), row.attachmentsAllowed(), row.priority(),
                    row.retentionDays(), row.routing(), text), row.active(), complete));
        }
        return categories;
    }

    public Optional<Category> active(String code) {
        return active().stream().filter(category -> category.code().equals(code)).findFirst();
    }

    /**
     * A category as administrators see it.
     *
     * @param complete whether it has a name and guidance in every language (otherwise it is not offered, active or not)
     */
    public record Listed(Category category, boolean active, boolean complete) {
    }

    private static Set<Category.Recipient> recipients(Array names) throws SQLException {
        Set<Category.Recipient> recipients = EnumSet.noneOf(Category.Recipient.class);
        for (Object name : (Object[]) names.getArray()) {
            recipients.add(Category.Recipient.valueOf((String) name));
        }
        return recipients;
    }

    private record Row(String code, Category.Requirement requires, boolean attachmentsAllowed, Category.Priority priority,
            boolean active, int retentionDays, Set<Category.Recipient> routing) {
    }
}
