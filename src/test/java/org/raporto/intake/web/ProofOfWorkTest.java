package org.raporto.intake.web;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.altcha.altcha.Altcha;
import org.junit.jupiter.api.Test;
import org.raporto.web.FormClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The proof of work asked of browsers and apps: solved once, used once; without JavaScript a stricter limit. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "raporto.intake.proof-of-work.enabled=true",
        "raporto.intake.proof-of-work.max-number=2000",
        "raporto.intake.limits.without-proof-per-hour=2"})
class ProofOfWorkTest {

    private static final String REPORT = """
            {"category": "other", "description": "Proof of work test", "childAgeBand": "unknown", "reporterRole": "other"}
            """;

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theApiRefusesAReportWithoutAProofAndStoresNothing() throws Exception {
        int before = reports();

        HttpResponse<String> answer = postJson("/api/v1/reports", REPORT, null, null);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"field\":\"Altcha\"", "\"code\":\"proofOfWorkMissing\"", "GET /api/v1/challenge");
        assertThat(reports()).isEqualTo(before);
    }

    @Test
    void aSolvedChallengeIsTakenOnceExceptForARetryOfTheSameRequest() throws Exception {
        String proof = solve(challenge());
        String key = UUID.randomUUID().toString();

        HttpResponse<String> created = postJson("/api/v1/reports", REPORT, proof, key);
        HttpResponse<String> retried = postJson("/api/v1/reports", REPORT, proof, key);
        HttpResponse<String> reused = postJson("/api/v1/reports", REPORT, proof, UUID.randomUUID().toString());

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(retried.statusCode()).as("the same request again gets the same report").isEqualTo(200);
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(reused.body()).contains("\"code\":\"proofOfWorkFailed\"");
    }

    @Test
    void forgedWrongAndMalformedProofsAreRefused() throws Exception {
        JsonNode challenge = challenge();
        String good = solve(challenge);
        String json = new String(Base64.getDecoder().decode(good), StandardCharsets.UTF_8);
        String forged = Base64.getEncoder().encodeToString(json.replace(challenge.path("signature").asString(), "0".repeat(64))
                .getBytes(StandardCharsets.UTF_8));
        String wrongNumber = Base64.getEncoder().encodeToString(json.replaceFirst("\"number\":\\d+", "\"number\":999999")
                .getBytes(StandardCharsets.UTF_8));

        for (String proof : new String[] {forged, wrongNumber, "not base64 at all", Base64.getEncoder().encodeToString("{}".getBytes()),
                Base64.getEncoder().encodeToString("[1,2]".getBytes()), "x".repeat(5000)}) {
            HttpResponse<String> answer = postJson("/api/v1/reports", REPORT, proof, null);
            assertThat(answer.statusCode()).as(proof.substring(0, Math.min(proof.length(), 20))).isEqualTo(400);
            assertThat(answer.body()).contains("proofOfWorkFailed");
        }
        assertThat(postJson("/api/v1/reports", REPORT, good, null).statusCode()).as("the genuine one still works").isEqualTo(201);
    }

    @Test
    void followingUpOverTheApiNeedsAProofToo() throws Exception {
        HttpResponse<String> withoutProof = postJson("/api/v1/reports/follow-up", "{\"receipt\": \"0000-0000-0000-0000\"}", null, null);
        assertThat(withoutProof.statusCode()).isEqualTo(400);
        assertThat(withoutProof.body()).contains("proofOfWorkMissing");

        HttpResponse<String> withProof = postJson("/api/v1/reports/follow-up", "{\"receipt\": \"0000-0000-0000-0000\"}", solve(challenge()), null);
        assertThat(withProof.statusCode()).as("the receipt is looked at once the proof is good").isEqualTo(404);
    }

    @Test
    void theApiPageSaysThatTheProofIsAskedFor() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/en/api")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("the proof of work is switched on: every POST needs one", "from 0 to maxnumber (here 2,000)");
    }

    @Test
    void theFormCarriesTheWidgetAndTakesItsSolution() throws Exception {
        FormClient form = walkToCheck();
        String page = form.get("/en/raporto/form").body();
        assertThat(page).contains("<altcha-widget", "name=\"altcha\"", "/vendor/altcha/altcha");
        Matcher challenge = Pattern.compile("challengejson=\"([^\"]+)\"").matcher(page);
        assertThat(challenge.find()).isTrue();
        JsonNode json = JsonMapper.shared().readTree(org.springframework.web.util.HtmlUtils.htmlUnescape(challenge.group(1)));

        assertThat(form.post(Map.of("step", "CHECK", "action", "send", "altcha", "forged")).body())
                .contains("<title>Error: Check your answers", "did not succeed");
        assertThat(form.post(Map.of("step", "CHECK", "action", "send", "altcha", solve(json))).statusCode()).isEqualTo(303);
        assertThat(form.get("/en/raporto/form").body()).contains("Your report was sent");
    }

    @Test
    void withoutJavaScriptReportsMeetAStricterLimit() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertThat(walkToCheck().post(Map.of("step", "CHECK", "action", "send")).statusCode()).isEqualTo(303);
        }
        HttpResponse<String> third = walkToCheck().post(Map.of("step", "CHECK", "action", "send"));
        assertThat(third.statusCode()).isEqualTo(429);
    }

    private FormClient walkToCheck() throws Exception {
        FormClient form = new FormClient(port, "/en/raporto/form");
        form.post(Map.of("step", "CATEGORY", "category", "other"));
        form.post(Map.of("step", "WHAT", "description", "No JavaScript here", "happened", "TODAY", "childAge", "UNKNOWN"));
        form.post(Map.of("step", "ABOUT_YOU", "reporterRole", "OTHER", "contactChoice", "ANONYMOUS"));
        return form;
    }

    private JsonNode challenge() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("/api/v1/challenge")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        return JsonMapper.shared().readTree(answer.body());
    }

    /** What the widget does in the browser: finds the number and sends the payload. */
    private static String solve(JsonNode challenge) throws Exception {
        Altcha.Solution solution = Altcha.solveChallenge(challenge.path("challenge").asString(), challenge.path("salt").asString(),
                Altcha.Algorithm.SHA256, challenge.path("maxnumber").asLong(), 0);
        String payload = JsonMapper.shared().writeValueAsString(Map.of("algorithm", challenge.path("algorithm").asString(),
                "challenge", challenge.path("challenge").asString(), "number", solution.number,
                "salt", challenge.path("salt").asString(), "signature", challenge.path("signature").asString()));
        return Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> postJson(String path, String body, String proof, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Accept-Language", "en").POST(HttpRequest.BodyPublishers.ofString(body));
        if (proof != null) {
            request.header("Altcha", proof);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private int reports() {
        return jdbc.sql("SELECT count(*) FROM intake_report").query(Integer.class).single();
    }

    private java.net.URI uri(String path) {
        return java.net.URI.create("http://127.0.0.1:" + port + path);
    }
}
