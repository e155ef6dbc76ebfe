package org.raporto.intake.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportingPagesTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void beforeReportingTheEmergencyNumbersComeFirstThenTheWarningAboutAbuseImages() throws Exception {
        String page = get("/sq/raporto", "text/html").body();
        int main = page.indexOf("<main");
        int danger = page.indexOf("Një fëmijë është në rrezik tani?", main);
        int warning = page.indexOf("Mos shkarkoni, mos bëni pamje ekrani", main);
        int categories = page.indexOf("Çfarë mund të raportoni këtu", main);
        assertThat(danger).isPositive().isLessThan(warning);
        assertThat(warning).isLessThan(categories);
        assertThat(page).contains("href=\"tel:112\"", "href=\"tel:129\"", "href=\"tel:116111\"")
                .contains("Material i abuzimit seksual të fëmijëve", "Diçka tjetër që dëmton fëmijët në internet")
                .contains("Çfarë duhet raportuar diku tjetër", "Anonim, nëse nuk zgjidhni ndryshe");
    }

    @Test
    void theEnglishPageListsTheCategoriesInEnglish() throws Exception {
        String page = get("/en/raporto", "text/html").body();
        assertThat(page).contains("<html lang=\"en\">", "Child sexual abuse material", "Cyberbullying, threats or harassment",
                "href=\"/sq/raporto\" hreflang=\"sq\"");
    }

    @Test
    void categoriesAreAvailableAsJsonInBothLanguages() throws Exception {
        HttpResponse<String> response = get("/api/v1/categories", "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body())
                .contains("\"code\":\"csam\"", "\"requires\":\"URL\"", "\"attachmentsAllowed\":false")
                .contains("\"en\":\"Child sexual abuse material\"", "\"sq\":\"Material i abuzimit seksual të fëmijëve\"");
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
