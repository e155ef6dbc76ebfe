package org.raporto.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.raporto.audit.Actor;
import org.raporto.audit.AuditAction;
import org.raporto.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service-level target of each report category (table {@code casework_sla_target}), which administrators change.
 * A category without a row, such as one added to intake later, gets {@link SlaTarget#standard the standard target}.
 * <p>
 * Read from the database at most every 30 seconds; a change is seen at once on the node that made it and within half
 * a minute on the others.
 */
@Repository
public class SlaTargets {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final WorkingHours hours;
    private final Refreshed<Map<String, SlaTarget>> known;

    SlaTargets(JdbcClient jdbc, AuditLog audit, WorkingHours hours, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.hours = hours;
        this.known = new Refreshed<>(this::read, clock);
    }

    /** Every category's own target, by category code. */
    public List<SlaTarget> all() {
        return List.copyOf(known.get().values());
    }

    /** The target of this category: its own, or the standard one. */
    public SlaTarget of(String categoryCode) {
        SlaTarget target = known.get().get(categoryCode);
        return target != null ? target : SlaTarget.standard(categoryCode);
    }

    /**
     * Sets a category's target and audits the change ({@link AuditAction#SLA_TARGET_CHANGED}, the object is the
     * category, details {@code firstLookFrom}, {@code firstLookTo}, {@code assessmentFrom}, {@code assessmentTo} in the
     * short form of {@link WorkingTime#toString()}, {@code from} values empty when it had none of its own). The category
     * is not looked up in intake: the screen offers intake's categories.
     *
     * @return whether anything changed (setting the target it already has records nothing)
     * @throws IllegalArgumentException when the assessment would be due before the first look
     */
    @Transactional
    public boolean change(SlaTarget target, Actor by) {
        if (target.assessment().in(hours.workingDay()).compareTo(target.firstLook().in(hours.workingDay())) < 0) {
            throw new IllegalArgumentException("The assessment cannot be due before the first look");
        }
        Optional<SlaTarget> before = jdbc.sql("""
                SELECT category_code, first_look_days, first_look_minutes, assessment_days, assessment_minutes
                FROM casework_sla_target WHERE category_code = ? FOR UPDATE""")
                .param(target.categoryCode())
                .query(SlaTargets::target)
                .optional();
        if (before.isPresent() && before.get().equals(target)) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO casework_sla_target (category_code, first_look_days, first_look_minutes, assessment_days, assessment_minutes)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (category_code) DO UPDATE SET first_look_days = excluded.first_look_days,
                    first_look_minutes = excluded.first_look_minutes, assessment_days = excluded.assessment_days,
                    assessment_minutes = excluded.assessment_minutes""")
                .params(target.categoryCode(), target.firstLook().days(), target.firstLook().minutes(),
                        target.assessment().days(), target.assessment().minutes())
                .update();
        known.forget();
        audit.record(by, AuditAction.SLA_TARGET_CHANGED, "category", target.categoryCode(), Map.of(
                "firstLookFrom", before.map(old -> old.firstLook().toString()).orElse(""),
                "firstLookTo", target.firstLook().toString(),
                "assessmentFrom", before.map(old -> old.assessment().toString()).orElse(""),
                "assessmentTo", target.assessment().toString()));
        return true;
    }

    private Map<String, SlaTarget> read() {
        Map<String, SlaTarget> targets = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT category_code, first_look_days, first_look_minutes, assessment_days, assessment_minutes
                FROM casework_sla_target ORDER BY category_code""")
                .query(SlaTargets::target)
                .list()
                .forEach(target -> targets.put(target.categoryCode(), target));
        return Collections.unmodifiableMap(targets);
    }

    private static SlaTarget target(ResultSet row, int number) throws SQLException {
        return new SlaTarget(row.getString("category_code"),
                new WorkingTime(row.getInt("first_look_days"), row.getInt("first_look_minutes")),
                new WorkingTime(row.getInt("assessment_days"), row.getInt("assessment_minutes")));
    }
}
