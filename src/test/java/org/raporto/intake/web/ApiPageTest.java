package org.raporto.intake.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.altcha.altcha.Altcha;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.raporto.intake.AgeBand;
import org.raporto.intake.Categories;
import org.raporto.intake.Category;
import org.raporto.intake.Happened;
import org.raporto.intake.Platform;
import org.raporto.intake.ReporterRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API page over real HTTP, held to the API it describes: the same endpoints as the OpenAPI document, every value
 * the API takes, examples that the API answers as the page shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiPageTest {

    private static final Pattern ENDPOINT = Pattern.compile("<p class=\"endpoint\"><code>(GET|POST) ([^<]+)</code></p>");
    private static final Pattern ERROR_ROW = Pattern.compile("<tr>\\s*<td><code>([^<]+)</code></td>\\s*<td>((?:<code>[^<]+</code>\\s*)+)</td>");
    private static final Pattern CODE = Pattern.compile("<code>([^<]+)</code>");

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Categories categories;

    @ParameterizedTest
    @ValueSource(strings = {"/sq/api", "/en/api"})
    void bothLanguagesDescribeEveryEndpointEveryValueAndEveryCategory(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        String page = response.body();
        assertThat(page).contains("<code>GET /api/v1/categories</code>", "<code>GET /api/v1/challenge</code>",
                "<code>POST /api/v1/reports</code>", "<code>POST /api/v1/reports/follow-up</code>",
                "<code>POST /api/v1/reports/follow-up/messages</code>", "href=\"/v3/api-docs\"", "href=\"/v3/api-docs.yaml\"");
        for (Class<? extends Enum<?>> type : List.of(Platform.class, Happened.class, AgeBand.class, ReporterRole.class)) {
            for (Enum<?> value : type.getEnumConstants()) {
                assertThat(page).as(value.toString()).contains("<td><code>" + ApiCodes.of(value) + "</code></td>");
            }
        }
        assertThat(page).contains("<td><code>13-15</code></td>", "<td><code>this-week</code></td>", "<td><code>in_review</code></td>");
        for (Category category : categories.active()) {
            assertThat(page).contains("<td><code>" + category.code() + "</code></td>", "<td><code>" + category.requires() + "</code></td>");
        }
        assertThat(page).contains("<code>Idempotency-Key</code>", "<code>Altcha</code>", "<code>proofOfWorkMissing</code>");
    }

    @Test
    void theAlbanianPageIsInAlbanianAndLeadsToItsEnglishCounterpart() throws Exception {
        String page = get("/sq/api").body();
        assertThat(page).contains("<html lang=\"sq\">", "<title>API për aplikacione dhe partnerë · Raporto</title>", "API-ja e raportimit")
                .contains("<link rel=\"alternate\" hreflang=\"en\" href=\"http://localhost:8080/en/api\">")
                .contains("href=\"/en/api\" hreflang=\"en\" lang=\"en\">English</a>");
    }

    @Test
    void theEnglishPageIsInEnglishAndLeadsToItsAlbanianCounterpart() throws Exception {
        String page = get("/en/api").body();
        assertThat(page).contains("<html lang=\"en\">", "<title>API for apps and partners · Raporto</title>", "The reporting API")
                .contains("<link rel=\"alternate\" hreflang=\"sq\" href=\"http://localhost:8080/sq/api\">")
                .contains("href=\"/sq/api\" hreflang=\"sq\" lang=\"sq\">Shqip</a>");
    }

    @Test
    void theLimitsAndTheStateOfTheProofOfWorkComeFromTheSettings() throws Exception {
        String page = get("/en/api").body();
        // The test settings raise the hourly limits and switch the proof of work off.
        assertThat(page).contains("may send 10,000 reports and 10,000 follow-up requests an hour", "100,000 reports and 100,000 follow-up requests a minute")
                .contains("at most 64 KiB", "proof of work is switched off for now");
    }

    @Test
    void theReportingPageAndEveryFooterLeadToTheApiPage() throws Exception {
        assertThat(get("/sq/raporto").body()).contains("<a href=\"/sq/api\">Po ndërtoni një aplikacion");
        assertThat(get("/en/").body()).contains("<a href=\"/en/api\">API for apps and partners</a>");
    }

    @Test
    void theEndpointsOnThePageAreThoseOfTheOpenApiDocument() throws Exception {
        Set<String> onThePage = new TreeSet<>();
        Matcher endpoint = ENDPOINT.matcher(get("/en/api").body());
        while (endpoint.find()) {
            onThePage.add(endpoint.group(1) + " " + endpoint.group(2));
        }
        Set<String> documented = new TreeSet<>();
        JsonNode paths = JsonMapper.shared().readTree(get("/v3/api-docs").body()).path("paths");
        for (String path : paths.propertyNames()) {
            for (String method : paths.path(path).propertyNames()) {
                documented.add(method.toUpperCase() + " " + path);
            }
        }
        assertThat(onThePage).isEqualTo(documented);
        assertThat(get("/v3/api-docs.yaml").statusCode()).isEqualTo(200);
    }

    @Test
    void theRefusedReportOfTheExampleIsAnsweredAsThePageShows() throws Exception {
        String page = get("/en/api").body();
        HttpResponse<String> answer = post("/api/v1/reports", body(example(page, "example-invalid-request")), Map.of());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer.body())).isEqualTo(json(body(example(page, "example-invalid-response"))));
    }

    @Test
    void theExampleReportIsAcceptedAndFollowedWithTheFieldsThePageShows() throws Exception {
        String page = get("/sq/api").body();
        HttpResponse<String> created = post("/api/v1/reports", body(example(page, "example-report-request")),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode answer = json(created.body());
        assertThat(answer.propertyNames()).containsExactlyElementsOf(json(body(example(page, "example-report-response"))).propertyNames());

        String receipt = answer.path("receipt").asString();
        HttpResponse<String> followed = post("/api/v1/reports/follow-up", "{\"receipt\": \"" + receipt + "\"}", Map.of());
        JsonNode status = json(followed.body());
        assertThat(status.propertyNames()).containsExactlyElementsOf(json(body(example(page, "example-follow-up-response"))).propertyNames());

        ObjectNode reply = json(body(example(page, "example-reply-request"))).asObject().put("receipt", receipt);
        HttpResponse<String> sent = post("/api/v1/reports/follow-up/messages", reply.toString(), Map.of());
        assertThat(sent.statusCode()).isEqualTo(201);
        assertThat(json(sent.body())).isEqualTo(json(body(example(page, "example-reply-response"))));
        JsonNode message = json(post("/api/v1/reports/follow-up", "{\"receipt\": \"" + receipt + "\"}", Map.of()).body()).path("messages").get(0);
        assertThat(message.propertyNames()).containsExactlyElementsOf(
                json(body(example(page, "example-follow-up-response"))).path("messages").get(0).propertyNames());
    }

    @Test
    void theExampleChallengeIsSolvedByTheNumberThePageGivesAndTheHeaderCarriesTheSolution() throws Exception {
        String page = get("/en/api").body();
        JsonNode challenge = json(body(example(page, "example-challenge-response")));
        Altcha.Solution solution = Altcha.solveChallenge(challenge.path("challenge").asString(), challenge.path("salt").asString(),
                Altcha.Algorithm.SHA256, challenge.path("maxnumber").asLong(), 0);
        assertThat(page).contains("solved by n = " + solution.number + ":");

        JsonNode payload = json(example(page, "example-payload"));
        assertThat(payload.path("number").asLong()).isEqualTo(solution.number);
        assertThat(payload.path("salt").asString()).isEqualTo(challenge.path("salt").asString());
        String header = example(page, "example-header");
        assertThat(json(new String(Base64.getDecoder().decode(header), StandardCharsets.UTF_8))).isEqualTo(payload);
        assertThat(example(page, "example-report-request")).contains("Altcha: " + header);
    }

    @Test
    void everyMistakeTheApiNamesIsOnThePage() throws Exception {
        Set<String> listed = new HashSet<>();
        Matcher row = ERROR_ROW.matcher(get("/en/api").body());
        while (row.find()) {
            Matcher code = CODE.matcher(row.group(2));
            while (code.find()) {
                listed.add(row.group(1) + " " + code.group(1));
            }
        }
        List<String> named = new ArrayList<>();
        named.addAll(mistakes("/api/v1/reports", """
                {"category": "nope", "urls": ["javascript:x", ""], "username": "@someone", "when": "soon",
                 "childAgeBand": "14", "reporterRole": "robot", "contact": {"email": "not-an-email"}}
                """, "not-a-uuid"));
        named.addAll(mistakes("/api/v1/reports", """
                {"category": "other", "username": "%s", "platform": "tiktok", "description": "%s", "contact": {"phone": "call me"}}
                """.formatted("x".repeat(201), "x".repeat(5001)), null));
        named.addAll(mistakes("/api/v1/reports", "{\"category\": \"csam\", \"description\": \"saw it\"}", null));
        named.addAll(mistakes("/api/v1/reports", "{\"category\": \"fake-profile\"}", null));
        named.addAll(mistakes("/api/v1/reports", "{\"category\": \"other\"}", null));
        named.addAll(mistakes("/api/v1/reports", "{\"category\": \"other\", \"urls\": [" + String.join(",", Collections.nCopies(21, "\"a.example\"")) + "]}", null));
        String receipt = json(post("/api/v1/reports", "{\"category\": \"other\", \"description\": \"d\"}", Map.of()).body()).path("receipt").asString();
        named.addAll(mistakes("/api/v1/reports/follow-up/messages", "{\"receipt\": \"" + receipt + "\", \"message\": \" \"}", null));
        named.addAll(mistakes("/api/v1/reports/follow-up/messages", "{\"receipt\": \"" + receipt + "\", \"message\": \"" + "x".repeat(5001) + "\"}", null));

        assertThat(named).contains("urls[n] url.NOT_WEB", "urls[n] url.EMPTY", "urls ADDRESS_REQUIRED", "message empty", "Idempotency-Key uuid")
                .hasSizeGreaterThanOrEqualTo(16);
        assertThat(listed).containsAll(named);
    }

    /** The field and code of each error the API gives for this request, with addresses numbered n. */
    private List<String> mistakes(String path, String body, String idempotencyKey) throws Exception {
        HttpResponse<String> answer = post(path, body, idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        List<String> named = new ArrayList<>();
        for (JsonNode error : json(answer.body()).path("errors")) {
            named.add(error.path("field").asString().replaceAll("\\[\\d+]", "[n]") + " " + error.path("code").asString());
        }
        return named;
    }

    /** The text of the example with this id, as a reader of the page sees it. */
    private static String example(String page, String id) {
        Matcher example = Pattern.compile("<pre id=\"" + id + "\"><code>(.*?)</code></pre>", Pattern.DOTALL).matcher(page);
        assertThat(example.find()).as(id).isTrue();
        return HtmlUtils.htmlUnescape(example.group(1));
    }

    /** The body of an HTTP message: what follows the first empty line. */
    private static String body(String message) {
        int blank = message.indexOf("\n\n");
        assertThat(blank).as("an empty line before the body of " + message).isPositive();
        return message.substring(blank + 2);
    }

    private static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Accept-Language", "sq").POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
