package org.raporto.intake;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.raporto.shared.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The report categories in the order the hotline has chosen; only active ones are offered to reporters. */
@Repository
public class Categories {

    private static final Logger log = LoggerFactory.getLogger(Categories.class);

    private final JdbcClient jdbc;

    Categories(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Category> active() {
        Map<String, Row> rows = new LinkedHashMap<>();
        Map<String, Map<Language, Category.Text>> texts = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT c.code, c.requires, c.attachments_allowed, c.default_priority, t.language, t.name, t.guidance
                FROM intake_category c JOIN intake_category_text t ON t.category_code = c.code
                WHERE c.active
                ORDER BY c.position
                """).query(result -> {
            String code = result.getString("code");
            rows.putIfAbsent(code, new Row(code, Category.Requirement.valueOf(result.getString("requires")),
                    result.getBoolean("attachments_allowed"), Category.Priority.valueOf(result.getString("default_priority"))));
            Category.Text text = new Category.Text(result.getString("name"), result.getString("guidance"));
            // Texts in a language the portal does not offer are kept for the day it does.
            Language.fromCode(result.getString("language")).ifPresent(language -> texts
                    .computeIfAbsent(code, missing -> new EnumMap<>(Language.class)).put(language, text));
        });
        List<Category> categories = new ArrayList<>();
        for (Row row : rows.values()) {
            Map<Language, Category.Text> text = texts.getOrDefault(row.code(), Map.of());
            if (text.size() < Language.values().length) {
                // Offering a category half translated would show a reporter a blank choice; it waits for its text.
                log.warn("Report category {} is not offered: it has no name and guidance in every language", row.code());
                continue;
            }
            categories.add(new Category(row.code(), row.requires(), row.attachmentsAllowed(), row.priority(), text));
        }
        return categories;
    }

    public Optional<Category> active(String code) {
        return active().stream().filter(category -> category.code().equals(code)).findFirst();
    }

    private record Row(String code, Category.Requirement requires, boolean attachmentsAllowed, Category.Priority priority) {
    }
}
