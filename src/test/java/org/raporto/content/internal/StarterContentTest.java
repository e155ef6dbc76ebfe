package org.raporto.content.internal;

import org.junit.jupiter.api.Test;
import org.raporto.content.ArticleType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading one starter content file; installing them is tested with the pages ({@code ContentPagesTest}, {@code StarterContentInstallTest}). */
class StarterContentTest {

    private static final String GOOD = """
            ---
            type: GUIDE
            slug: koha-para-ekranit
            title: "Koha para ekranit: rregulla"
            summary: Rregulla të thjeshta.
            audiences: PARENTS, TEACHERS
            topics: screen-time
            featured: true
            position: 3
            published: 2026-09-15
            ---
            Body **here**.
            """;

    @Test
    void readsTheFrontMatterAndTheBody() {
        StarterContent.SeedArticle article = StarterContent.parse("koha.sq.md", GOOD);
        assertThat(article.stem()).isEqualTo("koha");
        assertThat(article.language()).isEqualTo("sq");
        assertThat(article.type()).isEqualTo(ArticleType.GUIDE);
        assertThat(article.title()).isEqualTo("Koha para ekranit: rregulla");
        assertThat(article.audiences()).containsExactly("PARENTS", "TEACHERS");
        assertThat(article.topics()).containsExactly("screen-time");
        assertThat(article.featured()).isTrue();
        assertThat(article.position()).isEqualTo(3);
        assertThat(article.published()).hasToString("2026-09-15");
        assertThat(article.body()).isEqualTo("Body **here**.");
        assertThat(article.pdf()).isFalse();
        assertThat(StarterContent.parse("koha.sq.md", GOOD.replace("featured: true", "pdf: true")).pdf()).isTrue();
    }

    @Test
    void translationsOfOneStemShareAGroupThatIsTheSameEverywhere() {
        assertThat(StarterContent.translationGroup("koha")).isEqualTo(StarterContent.translationGroup("koha"))
                .isNotEqualTo(StarterContent.translationGroup("koha-2"));
    }

    @Test
    void aMalformedFileIsNamedWithItsProblem() {
        assertRefused("Koha.sq.md", GOOD, "Koha.sq.md", "the name must be");
        assertRefused("koha.de.md", GOOD, "koha.de.md", "the name must be");
        assertRefused("koha.sq.md", "Body without front matter", "koha.sq.md", "front matter");
        assertRefused("koha.sq.md", "---\ntype: GUIDE\nslug: a\ntitle: A\n", "koha.sq.md", "no closing ---");
        assertRefused("koha.sq.md", GOOD.replace("type: GUIDE", "type: POEM"), "koha.sq.md", "unknown type \"POEM\"");
        assertRefused("koha.sq.md", GOOD.replace("slug: koha-para-ekranit", "slug: Koha Ekranit"), "koha.sq.md", "slug \"Koha Ekranit\"");
        assertRefused("koha.sq.md", GOOD.replace("title: \"Koha para ekranit: rregulla\"\n", ""), "koha.sq.md", "\"title:\" is required");
        assertRefused("koha.sq.md", GOOD.replace("PARENTS", "GRANDPARENTS"), "koha.sq.md", "unknown audience \"GRANDPARENTS\"");
        assertRefused("koha.sq.md", GOOD.replace("featured: true", "featured: yes"), "koha.sq.md", "featured must be");
        assertRefused("koha.sq.md", GOOD.replace("position: 3", "position: third"), "koha.sq.md", "position");
        assertRefused("koha.sq.md", GOOD.replace("2026-09-15", "15.09.2026"), "koha.sq.md", "published must be a date");
        assertRefused("koha.sq.md", GOOD.replace("featured: true", "colour: blue"), "koha.sq.md", "unknown key \"colour\"");
        assertRefused("koha.sq.md", GOOD.replace("featured: true", "page: about"), "koha.sq.md", "\"page:\" is required for type PAGE");
        assertRefused("koha.sq.md", GOOD.replace("type: GUIDE", "type: PAGE"), "koha.sq.md", "\"page:\" is required for type PAGE");
        assertRefused("koha.sq.md", GOOD.replace("featured: true", "link: http://example.org/"), "koha.sq.md", "https://");
        assertRefused("koha.sq.md", GOOD.replace("featured: true", "featured: true\nfeatured: false"), "koha.sq.md", "twice");
        assertRefused("koha.sq.md", GOOD.replace("featured: true", "pdf: yes"), "koha.sq.md", "pdf must be true or false");
        assertRefused("koha.sq.md", GOOD.replace("type: GUIDE", "type: FAQ").replace("featured: true", "pdf: true"), "koha.sq.md",
                "\"pdf: true\" needs an article with a page of its own");
    }

    private static void assertRefused(String file, String text, String... message) {
        assertThatThrownBy(() -> StarterContent.parse(file, text)).isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll(message);
    }
}
