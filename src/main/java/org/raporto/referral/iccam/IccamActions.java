package org.raporto.referral.iccam;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What was done about exported addresses, in ICCAM's action types, from the referrals and the online checks. */
@Component
class IccamActions {

    private final JdbcClient jdbc;

    IccamActions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The actions on the addresses of these reports, by report and canonical address. */
    Map<Key, List<IccamUrl.Action>> of(List<UUID> reports) {
        return Map.of();
    }

    /** An address in a report. */
    record Key(UUID report, String url) {
    }
}
