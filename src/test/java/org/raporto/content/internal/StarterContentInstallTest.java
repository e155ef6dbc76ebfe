package org.raporto.content.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raporto.content.MediaLibrary;
import org.raporto.shared.web.SiteProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The starter content installed on a start with an empty database: once, whole, and never over existing articles. */
@SpringBootTest(properties = "raporto.content.seed-location=classpath:content/seed-sample/")
class StarterContentInstallTest {

    @Autowired
    StarterContent starterContent;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    MediaLibrary media;

    @Autowired
    SiteProperties site;

    @Test
    void everyFileBecomesAPublishedArticleWithItsTranslationsInOneGroup() {
        assertThat(jdbc.sql("SELECT count(*) FROM content_article WHERE status = 'PUBLISHED' AND author_name = 'Raporto'").query(Integer.class).single())
                .isEqualTo(11);
        assertThat(jdbc.sql("SELECT count(*) FROM content_revision WHERE number = 1").query(Integer.class).single()).isEqualTo(11);
        UUID group = StarterContent.translationGroup("bullizmi");
        assertThat(jdbc.sql("SELECT language || '/' || slug FROM content_article WHERE translation_group = :group ORDER BY language")
                .param("group", group).query(String.class).list())
                .containsExactly("en/what-to-do-when-you-are-bullied", "sq/cfare-te-besh-kur-te-bullizojne");
        assertThat(jdbc.sql("SELECT page_key FROM content_article WHERE slug = 'our-mission'").query(String.class).single()).isEqualTo("mission");
    }

    @Test
    void startingAgainInstallsNothingMore() {
        assertThat(starterContent.install()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM content_article").query(Integer.class).single()).isEqualTo(11);
    }

    @Test
    void aMalformedFileStopsTheStartNamingIt(@TempDir Path seed) throws Exception {
        Files.writeString(seed.resolve("good.sq.md"), "---\ntype: FAQ\nslug: good\ntitle: Good\n---\nYes.\n");
        Files.writeString(seed.resolve("bad.en.md"), "---\ntype: FAQ\nslug: bad\ntitle: Bad\ntopics: astrology\n---\nNo.\n");
        StarterContent elsewhere = new StarterContent(jdbc, transaction, Clock.systemUTC(), media, site, seed.toUri().toString());
        transaction.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM content_revision").update();
            jdbc.sql("DELETE FROM content_old_slug").update();
            jdbc.sql("DELETE FROM content_article").update();
            assertThatThrownBy(elsewhere::install).hasMessageContainingAll("bad.en.md", "unknown topic \"astrology\"");
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("SELECT count(*) FROM content_article").query(Integer.class).single()).as("nothing deleted, nothing half-installed").isEqualTo(11);
    }
}
