package org.raporto.content.web;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.raporto.testing.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of public content page over real HTTP, in both languages, fed by the sample starter content. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "raporto.content.seed-location=classpath:content/seed-sample/")
@Import(ContentPagesTest.Time.class)
class ContentPagesTest {

    static final Instant START = Instant.parse("2026-11-01T10:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class Time {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(START);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Test
    void aGuideIsShownInItsLanguageWithDateReadingTimeTopicsAndTheReportBox() throws Exception {
        HttpResponse<String> response = get("/sq/udhezues/cfare-te-besh-kur-te-bullizojne");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("<html lang=\"sq\">")
                .contains("<h1>Çfarë të bësh kur të bullizojnë në internet</h1>")
                .contains("<h2>Mos u përgjigj</h2>")
                .contains("<strong>Ruaj provat</strong>")
                .contains("<time datetime=\"2026-10-01\">01.10.2026</time>")
                .contains("1 minutë lexim")
                .contains("<a href=\"/sq/tema/bullizmi\">Bullizmi në internet</a>")
                .contains("Keni hasur diçka të tillë në internet?")
                .contains("<link rel=\"alternate\" hreflang=\"en\" href=\"http://localhost:8080/en/guides/what-to-do-when-you-are-bullied\">")
                .contains("<link rel=\"canonical\" href=\"http://localhost:8080/sq/udhezues/cfare-te-besh-kur-te-bullizojne\">")
                .contains("<meta property=\"og:title\" content=\"Çfarë të bësh kur të bullizojnë në internet\">")
                .contains("<meta name=\"description\" content=\"Hapat e parë kur dikush të fyen ose të kërcënon në internet.\">")
                .doesNotContain("<script>alert");
        assertThat(get("/en/guides/what-to-do-when-you-are-bullied").body())
                .contains("<html lang=\"en\">", "<h1>What to do when you are bullied online</h1>", "1 minute read",
                        "href=\"/sq/udhezues/cfare-te-besh-kur-te-bullizojne\" hreflang=\"sq\"");
    }

    @Test
    void relatedArticlesShareATopic() throws Exception {
        assertThat(get("/sq/udhezues/cfare-te-besh-kur-te-bullizojne").body())
                .contains("Lexoni gjithashtu", "<a href=\"/sq/udhezues/koha-para-ekranit-ne-familje\">Koha para ekranit në familje</a>");
    }

    @Test
    void anArticleMissingInOneLanguageSaysSoAndOffersTheOther() throws Exception {
        String albanian = get("/sq/udhezues/koha-para-ekranit-ne-familje").body();
        assertThat(albanian).contains("This page is not available in English.")
                .doesNotContain("hreflang=\"en\" href=")
                .contains("href=\"/en/guides/koha-para-ekranit-ne-familje\" hreflang=\"en\"");
        HttpResponse<String> english = get("/en/guides/koha-para-ekranit-ne-familje");
        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(english.body()).contains("This page is not available in English", "You can read it in Albanian:",
                "<a href=\"/sq/udhezues/koha-para-ekranit-ne-familje\" hreflang=\"sq\" lang=\"sq\">Koha para ekranit në familje</a>");
    }

    @Test
    void anUnknownArticleOrAnArticleUnderAnotherTypeIsNotFound() throws Exception {
        assertThat(get("/sq/udhezues/nuk-ekziston").statusCode()).isEqualTo(404);
        assertThat(get("/sq/lajme/cfare-te-besh-kur-te-bullizojne").statusCode()).isEqualTo(404);
        assertThat(get("/en/topics/nothing").statusCode()).isEqualTo(404);
        assertThat(get("/en/for/nobody").statusCode()).isEqualTo(404);
    }

    @Test
    void anOldSlugMovesPermanentlyToTheCurrentOne() throws Exception {
        UUID id = jdbc.sql("SELECT id FROM content_article WHERE language = 'sq' AND slug = 'dita-e-internetit-te-sigurt'").query(UUID.class).single();
        jdbc.sql("INSERT INTO content_old_slug (language, slug, article_id) VALUES ('sq', 'dita-e-sigurise', :id)").param("id", id).update();
        HttpResponse<String> response = get("/sq/lajme/dita-e-sigurise");
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/sq/lajme/dita-e-internetit-te-sigurt"));
    }

    @Test
    void theNewsListIsPagedAndHasAFeed() throws Exception {
        assertThat(get("/sq/lajme").body()).contains("<h1>Lajme</h1>", "<a href=\"/sq/lajme/dita-e-internetit-te-sigurt\">Dita e Internetit të Sigurt</a>",
                "10.02.2026", "href=\"/sq/lajme/rss.xml\"");
        assertThat(get("/en/news?faqja=99").body()).contains("<a href=\"/en/news/safer-internet-day\">Safer Internet Day</a>");
        assertThat(get("/en/news?faqja=x").statusCode()).isEqualTo(200);

        HttpResponse<String> feed = get("/en/news/rss.xml");
        assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/rss+xml"));
        assertThat(feed.body()).contains("<rss version=\"2.0\"", "<title>Safer Internet Day</title>",
                "<link>http://localhost:8080/en/news/safer-internet-day</link>", "<language>en</language>")
                .doesNotContain("Dita e Internetit");
    }

    @Test
    void theNewsAreAnAtomFeedTooWithEntriesThatLinkToTheirPages() throws Exception {
        HttpResponse<String> feed = get("/en/news/atom.xml");
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/atom+xml"));
        assertThat(feed.headers().firstValue("Last-Modified")).isPresent();

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document atom = factory.newDocumentBuilder().parse(new InputSource(new StringReader(feed.body())));
        Element root = atom.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(root.getAttribute("xml:lang")).isEqualTo("en");
        assertThat(child(root, "id")).isEqualTo("http://localhost:8080/en/news/atom.xml");
        assertThat(child(root, "title")).isEqualTo("News · Raporto");
        assertThat(child(root, "updated")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(links(root)).contains("self application/atom+xml http://localhost:8080/en/news/atom.xml",
                "alternate text/html http://localhost:8080/en/news");
        NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
        assertThat(entries.getLength()).isEqualTo(1);
        Element entry = (Element) entries.item(0);
        assertThat(child(entry, "title")).isEqualTo("Safer Internet Day");
        assertThat(child(entry, "id")).startsWith("urn:uuid:");
        assertThat(child(entry, "updated")).isNotBlank();
        assertThat(child(entry, "summary")).isNotNull();
        assertThat(links(entry)).containsExactly("alternate text/html http://localhost:8080/en/news/safer-internet-day");

        assertThat(get("/sq/lajme/atom.xml").body()).contains("xml:lang=\"sq\"", "<title>Dita e Internetit të Sigurt</title>");
        String etag = feed.headers().firstValue("ETag").orElseThrow();
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/en/news/atom.xml")).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(304);
    }

    @Test
    void everyPublicPageAnnouncesBothFeeds() throws Exception {
        assertThat(get("/sq/faqe/misioni").body()).contains(
                "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Lajmet (RSS)\" href=\"/sq/lajme/rss.xml\">",
                "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Lajmet (Atom)\" href=\"/sq/lajme/atom.xml\">");
        assertThat(get("/en/").body()).contains("type=\"application/atom+xml\" title=\"News (Atom)\" href=\"/en/news/atom.xml\"");
        assertThat(get("/en/news").body()).contains("<a href=\"/en/news/atom.xml\" type=\"application/atom+xml\">News as Atom</a>");
    }

    @Test
    void audienceHubsUnderTheAlbanianSegmentInEnglishMoveToTheirEnglishAddress() throws Exception {
        HttpResponse<String> moved = get("/en/per/parents");
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/en/for/parents"));
        assertThat(get("/en/per/prinder").headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/en/for/parents"));
        assertThat(get("/en/per/nobody").statusCode()).isEqualTo(404);
    }

    @Test
    void theFaqIsOnePageWithAnchors() throws Exception {
        assertThat(get("/sq/pyetje").body()).contains("<a href=\"#a-mund-te-raportoj-anonimisht\">A mund të raportoj anonimisht?</a>",
                "<section id=\"a-mund-te-raportoj-anonimisht\"", "Nuk ju kërkojmë as emrin");
        assertThat(get("/en/faq").body()).contains("<section id=\"can-i-report-anonymously\"");
    }

    @Test
    void partnersShowTheirRoleAndSite() throws Exception {
        assertThat(get("/en/partners").body()).contains("<h2 id=\"state-police-title\">State Police</h2>", "Investigates cybercrime against children.",
                "<a href=\"https://www.asp.gov.al/\" rel=\"noopener noreferrer nofollow\">");
    }

    @Test
    void audienceHubsAndTopicPagesListTheirArticles() throws Exception {
        assertThat(get("/sq/per/prinder").body()).contains("<h1>Për prindërit</h1>", "/sq/udhezues/koha-para-ekranit-ne-familje")
                .doesNotContain("/sq/udhezues/cfare-te-besh");
        assertThat(get("/en/for/teens-13-17").body()).contains("/en/guides/what-to-do-when-you-are-bullied");
        assertThat(get("/en/topics/cyberbullying").body()).contains("<h1>Cyberbullying</h1>", "/en/guides/what-to-do-when-you-are-bullied",
                "Report it to us");
        assertThat(get("/sq/tema/privatesia").body()).contains("Këtu nuk ka ende asgjë").doesNotContain("Keni hasur diçka");
    }

    @Test
    void fixedPagesAreArticlesOfTheirOwn() throws Exception {
        assertThat(get("/sq/faqe/misioni").body()).contains("<h1>Misioni ynë</h1>", "hreflang=\"en\" href=\"http://localhost:8080/en/pages/our-mission\"");
    }

    @Test
    void theHomePageHasHubsFeaturedGuidesAndTheLatestNews() throws Exception {
        assertThat(get("/en/").body()).contains("<a class=\"button\" href=\"/en/for/children-6-9\">For children aged 6–9</a>",
                "Featured guides", "<a href=\"/en/guides/what-to-do-when-you-are-bullied\">", "Latest news", "<a href=\"/en/news/safer-internet-day\">",
                "<a href=\"/en/topics/cyberbullying\">Cyberbullying</a>", "<a href=\"/en/pages/our-mission\">Our mission</a>");
    }

    @Test
    void aScheduledArticleAppearsExactlyAtItsTimeAndLeavesAtItsEnd() throws Exception {
        Instant publishAt = clock.instant().plus(Duration.ofHours(2));
        Instant unpublishAt = publishAt.plus(Duration.ofDays(1));
        jdbc.sql("""
                INSERT INTO content_article (id, translation_group, language, type, slug, title, body, status, publish_at, unpublish_at,
                    author_name, created_at, updated_at)
                VALUES (:id, :id, 'en', 'NEWS', 'scheduled-news', 'Scheduled news', 'Soon.', 'PUBLISHED', :publishAt, :unpublishAt,
                    'Editor', :now, :now)
                """).param("id", UUID.randomUUID()).param("publishAt", Timestamp.from(publishAt)).param("unpublishAt", Timestamp.from(unpublishAt))
                .param("now", Timestamp.from(clock.instant())).update();
        assertThat(get("/en/news/scheduled-news").statusCode()).isEqualTo(404);
        assertThat(get("/en/news").body()).doesNotContain("Scheduled news");

        clock.advance(Duration.between(clock.instant(), publishAt).minusMillis(1));
        assertThat(get("/en/news/scheduled-news").statusCode()).isEqualTo(404);
        clock.advance(Duration.ofMillis(1));
        assertThat(get("/en/news/scheduled-news").statusCode()).isEqualTo(200);
        assertThat(get("/en/news").body()).contains("Scheduled news");

        clock.advance(Duration.ofDays(1));
        assertThat(get("/en/news/scheduled-news").statusCode()).isEqualTo(404);
    }

    @Test
    void contentPagesAnswerAConditionalRequestWithNotModified() throws Exception {
        HttpResponse<String> first = get("/en/guides/what-to-do-when-you-are-bullied");
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache, public");
        assertThat(first.headers().firstValue("Last-Modified")).isPresent();
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/en/guides/what-to-do-when-you-are-bullied"))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void reportingPagesAreStillNeverKept() throws Exception {
        HttpResponse<String> response = get("/en/raporto");
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(response.headers().firstValue("ETag")).isEmpty();
    }

    @Test
    void mediaIsServedFromTheDatabaseWithItsTypeNameAndCaching() throws Exception {
        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO content_media (id, kind, media_type, file_name, bytes, size, alt_sq, alt_en, sha256, created_by, created_at)
                VALUES (:id, 'PDF', 'application/pdf', 'manuali-mesuesit.pdf', :bytes, :size, 'Manuali', 'Manual', :sha, 'Editor', :now)
                """).param("id", id).param("bytes", pdf).param("size", pdf.length)
                .param("sha", MessageDigest.getInstance("SHA-256").digest(pdf)).param("now", Timestamp.from(START)).update();

        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/media/" + id)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(pdf);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(value ->
                assertThat(value).startsWith("attachment;").contains("manuali-mesuesit.pdf"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("max-age=31536000"));
        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/media/" + id)).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(304);
        assertThat(get("/media/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(get("/media/not-an-id").statusCode()).isEqualTo(404);
    }

    @Test
    void theSiteMapNamesEveryPageWithItsLanguageAlternatesAndRobotsPointToIt() throws Exception {
        assertThat(get("/sitemap.xml").body()).contains("<loc>http://localhost:8080/sq/udhezues/cfare-te-besh-kur-te-bullizojne</loc>",
                "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"http://localhost:8080/en/guides/what-to-do-when-you-are-bullied\"/>",
                "<loc>http://localhost:8080/sq/udhezues/koha-para-ekranit-ne-familje</loc>", "<loc>http://localhost:8080/en/faq</loc>")
                .doesNotContain("/en/guides/koha-para-ekranit");
        assertThat(get("/robots.txt").body()).contains("Disallow: /staff/", "Sitemap: http://localhost:8080/sitemap.xml");
    }

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    /** The text of an element's own child of that name (not a descendant's). */
    private static String child(Element parent, String name) {
        for (org.w3c.dom.Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && ATOM.equals(element.getNamespaceURI()) && element.getLocalName().equals(name)) {
                return element.getTextContent();
            }
        }
        return null;
    }

    private static java.util.List<String> links(Element parent) {
        java.util.List<String> links = new java.util.ArrayList<>();
        for (org.w3c.dom.Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getLocalName().equals("link")) {
                links.add(element.getAttribute("rel") + " " + element.getAttribute("type") + " " + element.getAttribute("href"));
            }
        }
        return links;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
