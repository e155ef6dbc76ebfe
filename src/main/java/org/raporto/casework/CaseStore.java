package org.raporto.casework;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.raporto.intake.Channel;
import org.raporto.intake.ReportId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads cases for the classes that change them, with need to know applied on every read. */
@Component
class CaseStore {

    static final String COLUMNS = """
            c.report_id, c.reference, c.category_code, c.channel, c.priority, c.status, c.close_reason, c.assignee, c.assignee_name,
            c.claimed_at, c.received_at, c.first_look_at, c.assessed_at, c.finished_at, c.first_look_due, c.assessment_due,
            c.hosting_countries, c.hosts, c.merged_into, c.restricted, c.erased_at""";

    private final JdbcClient jdbc;

    CaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The case if this analyst may see it. */
    Optional<CaseSummary> find(ReportId id, Analyst analyst) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework_case c WHERE c.report_id = ? AND (NOT c.restricted OR ?)")
                .params(id.value(), analyst.cleared())
                .query((row, number) -> summary(row))
                .optional();
    }

    /** The case locked for a change in the caller's transaction, if this analyst may see it. */
    CaseSummary lock(ReportId id, Analyst analyst) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework_case c WHERE c.report_id = ? AND (NOT c.restricted OR ?) FOR UPDATE")
                .params(id.value(), analyst.cleared())
                .query((row, number) -> summary(row))
                .optional()
                .orElseThrow(CaseNotFound::new);
    }

    /** The case's reference, by reference, if this analyst may see it. */
    Optional<ReportId> byReference(String reference, Analyst analyst) {
        return jdbc.sql("SELECT report_id FROM casework_case WHERE reference = ? AND (NOT restricted OR ?)")
                .params(reference, analyst.cleared())
                .query(UUID.class).optional().map(ReportId::new);
    }

    @Nullable
    byte[] dataKey(ReportId id) {
        List<byte[]> keys = jdbc.sql("SELECT data_key FROM casework_case WHERE report_id = ? AND data_key IS NOT NULL").param(id.value())
                .query((row, number) -> row.getBytes(1)).list();
        return keys.isEmpty() ? null : keys.get(0);
    }

    static CaseSummary summary(ResultSet row) throws SQLException {
        String closeReason = row.getString("close_reason");
        UUID merged = row.getObject("merged_into", UUID.class);
        return new CaseSummary(new ReportId(row.getObject("report_id", UUID.class)), row.getString("reference"), row.getString("category_code"),
                Channel.valueOf(row.getString("channel")), Priority.valueOf(row.getString("priority")), CaseStatus.valueOf(row.getString("status")),
                closeReason == null ? null : CloseReason.valueOf(closeReason), row.getObject("assignee", UUID.class), row.getString("assignee_name"),
                instant(row, "claimed_at"), instant(row, "received_at"), instant(row, "first_look_at"), instant(row, "assessed_at"),
                instant(row, "finished_at"), instant(row, "first_look_due"), instant(row, "assessment_due"), strings(row.getArray("hosting_countries")),
                strings(row.getArray("hosts")), merged == null ? null : new ReportId(merged), row.getBoolean("restricted"), instant(row, "erased_at"));
    }

    /**
     * The classification in a row with an item's columns ({@code outcome}, {@code harm_category}, ICCAM's fields), or
     * null when the item has none.
     */
    static @Nullable Classification classification(ResultSet row) throws SQLException {
        String outcome = row.getString("outcome");
        if (outcome == null) {
            return null;
        }
        boolean csam = outcome.equals(Classification.Outcome.BASELINE_CSAM.name());
        return new Classification(Classification.Outcome.valueOf(outcome), row.getString("harm_category"),
                parse(Classification.AgeGroup.class, row.getString("age_group")), parse(Classification.Gender.class, row.getString("gender")),
                parse(Classification.SiteType.class, row.getString("site_type")), csam ? row.getBoolean("commercial") : null,
                row.getString("payment_method"), csam && row.getBoolean("virtual"), csam && row.getBoolean("child_modelling"),
                csam && row.getBoolean("user_generated"));
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    static List<String> strings(@Nullable Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(String::valueOf).toList();
    }
}
