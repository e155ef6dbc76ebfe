package org.raporto.content.editing;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.raporto.audit.Actor;
import org.raporto.audit.AuditAction;
import org.raporto.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what the clock did to the site: scheduled articles that went live, and published ones that reached their
 * end and are archived. Readers never wait for it — {@code Articles} asks the clock itself, so an article appears and
 * leaves on time to the second; this makes the editors' states and the audit log say so too.
 * <p>
 * Safe on any number of nodes at once: each round takes the rows it records with a lock the others skip, and a row
 * recorded is no longer due.
 */
@Service
public class PublicationSchedule {

    /** Rows per round and kind; more wait for the next round, a minute later. */
    static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    PublicationSchedule(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** @return how many articles went live or left the site in this round */
    @Transactional
    public int recordDue() {
        Timestamp now = Timestamp.from(clock.instant());
        List<Due> live = jdbc.sql("""
                        SELECT id, publish_at AS at FROM content_article WHERE scheduled AND publish_at <= :now
                        ORDER BY publish_at, id LIMIT :batch FOR UPDATE SKIP LOCKED""")
                .param("now", now).param("batch", BATCH).query(Due.class).list();
        for (Due due : live) {
            jdbc.sql("UPDATE content_article SET scheduled = false WHERE id = :id").param("id", due.id()).update();
            audit.record(Actor.system(), AuditAction.ARTICLE_WENT_LIVE, "article", due.id().toString(), Map.of("at", due.at().toInstant().toString()));
        }
        List<Due> ended = jdbc.sql("""
                        SELECT id, unpublish_at AS at FROM content_article WHERE status = 'PUBLISHED' AND unpublish_at <= :now
                        ORDER BY unpublish_at, id LIMIT :batch FOR UPDATE SKIP LOCKED""")
                .param("now", now).param("batch", BATCH).query(Due.class).list();
        for (Due due : ended) {
            jdbc.sql("""
                            UPDATE content_article SET status = 'ARCHIVED', pending_revision = NULL, pending_state = NULL, scheduled = false,
                                version = version + 1, updated_at = :now WHERE id = :id""")
                    .param("now", now).param("id", due.id()).update();
            audit.record(Actor.system(), AuditAction.ARTICLE_UNPUBLISHED, "article", due.id().toString(), Map.of("at", due.at().toInstant().toString()));
        }
        return live.size() + ended.size();
    }

    record Due(UUID id, Timestamp at) {
    }

}
