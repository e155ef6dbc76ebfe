package org.raporto.content;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.raporto.shared.Language;
import org.raporto.testing.MondayMorning;
import org.raporto.testing.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Search in the running application, over articles written straight into the database, with a clock the test moves. */
@SpringBootTest
@Import(MondayMorning.class)
class ContentSearchTest {

    @Autowired
    ContentSearch search;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    WebApplicationContext context;

    @BeforeEach
    void noArticles() {
        jdbc.sql("TRUNCATE content_article CASCADE").update();
    }

    @Test
    void findsAlbanianWordsWrittenWithOrWithoutTheirDiacritics() {
        UUID withDiacritics = article("sq", "GUIDE", "femijet", "Si t’i mbrojmë fëmijët në internet", "Çështje që çdo prind duhet t’i dijë.",
                "Fëmijë të vegjël dhe bullizëm.");
        UUID withoutDiacritics = article("sq", "GUIDE", "pa-shenja", "Kur shkruajme pa shenja", "Ceshtje te thjeshta.",
                "Femije dhe prinder flasin per bullizem.");

        assertThat(ids("femije")).containsExactlyInAnyOrder(withDiacritics, withoutDiacritics);
        assertThat(ids("fëmijë")).containsExactlyInAnyOrder(withDiacritics, withoutDiacritics);
        assertThat(ids("ceshtje")).containsExactlyInAnyOrder(withDiacritics, withoutDiacritics);
        assertThat(ids("çështje")).containsExactlyInAnyOrder(withDiacritics, withoutDiacritics);
        assertThat(ids("BULLIZËM")).containsExactlyInAnyOrder(withDiacritics, withoutDiacritics);

        ContentSearchResults results = search.search(Language.SQ, "ceshtje", ContentSearchFilters.NONE, 1);
        assertThat(results.similar()).isFalse();
        ContentSearchResults.Hit hit = results.hits().stream().filter(found -> found.id().equals(withDiacritics)).findFirst().orElseThrow();
        assertThat(hit.excerpt().parts()).first().isEqualTo(new ContentSearchText.Part("Çështje", true));
    }

    @Test
    void findsTheRightArticleDespiteATypo() {
        UUID bullying = article("sq", "GUIDE", "bullizmi", "Bullizëm në internet: çfarë të bëni", "Hapat e parë kur dikush ju ngacmon.", "…");
        article("sq", "GUIDE", "privatesia", "Privatësia e llogarive", "Cilësimet që duhen ndryshuar.", "…");

        ContentSearchResults results = search.search(Language.SQ, "bulizem", ContentSearchFilters.NONE, 1);

        assertThat(results.hits()).extracting(ContentSearchResults.Hit::id).containsExactly(bullying);
        assertThat(results.similar()).isTrue();
        assertThat(results.hits().get(0).title().parts()).first().isEqualTo(new ContentSearchText.Part("Bullizëm", true));
    }

    @Test
    void findsATypoLessLikeItsWordThanTrigramsDefaultThresholdWouldAccept() {
        // word_similarity of "interent" to "internet" is 0.56: under pg_trgm's default threshold (0.6), over the search's (0.45).
        UUID online = article("sq", "GUIDE", "interneti", "Siguria në internet", "Hapat e parë.", "…");

        ContentSearchResults results = search.search(Language.SQ, "interent", ContentSearchFilters.NONE, 1);

        assertThat(results.hits()).extracting(ContentSearchResults.Hit::id).containsExactly(online);
        assertThat(results.similar()).isTrue();
    }

    @Test
    void theUnfinishedLastWordFindsLongerWords() {
        UUID grooming = article("en", "GUIDE", "grooming", "What grooming looks like", "Signs to watch for.", "…");
        assertThat(ids(Language.EN, "groom")).containsExactly(grooming);
    }

    @Test
    void anArticleWithTheWordInItsTitleRanksAboveOneWithItOnlyInItsBody() {
        UUID inBody = article("en", "GUIDE", "in-body", "Staying safe in online games", "Settings and habits.",
                "Sextortion often starts in games. Sextortion is a crime. Talk about sextortion early.");
        UUID inSummary = article("en", "GUIDE", "in-summary", "When someone asks for photos", "What to do about sextortion.", "Stay calm.");
        UUID inTitle = article("en", "GUIDE", "in-title", "Sextortion: what to do", "Stay calm and tell someone.", "Do not pay.");

        assertThat(ids(Language.EN, "sextortion")).containsExactly(inTitle, inSummary, inBody);
    }

    @Test
    void filtersByAudienceTypeAndTopicAndCountsWhatEachChoiceWouldLeave() {
        UUID forParents = article("sq", "GUIDE", "prinderit", "Loja dhe prindërit", "", "", new String[] {"PARENTS"}, new String[] {"gaming"});
        UUID forTeachers = article("sq", "RESOURCE", "mesuesit", "Loja në klasë", "", "", new String[] {"TEACHERS"}, new String[] {"gaming"});
        UUID scams = article("sq", "GUIDE", "mashtrime", "Loja dhe mashtrimet", "", "", new String[] {"PARENTS", "TEACHERS"}, new String[] {"scams"});

        assertThat(ids("loja")).containsExactlyInAnyOrder(forParents, forTeachers, scams);
        assertThat(ids("loja", new ContentSearchFilters("PARENTS", null, null))).containsExactlyInAnyOrder(forParents, scams);
        assertThat(ids("loja", new ContentSearchFilters(null, "RESOURCE", null))).containsExactly(forTeachers);
        assertThat(ids("loja", new ContentSearchFilters("TEACHERS", null, "gaming"))).containsExactly(forTeachers);
        assertThat(ids("", new ContentSearchFilters(null, null, "scams"))).containsExactly(scams);

        ContentSearchResults.Facets facets = search.search(Language.SQ, "loja", new ContentSearchFilters("PARENTS", null, null), 1).facets();
        assertThat(facets.types()).containsEntry("GUIDE", 2L).doesNotContainKey("RESOURCE");
        assertThat(facets.audiences()).containsEntry("PARENTS", 2L).containsEntry("TEACHERS", 2L);
        assertThat(facets.topics()).containsEntry("gaming", 1L).containsEntry("scams", 1L);
    }

    @Test
    void findsOnlyWhatIsPublishedNowInTheLanguageSearched() {
        Instant now = clock.instant();
        UUID live = article("sq", "NEWS", "sot", "Siguria sot", "", "", new String[0], new String[0], "PUBLISHED", null, null);
        article("sq", "NEWS", "draft", "Siguria në draft", "", "", new String[0], new String[0], "DRAFT", null, null);
        article("sq", "NEWS", "review", "Siguria në shqyrtim", "", "", new String[0], new String[0], "IN_REVIEW", null, null);
        UUID tomorrow = article("sq", "NEWS", "neser", "Siguria nesër", "", "", new String[0], new String[0], "PUBLISHED",
                now.plus(Duration.ofDays(1)), null);
        UUID endsInAnHour = article("sq", "NEWS", "per-pak", "Siguria për pak kohë", "", "", new String[0], new String[0], "PUBLISHED",
                null, now.plus(Duration.ofHours(1)));
        article("sq", "NEWS", "skaduar", "Siguria që skadoi", "", "", new String[0], new String[0], "PUBLISHED", null, now.minusSeconds(1));
        article("en", "NEWS", "siguria", "Siguria in English", "", "");

        assertThat(ids("siguria")).containsExactlyInAnyOrder(live, endsInAnHour);
        clock.advance(Duration.ofDays(1));
        assertThat(ids("siguria")).containsExactlyInAnyOrder(live, tomorrow);
    }

    @Test
    void noQueryWhateverItHoldsFailsOrFindsWhatItShouldNot() {
        UUID article = article("sq", "GUIDE", "siguria", "Siguria e fëmijëve", "Për prindër.", "Trup.");
        List<String> hostile = List.of("", "   ", "&", "|", "!", "!!siguria", "siguria:*", "siguria & | !", "(siguria", "siguria)", "<->", "a <-> b",
                "'siguria'", "\"siguria\"", "siguria\\", "\\", "%", "_", "*", "siguria%' OR '1'='1", "'; DROP TABLE content_article; --",
                "\u0000siguria", "\uD800", "😀 siguria 😀", "سلامة", "安全", "ßøłđ", "e\u0308", "x".repeat(10_000), "siguria ".repeat(2_000),
                "a b c d e f g h i j k l m n o p", "ë".repeat(500), "1e10", "-siguria", "siguria -fëmijë", "or and not");
        for (String query : hostile) {
            ContentSearchResults results = search.search(Language.SQ, query, ContentSearchFilters.NONE, 1);
            assertThat(results.total()).as(query).isGreaterThanOrEqualTo(0);
        }
        assertThat(ids("!!siguria")).containsExactly(article);
        assertThat(ids("siguria%' OR '1'='1")).containsExactly(article);
        assertThat(ids("😀 siguria 😀")).containsExactly(article);
        assertThat(search.search(Language.SQ, "   ", ContentSearchFilters.NONE, 1).hits()).isEmpty();
    }

    @Test
    void pagesThroughManyResults() {
        for (int i = 1; i <= 23; i++) {
            article("en", "NEWS", "news-" + i, "Safety news number " + i, "", "");
        }
        ContentSearchResults first = search.search(Language.EN, "safety", ContentSearchFilters.NONE, 1);
        ContentSearchResults last = search.search(Language.EN, "safety", ContentSearchFilters.NONE, 3);
        ContentSearchResults beyond = search.search(Language.EN, "safety", ContentSearchFilters.NONE, 7);

        assertThat(first.total()).isEqualTo(23);
        assertThat(first.hits()).hasSize(10);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(last.hits()).hasSize(3);
        assertThat(beyond.hits()).isEmpty();
        assertThat(beyond.total()).isEqualTo(23);
    }

    @Test
    void thePageShowsTheArticleAsTextNeverAsMarkup() throws Exception {
        article("en", "GUIDE", "hostile", "<script>alert('title')</script> Safety first",
                "<img src=x onerror=alert(1)> Safety in the summary", "<script>alert('body')</script>");
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();

        String page = mvc.perform(get("/en/search").param("q", "safety")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).doesNotContain("<script>alert", "<img src=x").contains("&lt;script&gt;alert(")
                .contains("<mark>Safety</mark>").contains("href=\"/en/guides/hostile\"");
    }

    @Test
    void thePagesHelpWhenNothingIsAskedAndWhenNothingIsFound() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();

        var empty = mvc.perform(get("/sq/kerko")).andReturn().getResponse();
        var none = mvc.perform(get("/en/search").param("q", "<b>zzzqqq</b>").param("type", "NOPE").param("page", "x")).andReturn().getResponse();

        assertThat(empty.getStatus()).isEqualTo(200);
        assertThat(empty.getContentAsString(StandardCharsets.UTF_8)).contains("Nga të nisni?", "href=\"/sq/kerko?topic=cyberbullying\"", "Bullizmi në internet",
                "href=\"/sq/raporto\"");
        assertThat(none.getStatus()).isEqualTo(200);
        assertThat(none.getContentAsString(StandardCharsets.UTF_8)).contains("Nothing found for “&lt;b&gt;zzzqqq&lt;/b&gt;”", "href=\"/en/search?topic=grooming\"",
                "href=\"/en/raporto\"");
    }

    @Test
    void countsUpToTheCapSaysThereAreMoreAndCountsTheFiltersAmongTheFirstMatches() throws Exception {
        many(1_005);

        ContentSearchResults results = search.search(Language.SQ, "siguria", ContentSearchFilters.NONE, 1);
        ContentSearchResults guides = search.search(Language.SQ, "siguria", new ContentSearchFilters(null, "GUIDE", null), 1);
        ContentSearchResults listed = search.search(Language.SQ, "", new ContentSearchFilters(null, null, "privacy"), 100);

        assertThat(results.total()).isEqualTo(ContentSearch.COUNT_CAP);
        assertThat(results.more()).isTrue();
        assertThat(results.hits()).hasSize(ContentSearch.PAGE_SIZE);
        assertThat(results.pages()).isEqualTo(ContentSearch.MAX_PAGE);
        assertThat(results.facets().partial()).isTrue();
        assertThat(results.facets().types().get("GUIDE")).isPositive().isLessThanOrEqualTo(ContentSearch.COUNT_CAP);
        assertThat(guides.total()).as("1,005 matches, 502 of them guides: counted apart").isEqualTo(502);
        assertThat(guides.more()).isFalse();
        assertThat(listed.more()).isTrue();
        assertThat(listed.hits()).hasSize(ContentSearch.PAGE_SIZE);
    }

    @Test
    void thePageSaysMoreThanTheCapAndAtLeastBesideTheFiltersInBothLanguages() throws Exception {
        many(1_005);
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();

        String english = mvc.perform(get("/en/search").param("q", "safety")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String albanian = mvc.perform(get("/sq/kerko").param("q", "siguria")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String listing = mvc.perform(get("/sq/kerko").param("topic", "privacy")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String exact = mvc.perform(get("/en/search").param("q", "safety").param("type", "GUIDE")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(english).contains("More than 1,000 results for “safety”", "Guide (at least ", "Page 1 of 100").doesNotContain("\">1,000 results for");
        assertThat(albanian).contains("Më shumë se 1\u00a0000 rezultate për „siguria“", "Udhëzues (të paktën ");
        assertThat(listing).contains("Më shumë se 1\u00a0000 artikuj");
        assertThat(exact).as("the guides are counted apart; beside the filters, still the first 1,000 matches")
                .contains("502 results for “safety”", "News (at least ").doesNotContain("More than");
    }

    @Test
    void articlesWithTheWordsOnlyInTheirBodyComeAfterTheRankedOnesNewestFirstAcrossPages() {
        List<UUID> inTitle = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            inTitle.add(0, article("en", "NEWS", "title-" + i, "Privacy news " + i, "", ""));
            clock.advance(Duration.ofMinutes(1));
        }
        List<UUID> inBody = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            inBody.add(0, article("en", "NEWS", "body-" + i, "News " + i, "", "About privacy."));
            clock.advance(Duration.ofMinutes(1));
        }

        ContentSearchResults first = search.search(Language.EN, "privacy", ContentSearchFilters.NONE, 1);
        ContentSearchResults second = search.search(Language.EN, "privacy", ContentSearchFilters.NONE, 2);

        assertThat(first.total()).isEqualTo(17);
        assertThat(first.hits()).extracting(ContentSearchResults.Hit::id).containsExactlyElementsOf(inTitle.subList(0, 10));
        List<UUID> rest = new ArrayList<>(inTitle.subList(10, 12));
        rest.addAll(inBody);
        assertThat(second.hits()).extracting(ContentSearchResults.Hit::id).containsExactlyElementsOf(rest);
    }

    @Test
    void findsATypoOfAWordAnArticleWasGivenLaterBesideAWordTypedRight() {
        UUID article = article("sq", "NEWS", "dhurata", "Privatësia e llogarive", "Cilësimet.", "…");
        article("sq", "NEWS", "tjeter", "Dhurata për fëmijë", "Çfarë të blini.", "…");
        jdbc.sql("UPDATE content_article SET title = 'Mashtrimet me dhurata' WHERE id = ?").param(article).update();

        ContentSearchResults typo = search.search(Language.SQ, "mashtrimt", ContentSearchFilters.NONE, 1);
        ContentSearchResults besideAWord = search.search(Language.SQ, "mashtrimt dhurata", ContentSearchFilters.NONE, 1);

        assertThat(typo.hits()).extracting(ContentSearchResults.Hit::id).containsExactly(article);
        assertThat(typo.similar()).isTrue();
        assertThat(typo.hits().get(0).title().parts()).first().isEqualTo(new ContentSearchText.Part("Mashtrimet", true));
        assertThat(besideAWord.hits()).extracting(ContentSearchResults.Hit::id).first().isEqualTo(article);
        assertThat(besideAWord.similar()).isTrue();
    }

    @Test
    void aTypoBesideAWordFindsTheArticlesWithBothWhenThereAreEnoughOfThem() {
        List<UUID> both = List.of(article("sq", "GUIDE", "b1", "Bullizëm dhe fëmijët", "Çfarë të bëni.", "…"),
                article("sq", "GUIDE", "b2", "Fëmijët që përjetojnë bullizëm", "Shenjat.", "…"),
                article("sq", "NEWS", "b3", "Fushatë", "Kundër bullizëm te fëmijët.", "…"),
                article("sq", "FAQ", "b4", "Pyetje", "Si flas me fëmijë?", "Kur ka bullizëm, dëgjojeni."));
        article("sq", "GUIDE", "vetem-femije", "Fëmijët dhe ekranet", "Koha para ekranit.", "…");
        article("sq", "GUIDE", "vetem-bullizem", "Bullizëm në shkollë", "Për mësuesit.", "…");

        ContentSearchResults results = search.search(Language.SQ, "bulizem femije", ContentSearchFilters.NONE, 1);

        assertThat(results.hits()).extracting(ContentSearchResults.Hit::id).containsExactlyInAnyOrderElementsOf(both);
        assertThat(results.total()).isEqualTo(4);
        assertThat(results.similar()).isTrue();
        assertThat(results.hits().get(0).title().parts()).filteredOn(ContentSearchText.Part::match).isNotEmpty();
    }

    /** As many articles in each language, every one with "siguria" or "safety" in its title, half of them guides. */
    private void many(int count) {
        java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO content_article (id, translation_group, language, type, slug, title, summary, body, audiences, topics, status,
                    published_at, author_name, created_at, updated_at)
                SELECT gen_random_uuid(), gen_random_uuid(), language, CASE WHEN n % 2 = 0 THEN 'GUIDE' ELSE 'NEWS' END, 'siguria-' || n,
                       CASE WHEN language = 'sq' THEN 'Siguria numër ' ELSE 'Safety number ' END || n, '', '', ARRAY['PARENTS'], ARRAY['privacy'],
                       'PUBLISHED', CAST(? AS timestamptz) - n * interval '1 minute', 'Test', ?, ?
                FROM generate_series(1, ?) n CROSS JOIN (VALUES ('sq'), ('en')) languages (language)""")
                .params(now, now, now, count).update();
        jdbc.sql("ANALYZE content_article").update();
    }

    private List<UUID> ids(String query) {
        return ids(Language.SQ, query);
    }

    private List<UUID> ids(Language language, String query) {
        return search.search(language, query, ContentSearchFilters.NONE, 1).hits().stream().map(ContentSearchResults.Hit::id).toList();
    }

    private List<UUID> ids(String query, ContentSearchFilters filters) {
        return search.search(Language.SQ, query, filters, 1).hits().stream().map(ContentSearchResults.Hit::id).toList();
    }

    private UUID article(String language, String type, String slug, String title, String summary, String body) {
        return article(language, type, slug, title, summary, body, new String[0], new String[0]);
    }

    private UUID article(String language, String type, String slug, String title, String summary, String body, String[] audiences, String[] topics) {
        return article(language, type, slug, title, summary, body, audiences, topics, "PUBLISHED", null, null);
    }

    private UUID article(String language, String type, String slug, String title, String summary, String body, String[] audiences, String[] topics,
            String status, @Nullable Instant publishAt, @Nullable Instant unpublishAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO content_article (id, translation_group, language, type, slug, title, summary, body, audiences, topics, status,
                    publish_at, unpublish_at, published_at, author_name, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Test', ?, ?)""")
                .params(id, UUID.randomUUID(), language, type, slug, title, summary, body, audiences, topics, status,
                        publishAt == null ? null : java.sql.Timestamp.from(publishAt), unpublishAt == null ? null : java.sql.Timestamp.from(unpublishAt),
                        "PUBLISHED".equals(status) ? java.sql.Timestamp.from(clock.instant()) : null,
                        java.sql.Timestamp.from(clock.instant()), java.sql.Timestamp.from(clock.instant()))
                .update();
        return id;
    }
}
