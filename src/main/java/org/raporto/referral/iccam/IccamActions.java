package org.raporto.referral.iccam;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.raporto.referral.iccam.IccamCodes.ActionType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What was done about exported addresses, in ICCAM's action types, from the referrals ({@code referral},
 * {@code referral_item}, {@code referral_agency}, V22) and the online checks ({@code referral_watch}, V23):
 * <ul>
 * <li>LEA: a referral to the police was sent; dated when it was first sent (a referral still queued is not an
 * action);</li>
 * <li>ISP: a notice-and-takedown referral (hosting provider, platform or registrar) was sent; dated likewise, the
 * earliest of them;</li>
 * <li>CR: the online checks found the content removed; dated by the first "gone" answer;</li>
 * <li>CU: the online checks may not fetch the address (a private address, an onion service without a proxy); dated by
 * the last check, the table keeps no earlier date;</li>
 * <li>MO: the online checks found it hosted in another country, with that country; dated by the last check, likewise.</li>
 * </ul>
 * NI comes from the classification, not from here (see {@link IccamExports}).
 */
@Component
class IccamActions {

    private final JdbcClient jdbc;

    IccamActions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The actions on the addresses of these reports, by report and canonical address. */
    Map<Key, List<IccamUrl.Action>> of(List<UUID> reports) {
        if (reports.isEmpty()) {
            return Map.of();
        }
        Map<Key, Map<ActionType, IccamUrl.Action>> found = new HashMap<>();
        jdbc.sql("""
                SELECT r.report_id, i.target, CASE WHEN a.kind = 'POLICE' THEN 'LEA' ELSE 'ISP' END AS action, min(r.sent_at) AS at, NULL AS country
                FROM referral r
                JOIN referral_agency a ON a.id = r.agency_id
                JOIN referral_item i ON i.referral_id = r.id AND i.is_url
                WHERE r.report_id IN (:reports) AND r.sent_at IS NOT NULL AND (a.kind = 'POLICE' OR r.takedown)
                GROUP BY r.report_id, i.target, 3
                UNION ALL
                SELECT w.report_id, w.canonical_url, CASE w.status WHEN 'REMOVED' THEN 'CR' WHEN 'UNAVAILABLE' THEN 'CU' ELSE 'MO' END,
                    CASE WHEN w.status = 'REMOVED' THEN w.removed_at ELSE w.last_checked_at END, w.moved_to_country
                FROM referral_watch w
                WHERE w.report_id IN (:reports) AND w.status IN ('REMOVED', 'UNAVAILABLE', 'MOVED') AND w.last_checked_at IS NOT NULL""")
                .param("reports", reports)
                .query(row -> {
                    ActionType type = ActionType.valueOf(row.getString("action"));
                    found.computeIfAbsent(new Key(row.getObject("report_id", UUID.class), row.getString("target")), key -> new EnumMap<>(ActionType.class))
                            .put(type, new IccamUrl.Action(type, row.getTimestamp("at").toInstant(), type == ActionType.MO ? row.getString("country") : null));
                });
        Map<Key, List<IccamUrl.Action>> actions = new HashMap<>();
        found.forEach((key, byType) -> actions.put(key, new ArrayList<>(byType.values())));
        return actions;
    }

    /** An address in a report. */
    record Key(UUID report, String url) {
    }
}
