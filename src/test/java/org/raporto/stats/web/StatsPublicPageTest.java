package org.raporto.stats.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The public statistics of 2023 in both languages: small cells suppressed, the methodology, no detail of abuse material. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatsPublicPageTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void knownYear() {
        jdbc.sql("DELETE FROM stats_report WHERE received_at >= '2022-12-01' AND received_at < '2024-02-01'").update();
        // 7 hate speech in March (6 hosted in both DE and FR, 1 in US), 6 cyberbullying in June (5 in US),
        // 3 child sexual abuse material in July hosted in NL.
        for (int i = 0; i < 7; i++) {
            report("2023-03-1" + i + "T09:00:00Z", "hate-speech", false, i < 6 ? "{DE,FR}" : "{US}");
        }
        for (int i = 0; i < 6; i++) {
            report("2023-06-1" + i + "T09:00:00Z", "cyberbullying", false, i < 5 ? "{US}" : "{}");
        }
        for (int i = 0; i < 3; i++) {
            report("2023-07-1" + i + "T09:00:00Z", "csam", true, "{NL}");
        }
    }

    @Test
    void englishPageShowsTheYearWithSmallCellsSuppressed() throws Exception {
        HttpResponse<String> page = get("/en/statistics?year=2023");

        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("<h1>Statistics of the hotline</h1>", "Reports received in 2023", "<p class=\"stats-total\">16</p>",
                "How these figures are made", "href=\"/en/statistics\"");
        // Categories: 7 shown, 3 "< 5", and 6 withheld so that 3 cannot be worked out from 16.
        String categories = section(body, "id=\"categories\"", "id=\"outcomes\"");
        assertThat(categories).contains("<td>7</td>", "<td>&lt; 5</td>", "<td>withheld</td>").doesNotContain("<td>3</td>", "<td>6</td>");
        String months = section(body, "id=\"months\"", "id=\"categories\"");
        assertThat(months).contains("March", "<td>7</td>").doesNotContain("<td>0</td>", "<td>3</td>");
        // Items, not reports: Europe has 6 in DE, 6 in FR and 3 in NL; North America 1 + 5 in US. Countries are not public.
        assertThat(section(body, "id=\"regions\"", "id=\"methodology\"")).contains("<th scope=\"col\">Items</th>",
                "<th scope=\"row\">Europe</th>\n        <td>15</td>", "<th scope=\"row\">North and Central America, Caribbean</th>\n        <td>6</td>")
                .doesNotContain("&lt; 5");
        assertThat(body).doesNotContain("Netherlands", "Germany");
    }

    @Test
    void albanianPageSaysTheSame() throws Exception {
        HttpResponse<String> page = get("/sq/statistika?year=2023");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Statistikat e linjës së raportimit", "<p class=\"stats-total\">16</p>", "mars", "e fshehur",
                "Si bëhen këto shifra", "Evropë");
    }

    @Test
    void aYearThatIsNoYearIsExplained() throws Exception {
        for (String year : new String[] {"abc", "1999", "3000", "2023' OR '1'='1", "99999999999999999999"}) {
            HttpResponse<String> page = get("/en/statistics?year=" + java.net.URLEncoder.encode(year, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(page.statusCode()).as(year).isEqualTo(400);
            assertThat(page.body()).as(year).contains("<title>Error:", "Choose a year from the list.");
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String section(String body, String from, String to) {
        int start = body.indexOf(from);
        int end = body.indexOf(to, start);
        assertThat(start).isNotNegative();
        assertThat(end).isGreaterThan(start);
        return body.substring(start, end);
    }

    private void report(String received, String category, boolean csam, String countries) {
        jdbc.sql("""
                INSERT INTO stats_report (report_id, received_at, category_code, channel, reporter_role, age_band, csam, case_status,
                    illegal_countries, refreshed_at)
                VALUES (?, ?, ?, 'WEB', 'PARENT', 'UNKNOWN', ?, 'CLOSED', CAST(? AS text[]), now())""")
                .params(UUID.randomUUID(), Timestamp.from(Instant.parse(received)), category, csam, countries)
                .update();
    }
}
