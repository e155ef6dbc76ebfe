package org.raporto.intake.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The reporting API as an app uses it, and as a fuzzer does. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ReportsApiTest {

    private static final String VALID = """
            {"category": "cyberbullying", "urls": ["instagram.com/p/xyz?utm_source=ig"], "platform": "instagram",
             "username": "@someone", "description": "Komente fyese çdo ditë", "childAgeBand": "13-15",
             "reporterRole": "parent", "contact": {"email": "parent@example.org"}, "language": "sq"}
            """;

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theApiIsDescribedByAnOpenApiDocument() throws Exception {
        HttpResponse<String> document = http.send(HttpRequest.newBuilder(uri("/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).contains("\"openapi\"", "/api/v1/reports", "/api/v1/reports/follow-up", "/api/v1/categories")
                .doesNotContain("/sq/raporto");
    }

    @Test
    void aValidReportIsCreatedWithAReferenceAndAReceipt() throws Exception {
        HttpResponse<String> created = post("/api/v1/reports", VALID, "en", null);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).containsPattern("\"reference\":\"R-\\d{4}-\\d{6}\"")
                .containsPattern("\"receipt\":\"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{5}\"").contains("\"status\":\"received\"");
        String reference = find("\"reference\":\"([^\"]+)\"", created.body());
        assertThat(jdbc.sql("SELECT channel FROM intake_report WHERE reference = ?").param(reference).query(String.class).single()).isEqualTo("APP");
    }

    @Test
    void theSameIdempotencyKeyCreatesOneReport() throws Exception {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = post("/api/v1/reports", VALID, "en", key);
        HttpResponse<String> again = post("/api/v1/reports", VALID, "en", key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(find("\"reference\":\"([^\"]+)\"", again.body())).isEqualTo(find("\"reference\":\"([^\"]+)\"", first.body()));
        assertThat(again.body()).doesNotContain("\"receipt\":\"");

        HttpResponse<String> different = post("/api/v1/reports", VALID.replace("Komente fyese", "Mesazhe të tjera"), "en", key);
        assertThat(different.statusCode()).isEqualTo(422);
        assertThat(different.body()).as("in the report's language").contains("është përdorur tashmë për një raport tjetër");
    }

    @Test
    void invalidFieldsAreListedInTheCallersLanguage() throws Exception {
        String body = """
                {"category": "nope", "urls": ["javascript:alert(1)", "ok.example"], "childAgeBand": "ancient", "contact": {"email": "not-an-email"}}
                """;
        HttpResponse<String> english = post("/api/v1/reports", body, "en-GB", null);
        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(english.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(english.body()).contains("\"title\":\"The report cannot be accepted\"", "\"field\":\"category\"", "\"field\":\"urls[0]\"",
                "\"code\":\"url.NOT_WEB\"", "\"field\":\"childAgeBand\"", "\"field\":\"contact.email\"").doesNotContain("urls[1]");
        HttpResponse<String> albanian = post("/api/v1/reports", body, "sq", null);
        assertThat(albanian.body()).contains("Raporti nuk mund të pranohet", "Zgjidhni çfarë doni të raportoni.");
    }

    @Test
    void abuseImagesNeedAnAddressOverTheApiToo() throws Exception {
        HttpResponse<String> refused = post("/api/v1/reports", "{\"category\": \"csam\", \"description\": \"saw it\"}", "en", null);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"code\":\"ADDRESS_REQUIRED\"");
    }

    @Test
    void malformedOversizedAndWronglyTypedBodiesGetClearProblems() throws Exception {
        HttpResponse<String> malformed = post("/api/v1/reports", "{\"category\": ", "en", null);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("not valid JSON");
        HttpResponse<String> oversized = post("/api/v1/reports", "{\"description\": \"" + "x".repeat(70_000) + "\"}", "en", null);
        assertThat(oversized.statusCode()).isEqualTo(413);
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(uri("/api/v1/reports")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(415);
        HttpResponse<String> badKey = post("/api/v1/reports", VALID, "en", "not-a-uuid");
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(badKey.body()).contains("Idempotency-Key");
    }

    @Test
    void theReceiptFollowsTheReportAndCarriesReplies() throws Exception {
        String receipt = find("\"receipt\":\"([^\"]+)\"", post("/api/v1/reports", VALID, "en", null).body());
        HttpResponse<String> status = post("/api/v1/reports/follow-up", "{\"receipt\": \"" + receipt.toLowerCase() + "\"}", "en", null);
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"status\":\"received\"", "\"messages\":[]", "an analyst will assess it");

        HttpResponse<String> sent = post("/api/v1/reports/follow-up/messages", "{\"receipt\": \"" + receipt + "\", \"message\": \"Ka më shumë.\"}", "en", null);
        assertThat(sent.statusCode()).isEqualTo(201);
        assertThat(post("/api/v1/reports/follow-up", "{\"receipt\": \"" + receipt + "\"}", "en", null).body())
                .contains("\"author\":\"reporter\"", "\"text\":\"Ka më shumë.\"");

        assertThat(post("/api/v1/reports/follow-up", "{\"receipt\": \"0000-0000-0000-00000\"}", "en", null).statusCode()).isEqualTo(404);
        assertThat(post("/api/v1/reports/follow-up/messages", "{\"receipt\": \"" + receipt + "\", \"message\": \"  \"}", "en", null).statusCode()).isEqualTo(400);
    }

    @Test
    void thousandsOfHostileBodiesNeverFailTheServerNorStoreAnything() throws Exception {
        int before = jdbc.sql("SELECT count(*) FROM intake_report").query(Integer.class).single();
        Random random = new Random(20261128);
        String[] pieces = {"{", "}", "[", "]", "\"", ":", ",", "null", "true", "1e999", "-0", "\"category\"", "\"urls\"",
                "\"csam\"", "\"\\u0000\"", "\"\\ud800\"", "\"<script>alert(1)</script>\"", "\"'; DROP TABLE intake_report; --\"",
                "\"../../etc/passwd\"", "\"" + "a".repeat(3000) + "\"", "\"contact\"", "{\"email\":1}", "\"platform\"", "\"ROBLOX\"", "😀"};
        for (int i = 0; i < 1500; i++) {
            StringBuilder body = new StringBuilder();
            int length = 1 + random.nextInt(25);
            for (int j = 0; j < length; j++) {
                body.append(pieces[random.nextInt(pieces.length)]);
            }
            String path = switch (i % 3) {
                case 0 -> "/api/v1/reports";
                case 1 -> "/api/v1/reports/follow-up";
                default -> "/api/v1/reports/follow-up/messages";
            };
            HttpResponse<String> answer = post(path, body.toString(), i % 2 == 0 ? "sq" : "en", null);
            assertThat(answer.statusCode()).as(body.toString()).isBetween(400, 499);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM intake_report").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void aLanguageHeaderTheFirewallRefusesIsTakenForNoneAndTheAnswerIsAProblem(CapturedOutput output) throws Exception {
        // Found by the fuzz tests: reading Accept-Language with a C1 control character in it failed the error handler.
        String head;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("POST /api/v1/reports HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Accept-Language: en\u0085\r\nContent-Length: 1\r\nConnection: close\r\n\r\n{").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            head = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(head).startsWith("HTTP/1.1 400").contains("application/problem+json", "nuk është JSON");
        assertThat(output.getAll()).doesNotContain("Failure in @ExceptionHandler", "RequestRejectedException");
    }

    private HttpResponse<String> post(String path, String json, String language, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Accept-Language", language).POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String find(String regex, String text) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(regex + " in " + text).isTrue();
        return matcher.group(1);
    }
}
