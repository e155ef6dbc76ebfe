package org.raporto.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.raporto.audit.Actor;
import org.raporto.audit.AuditAction;
import org.raporto.audit.AuditLog;
import org.raporto.intake.Categories;
import org.raporto.intake.ReportId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Classifies reported items, alone or several at once, with the second analyst's confirmation where the category asks
 * for four eyes. A classification is final when it needs no confirmation or has it; when every item of a report is
 * final, the report is assessed. An item found to be child sexual abuse material restricts every case that points at
 * its address to cleared accounts.
 */
@Service
public class Assessments {

    private final JdbcClient jdbc;
    private final CaseStore store;
    private final Cases cases;
    private final Categories categories;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Assessments(JdbcClient jdbc, CaseStore store, Cases cases, Categories categories, AuditLog audit, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.cases = cases;
        this.categories = categories;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Classifies items of one report at once (bulk), as the analyst who holds the case (taking it if nobody does).
     *
     * @throws IllegalArgumentException when a position is not an item of the report, or the harm category is unknown
     * @throws CaseConflict             when someone else holds the case or it is past assessment
     */
    @Transactional
    public void classify(ReportId id, Collection<Integer> positions, Classification classification, Analyst analyst) {
        if (positions.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one item");
        }
        if (classification.harmCategory() != null
                && categories.all().stream().noneMatch(listed -> listed.category().code().equals(classification.harmCategory()))) {
            throw new IllegalArgumentException("No such category");
        }
        CaseSummary current = cases.changing(id, analyst);
        if (current.status() != CaseStatus.IN_ASSESSMENT && current.status() != CaseStatus.ASSESSED) {
            throw new CaseConflict(CaseConflict.Reason.WRONG_STATE);
        }
        boolean fourEyes = fourEyes(current.category());
        Instant now = clock.instant();
        for (int position : positions) {
            int updated = jdbc.sql("""
                    UPDATE casework_item SET outcome = :outcome, harm_category = :harm, age_group = :age, gender = :gender,
                        site_type = :site, commercial = :commercial, payment_method = :payment, virtual = :virtual,
                        child_modelling = :modelling, user_generated = :userGenerated, classified_by = :by, classified_by_name = :name,
                        classified_at = :now, confirmed_by = NULL, confirmed_by_name = NULL, confirmed_at = NULL
                    WHERE report_id = :id AND position = :position""")
                    .param("outcome", classification.outcome().name())
                    .param("harm", classification.harmCategory())
                    .param("age", name(classification.ageGroup()))
                    .param("gender", name(classification.gender()))
                    .param("site", name(classification.siteType()))
                    .param("commercial", classification.commercial())
                    .param("payment", classification.paymentMethod())
                    .param("virtual", classification.outcome().isCsam() ? classification.virtual() : null)
                    .param("modelling", classification.outcome().isCsam() ? classification.childModelling() : null)
                    .param("userGenerated", classification.outcome().isCsam() ? classification.userGenerated() : null)
                    .param("by", analyst.id())
                    .param("name", analyst.name())
                    .param("now", Timestamp.from(now))
                    .param("id", id.value())
                    .param("position", position)
                    .update();
            if (updated == 0) {
                throw new IllegalArgumentException("No such item");
            }
            audit.record(analyst.actor(), AuditAction.ITEM_CLASSIFIED, Cases.OBJECT, id.value().toString(),
                    Map.of("reference", current.reference(), "position", String.valueOf(position + 1), "outcome", classification.outcome().name(),
                            "fourEyes", String.valueOf(fourEyes)));
            if (classification.outcome().isCsam()) {
                restrictEveryCaseWithTheAddress(id, position);
            }
            if (!fourEyes) {
                finalised(current, position, classification.outcome(), now);
            }
        }
        reassess(current, analyst);
    }

    /**
     * A second analyst confirms a classification: four eyes. Anyone who may see the case may confirm, except the
     * analyst who classified the item.
     */
    @Transactional
    public void confirm(ReportId id, int position, Analyst analyst) {
        CaseSummary current = store.lock(id, analyst);
        if (current.status() != CaseStatus.IN_ASSESSMENT && current.status() != CaseStatus.ASSESSED) {
            throw new CaseConflict(CaseConflict.Reason.WRONG_STATE);
        }
        var item = jdbc.sql("SELECT outcome, classified_by, confirmed_at FROM casework_item WHERE report_id = ? AND position = ?")
                .params(id.value(), position)
                .query((row, number) -> new Object[] {row.getString("outcome"), row.getObject("classified_by", UUID.class), row.getTimestamp("confirmed_at")})
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("No such item"));
        if (item[0] == null || item[2] != null) {
            throw new CaseConflict(CaseConflict.Reason.NOTHING_TO_CONFIRM);
        }
        if (analyst.id().equals(item[1])) {
            throw new CaseConflict(CaseConflict.Reason.OWN_CLASSIFICATION);
        }
        Instant now = clock.instant();
        jdbc.sql("UPDATE casework_item SET confirmed_by = ?, confirmed_by_name = ?, confirmed_at = ? WHERE report_id = ? AND position = ?")
                .params(analyst.id(), analyst.name(), Timestamp.from(now), id.value(), position).update();
        Classification.Outcome outcome = Classification.Outcome.valueOf((String) item[0]);
        audit.record(analyst.actor(), AuditAction.ITEM_CONFIRMED, Cases.OBJECT, id.value().toString(),
                Map.of("reference", current.reference(), "position", String.valueOf(position + 1), "outcome", outcome.name()));
        finalised(current, position, outcome, now);
        reassess(current, analyst);
    }

    /** The last final classification of the same address in another report, to apply here with one action. */
    public Optional<Classification> earlier(ReportId id, int position) {
        return jdbc.sql("""
                SELECT e.outcome, e.harm_category, e.age_group, e.gender, e.site_type, e.commercial, e.payment_method, e.virtual,
                    e.child_modelling, e.user_generated
                FROM casework_item i JOIN casework_url u ON u.id = i.url_id
                JOIN casework_item e ON e.report_id = u.last_assessed_report AND e.position = u.last_assessed_position
                WHERE i.report_id = ? AND i.position = ? AND u.last_assessed_report <> i.report_id AND e.outcome IS NOT NULL""")
                .params(id.value(), position)
                .query((row, number) -> CaseStore.classification(row))
                .optional();
    }

    /** Applies the earlier assessment of the item's address. */
    @Transactional
    public void applyEarlier(ReportId id, int position, Analyst analyst) {
        store.find(id, analyst).orElseThrow(CaseNotFound::new);
        Classification earlier = earlier(id, position).orElseThrow(() -> new CaseConflict(CaseConflict.Reason.NO_EARLIER_ASSESSMENT));
        classify(id, List.of(position), earlier, analyst);
    }

    /** A report that points at nothing (a description alone) is assessed by saying so. */
    @Transactional
    public void assessWithoutItems(ReportId id, Analyst analyst) {
        CaseSummary current = cases.changing(id, analyst);
        int items = jdbc.sql("SELECT count(*) FROM casework_item WHERE report_id = ?").param(id.value()).query(Integer.class).single();
        if (items > 0) {
            throw new CaseConflict(CaseConflict.Reason.NOT_ALL_CLASSIFIED);
        }
        reassess(current, analyst);
    }

    /** Whether classifications in this category need a second analyst. */
    public boolean fourEyes(String category) {
        return jdbc.sql("SELECT four_eyes FROM casework_category_rule WHERE category_code = ?").param(category)
                .query(Boolean.class).optional().orElse(false);
    }

    /** The four-eyes rule of every category that has one set. */
    public Map<String, Boolean> fourEyesRules() {
        Map<String, Boolean> rules = new LinkedHashMap<>();
        jdbc.sql("SELECT category_code, four_eyes FROM casework_category_rule ORDER BY category_code")
                .query(row -> {
                    rules.put(row.getString(1), row.getBoolean(2));
                });
        return rules;
    }

    /** An administrator's rule: whether classifications in a category wait for a second analyst. */
    @Transactional
    public void setFourEyes(String category, boolean required, Actor by) {
        if (categories.all().stream().noneMatch(listed -> listed.category().code().equals(category))) {
            throw new IllegalArgumentException("No such category");
        }
        boolean before = fourEyes(category);
        jdbc.sql("""
                INSERT INTO casework_category_rule (category_code, four_eyes) VALUES (?, ?)
                ON CONFLICT (category_code) DO UPDATE SET four_eyes = excluded.four_eyes""")
                .params(category, required).update();
        audit.record(by, AuditAction.SETTING_CHANGED, "category", category,
                Map.of("setting", "fourEyes", "from", String.valueOf(before), "to", String.valueOf(required)));
    }

    /** A final classification is remembered with its address, so that a re-report is recognised and can reuse it. */
    private void finalised(CaseSummary current, int position, Classification.Outcome outcome, Instant now) {
        String url = jdbc.sql("""
                UPDATE casework_url u SET last_outcome = ?, last_assessed_at = ?, last_assessed_report = ?, last_assessed_position = ?
                FROM casework_item i WHERE i.report_id = ? AND i.position = ? AND u.id = i.url_id
                RETURNING u.canonical_url""")
                .params(outcome.name(), Timestamp.from(now), current.id().value(), position, current.id().value(), position)
                .query(String.class).optional().orElse(null);
        events.publishEvent(new ItemClassified(current.id(), position, outcome, url, now));
    }

    private void restrictEveryCaseWithTheAddress(ReportId id, int position) {
        jdbc.sql("""
                UPDATE casework_case SET restricted = true
                WHERE NOT restricted AND (report_id = :id OR report_id IN (
                    SELECT o.report_id FROM casework_item o JOIN casework_item i ON i.url_id = o.url_id
                    WHERE i.report_id = :id AND i.position = :position))""")
                .param("id", id.value()).param("position", position).update();
    }

    /** Assessed when every item is final; back in assessment when one no longer is. */
    private void reassess(CaseSummary current, Analyst analyst) {
        boolean fourEyes = fourEyes(current.category());
        List<String> outcomes = jdbc.sql("""
                SELECT CASE WHEN outcome IS NOT NULL AND (NOT ? OR confirmed_at IS NOT NULL) THEN outcome END
                FROM casework_item WHERE report_id = ? ORDER BY position""")
                .params(fourEyes, current.id().value())
                .query((row, number) -> row.getString(1)).list();
        boolean complete = outcomes.stream().allMatch(Objects::nonNull);
        CaseSummary now = store.lock(current.id(), analyst);
        if (complete && now.status() == CaseStatus.IN_ASSESSMENT) {
            cases.moveTo(now, CaseStatus.ASSESSED, null);
            List<Classification.Outcome> found = outcomes.stream().map(Classification.Outcome::valueOf).toList();
            audit.record(analyst.actor(), AuditAction.REPORT_ASSESSED, Cases.OBJECT, current.id().value().toString(),
                    Map.of("reference", current.reference(), "items", String.valueOf(found.size())));
            events.publishEvent(new ReportAssessed(current.id(), current.reference(), current.category(), found, clock.instant()));
        }
        else if (!complete && now.status() == CaseStatus.ASSESSED) {
            cases.moveTo(now, CaseStatus.IN_ASSESSMENT, null);
        }
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }
}
