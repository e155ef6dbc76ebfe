package org.raporto.content.editing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.raporto.audit.Actor;
import org.raporto.content.ArticleStatus;
import org.raporto.content.ArticleType;
import org.raporto.content.Articles;
import org.raporto.content.Audience;
import org.raporto.content.editing.EditorialRefused.Reason;
import org.raporto.shared.Language;
import org.raporto.testing.MondayMorning;
import org.raporto.testing.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The workflow on the real database with a moved clock: four eyes, scheduled publication and unpublication exactly on
 * time, changes to a published article waiting for review, old addresses, stale forms, revisions, and the scheduler on
 * two nodes at once.
 */
@SpringBootTest(properties = "raporto.content.seed-location=classpath:content/seed-sample/")
@Import(MondayMorning.class)
class EditorialTest {

    private final Actor writer = new Actor(UUID.randomUUID(), "Writer");
    private final Actor reviewer = new Actor(UUID.randomUUID(), "Reviewer");
    private final Actor third = new Actor(UUID.randomUUID(), "Third editor");

    @Autowired
    private Editorial editorial;

    @Autowired
    private PublicationSchedule schedule;

    @Autowired
    private Articles articles;

    @Autowired
    private MutableClock clock;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void aSecondPersonPublishesWhatTheFirstWrote() {
        EditedArticle draft = editorial.create(Language.SQ, guide("Si të flasim me fëmijët për bullizmin"), writer);
        assertThat(draft.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(draft.draft().slug()).isEqualTo("si-te-flasim-me-femijet-per-bullizmin");
        assertThat(articles.bySlug(Language.SQ, draft.draft().slug())).isEmpty();

        editorial.submit(draft.id(), draft.version(), writer);
        EditedArticle inReview = editorial.find(draft.id()).orElseThrow();
        assertThat(inReview.status()).isEqualTo(ArticleStatus.IN_REVIEW);
        assertThatThrownBy(() -> editorial.publish(draft.id(), inReview.version(), null, null, writer))
                .isInstanceOfSatisfying(EditorialRefused.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.OWN_WORK));

        editorial.publish(draft.id(), inReview.version(), null, null, reviewer);
        assertThat(articles.bySlug(Language.SQ, draft.draft().slug())).hasValueSatisfying(article -> {
            assertThat(article.title()).isEqualTo("Si të flasim me fëmijët për bullizmin");
            assertThat(article.publishedAt()).isEqualTo(clock.instant());
        });
        assertThat(audited(draft.id())).containsExactly("ARTICLE_CREATED", "ARTICLE_SUBMITTED", "ARTICLE_PUBLISHED");
    }

    @Test
    void aScheduledArticleAppearsOnTimeAndLeavesOnTime() {
        EditedArticle article = inReview(guide("Koha para ekranit gjatë pushimeve"));
        Instant start = clock.instant().plus(Duration.ofHours(2));
        Instant end = start.plus(Duration.ofDays(1));
        editorial.publish(article.id(), article.version(), start, end, reviewer);
        String slug = article.draft().slug();

        clock.advance(Duration.ofHours(2).minusSeconds(1));
        assertThat(articles.bySlug(Language.SQ, slug)).isEmpty();
        assertThat(schedule.recordDue()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(articles.bySlug(Language.SQ, slug)).isPresent();
        assertThat(schedule.recordDue()).isEqualTo(1);
        assertThat(schedule.recordDue()).isZero();

        clock.advance(Duration.ofDays(1));
        assertThat(articles.bySlug(Language.SQ, slug)).isEmpty();
        assertThat(schedule.recordDue()).isEqualTo(1);
        assertThat(editorial.find(article.id()).orElseThrow().status()).isEqualTo(ArticleStatus.ARCHIVED);
        assertThat(audited(article.id())).endsWith("ARTICLE_PUBLISHED", "ARTICLE_WENT_LIVE", "ARTICLE_UNPUBLISHED");
    }

    @Test
    void changesToAPublishedArticleWaitForTheirReviewWhileReadersSeeThePublishedOne() {
        EditedArticle published = published(guide("Fjalëkalimet e forta"));
        String slug = published.draft().slug();
        Draft changed = withTitle(published.draft(), "Fjalëkalimet e forta dhe të sigurta");
        EditedArticle pending = editorial.save(published.id(), published.version(), changed, writer);

        assertThat(pending.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(pending.pendingState()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(pending.draft().title()).isEqualTo("Fjalëkalimet e forta dhe të sigurta");
        assertThat(pending.live().title()).isEqualTo("Fjalëkalimet e forta");
        assertThat(articles.bySlug(Language.SQ, slug)).hasValueSatisfying(article -> assertThat(article.title()).isEqualTo("Fjalëkalimet e forta"));

        editorial.submit(pending.id(), pending.version(), writer);
        EditedArticle submitted = editorial.find(pending.id()).orElseThrow();
        editorial.publish(submitted.id(), submitted.version(), null, null, reviewer);
        EditedArticle live = editorial.find(pending.id()).orElseThrow();
        assertThat(live.hasPendingChanges()).isFalse();
        assertThat(live.liveRevision()).isEqualTo(live.latestRevision()).isEqualTo(2);
        assertThat(articles.bySlug(Language.SQ, slug)).hasValueSatisfying(article -> assertThat(article.title()).isEqualTo("Fjalëkalimet e forta dhe të sigurta"));
    }

    @Test
    void whoeverChangedWhatGoesLiveMayNotPublishIt() {
        EditedArticle published = published(guide("Lojërat në internet dhe shpenzimet"));
        EditedArticle changed = editorial.save(published.id(), published.version(), withTitle(published.draft(), "Lojërat dhe blerjet në to"), reviewer);
        editorial.submit(changed.id(), changed.version(), reviewer);
        EditedArticle submitted = editorial.find(changed.id()).orElseThrow();

        assertThat(editorial.isOwnWork(submitted, reviewer)).isTrue();
        assertThat(editorial.isOwnWork(submitted, writer)).isFalse();
        assertThatThrownBy(() -> editorial.publish(submitted.id(), submitted.version(), null, null, reviewer))
                .isInstanceOfSatisfying(EditorialRefused.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.OWN_WORK));
        editorial.publish(submitted.id(), submitted.version(), null, null, third);
    }

    @Test
    void aRenamedArticleKeepsItsOldAddressWhichNoOtherArticleMayTake() {
        EditedArticle published = published(guide("Mashtrimet me çmime"));
        String oldSlug = published.draft().slug();
        Draft renamed = new Draft(ArticleType.GUIDE, "Mashtrimet me çmime të rreme", "mashtrimet-me-cmime-te-rreme", "", "Tekst.", List.of(),
                List.of(), null, null, null, null, false, 0);
        EditedArticle pending = editorial.save(published.id(), published.version(), renamed, writer);
        editorial.submit(pending.id(), pending.version(), writer);
        editorial.publish(pending.id(), editorial.find(pending.id()).orElseThrow().version(), null, null, reviewer);

        assertThat(articles.bySlug(Language.SQ, "mashtrimet-me-cmime-te-rreme")).isPresent();
        assertThat(articles.bySlug(Language.SQ, oldSlug)).isEmpty();
        assertThat(articles.byOldSlug(Language.SQ, oldSlug)).hasValueSatisfying(article -> assertThat(article.id()).isEqualTo(published.id()));
        assertThatThrownBy(() -> editorial.create(Language.SQ, guide("Mashtrimet me çmime"), writer))
                .isInstanceOfSatisfying(EditorialRefused.class, refused -> assertThat(refused.fields()).contains("slug.taken"));
        // The same slug in the other language is another address.
        assertThat(editorial.create(Language.EN, new Draft(ArticleType.GUIDE, "Prize scams", oldSlug, "", "", List.of(), List.of(), null, null,
                null, null, false, 0), writer).draft().slug()).isEqualTo(oldSlug);
    }

    @Test
    void aFormSavedOverANewerVersionIsRefusedAndNothingChanges() {
        EditedArticle draft = editorial.create(Language.SQ, guide("Privatësia në rrjetet sociale"), writer);
        editorial.save(draft.id(), draft.version(), withTitle(draft.draft(), "Privatësia në rrjete"), third);
        assertThatThrownBy(() -> editorial.save(draft.id(), draft.version(), withTitle(draft.draft(), "Mbivendosur"), writer))
                .isInstanceOfSatisfying(EditorialRefused.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.STALE));
        assertThatThrownBy(() -> editorial.submit(draft.id(), draft.version(), writer))
                .isInstanceOfSatisfying(EditorialRefused.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.STALE));
        assertThat(editorial.find(draft.id()).orElseThrow().draft().title()).isEqualTo("Privatësia në rrjete");
        assertThat(editorial.revisions(draft.id())).hasSize(2);
    }

    @Test
    void anEarlierRevisionIsRestoredAsTheNewestAndTheDifferenceIsShownLineByLine() {
        Draft first = new Draft(ArticleType.GUIDE, "Ndihma e parë", "", "", "Rreshti një.\nRreshti dy.\nRreshti tre.", List.of(Audience.PARENTS),
                List.of("wellbeing"), null, null, null, null, false, 0);
        EditedArticle draft = editorial.create(Language.SQ, first, writer);
        Draft second = new Draft(ArticleType.GUIDE, "Ndihma e parë", draft.draft().slug(), "", "Rreshti një.\nRreshti i ri.\nRreshti tre.",
                List.of(Audience.TEACHERS), List.of("wellbeing"), null, null, null, null, false, 0);
        EditedArticle saved = editorial.save(draft.id(), draft.version(), second, writer);

        List<RevisionDiff.Field> diff = RevisionDiff.between(editorial.revision(draft.id(), 1).orElseThrow().draft(),
                editorial.revision(draft.id(), 2).orElseThrow().draft());
        assertThat(diff.get(0).changed()).isFalse();
        assertThat(diff.get(2).lines()).extracting(RevisionDiff.Line::kind, RevisionDiff.Line::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(RevisionDiff.Kind.SAME, "Rreshti një."),
                org.assertj.core.groups.Tuple.tuple(RevisionDiff.Kind.REMOVED, "Rreshti dy."),
                org.assertj.core.groups.Tuple.tuple(RevisionDiff.Kind.ADDED, "Rreshti i ri."),
                org.assertj.core.groups.Tuple.tuple(RevisionDiff.Kind.SAME, "Rreshti tre."));
        assertThat(diff.get(3).changed()).isTrue();

        EditedArticle restored = editorial.restore(draft.id(), saved.version(), 1, third);
        assertThat(restored.latestRevision()).isEqualTo(3);
        assertThat(restored.draft().body()).isEqualTo(first.body());
        assertThat(restored.draft().audiences()).containsExactly(Audience.PARENTS);
        assertThat(audited(draft.id())).endsWith("ARTICLE_SAVED", "ARTICLE_REVISION_RESTORED");
    }

    @Test
    void whatCannotBeStoredIsRefusedFieldByField() {
        Draft hostile = new Draft(ArticleType.PAGE, "x".repeat(201), "Not A Slug!", "s".repeat(501), "b".repeat(Draft.MAX_BODY + 1),
                List.of(), List.of("no-such-topic"), "../etc", "javascript:alert(1)", UUID.randomUUID(), "r".repeat(301), false, -1);
        assertThatThrownBy(() -> editorial.create(Language.SQ, hostile, writer))
                .isInstanceOfSatisfying(EditorialRefused.class, refused -> assertThat(refused.fields()).containsExactlyInAnyOrder("title.long",
                        "slug.invalid", "summary.long", "body.long", "topics.unknown", "pageKey.invalid", "linkUrl.invalid", "partnerRole.long",
                        "position.invalid", "mediaId.unknown"));
        assertThatThrownBy(() -> editorial.create(Language.SQ, guide("   "), writer))
                .isInstanceOfSatisfying(EditorialRefused.class, refused -> assertThat(refused.fields()).contains("title.required"));
        // Markup and any script in a title are only text; they are stored as typed.
        Draft marked = guide("<script>alert('x')</script> Çfarë është \"sekstingu\"? 🙂");
        assertThat(editorial.create(Language.SQ, marked, writer).draft().title()).isEqualTo(marked.title());
    }

    @Test
    void aTranslationIsStartedOnceInTheSameGroup() {
        EditedArticle original = editorial.create(Language.SQ, guide("Gjuha e urrejtjes në komente"), writer);
        UUID translation = editorial.translate(original.id(), third);
        assertThat(editorial.translate(original.id(), third)).isEqualTo(translation);
        EditedArticle english = editorial.find(translation).orElseThrow();
        assertThat(english.language()).isEqualTo(Language.EN);
        assertThat(english.translationGroup()).isEqualTo(original.translationGroup());
        assertThat(english.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(english.authorName()).isEqualTo("Third editor");
    }

    @Test
    void archivedArticlesLeaveTheSiteAndComeBackOnlyThroughReview() {
        EditedArticle published = published(guide("Rregullat e familjes për internetin"));
        editorial.archive(published.id(), published.version(), writer);
        assertThat(articles.bySlug(Language.SQ, published.draft().slug())).isEmpty();
        EditedArticle archived = editorial.find(published.id()).orElseThrow();
        assertThatThrownBy(() -> editorial.save(archived.id(), archived.version(), archived.draft(), writer))
                .isInstanceOfSatisfying(EditorialRefused.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.WRONG_STATE));
        editorial.reopen(archived.id(), archived.version(), writer);
        assertThat(editorial.find(archived.id()).orElseThrow().status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(articles.bySlug(Language.SQ, published.draft().slug())).isEmpty();
    }

    @Test
    void twoNodesRecordEachScheduledArticleOnce() throws Exception {
        Instant start = clock.instant().plus(Duration.ofMinutes(30));
        for (int i = 0; i < 12; i++) {
            EditedArticle article = inReview(guide("Lajm i planifikuar numër " + i + " " + UUID.randomUUID()));
            editorial.publish(article.id(), article.version(), start, null, reviewer);
        }
        clock.advance(Duration.ofMinutes(30));
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<Integer> node = () -> {
            together.await();
            return schedule.recordDue();
        };
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> rounds = nodes.invokeAll(List.of(node, node));
            int recorded = rounds.get(0).get() + rounds.get(1).get();
            // Others' scheduled articles may be due too (tests share the clock); each was recorded once either way.
            assertThat(recorded).isGreaterThanOrEqualTo(12);
        }
        finally {
            nodes.shutdown();
        }
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM (SELECT object_id FROM audit_entry WHERE action = 'ARTICLE_WENT_LIVE'
                                              GROUP BY object_id HAVING count(*) > 1) twice""")
                .query(Integer.class).single()).isZero();
        assertThat(schedule.recordDue()).isZero();
    }

    private Draft guide(String title) {
        return new Draft(ArticleType.GUIDE, title, "", "Përmbledhje.", "Teksti i udhëzuesit.", List.of(Audience.PARENTS), List.of("cyberbullying"),
                null, null, null, null, false, 0);
    }

    private static Draft withTitle(Draft draft, String title) {
        return new Draft(draft.type(), title, draft.slug(), draft.summary(), draft.body(), draft.audiences(), draft.topics(), draft.pageKey(),
                draft.linkUrl(), draft.mediaId(), draft.partnerRole(), draft.featured(), draft.position());
    }

    private EditedArticle inReview(Draft draft) {
        EditedArticle created = editorial.create(Language.SQ, draft, writer);
        editorial.submit(created.id(), created.version(), writer);
        return editorial.find(created.id()).orElseThrow();
    }

    private EditedArticle published(Draft draft) {
        EditedArticle article = inReview(draft);
        editorial.publish(article.id(), article.version(), null, null, reviewer);
        return editorial.find(article.id()).orElseThrow();
    }

    private List<String> audited(UUID article) {
        return jdbc.sql("SELECT action FROM audit_entry WHERE object_type = 'article' AND object_id = :id ORDER BY seq")
                .param("id", article.toString()).query(String.class).list();
    }
}
