package org.raporto.intake.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.raporto.fuzz.Fuzz;
import org.raporto.fuzz.Gen;
import org.raporto.fuzz.Hostile;
import org.raporto.intake.web.FuzzChecks.Rows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON API against hostile bodies and headers: JSON that breaks parsers, values of every wrong type, bytes that
 * are no UTF-8, garbage in {@code Accept-Language} and {@code Idempotency-Key}, header values no client library
 * sends. Every answer is below 500, every error an RFC 9457 problem, and only the reports and messages the API
 * acknowledged are stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ReportsApiFuzzTest {

    private static final Map<String, Gen<String>> REPORT = Map.of(
            "category", Gen.oneOf("cyberbullying", "other", "hate-speech", "csam", "fake-profile").map(Hostile::jsonString),
            "urls", Gen.oneOf("[\"https://example.org/p/1\"]", "[\"instagram.com/p/xyz?utm_source=ig\", \"example.com/a\"]", "[]"),
            "platform", Gen.oneOf("instagram", "tiktok", "x", "other", "ROBLOX").map(Hostile::jsonString),
            "username", Gen.oneOf("@someone", "user_123").map(Hostile::jsonString),
            "description", Gen.oneOf("Komente fyese çdo ditë", "", "<b>bold</b> & more").map(Hostile::jsonString),
            "when", Gen.oneOf("today", "this-week", "earlier", "unknown").map(Hostile::jsonString),
            "childAgeBand", Gen.oneOf("under-13", "13-15", "16-17", "adult", "unknown").map(Hostile::jsonString),
            "reporterRole", Gen.oneOf("child", "parent", "teacher", "professional", "other").map(Hostile::jsonString),
            "contact", Gen.oneOf("{\"email\": \"parent@example.org\"}", "{\"phone\": \"+355 69 123 4567\"}", "null"),
            "language", Gen.oneOf("sq", "en").map(Hostile::jsonString));
    /** Mostly JSON, so that most bodies reach the parser. */
    private static final Gen<String> CONTENT_TYPE = Gen.oneOf("application/json", "application/json; charset=UTF-8").orElse(75, Gen.oneOf(
            "application/json; charset=UTF-16", "application/json; charset=no-such-charset", "application/problem+json", "text/plain",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "*/*", ""));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void reportsAreStoredOnlyWhereTheApiSaysCreatedAndEveryOtherAnswerIsAProblem(CapturedOutput output) throws Exception {
        Rows before = FuzzChecks.rows(jdbc);
        Set<String> created = new HashSet<>();
        Map<String, String> keys = new HashMap<>();
        List<String> usedKeys = new ArrayList<>(List.of(UUID.randomUUID().toString()));

        Map<String, Integer> outcomes = Fuzz.check("api-reports", 700, (fuzz, random) -> {
            byte[] body = fuzz.input("body", Gen.<byte[]>either(Hostile.jsonObject(REPORT), Hostile.jsonObject(REPORT), Hostile.jsonObject(REPORT),
                    Hostile.jsonValue(), Hostile.bytes()).next(random));
            String key = Gen.<String>either(Gen.constant(""), Gen.constant(""), r -> new UUID(r.nextLong(), r.nextLong()).toString(),
                    r -> Gen.oneOf(usedKeys).next(r), Hostile.headerValue()).next(random);
            HttpResponse<String> answer = post(fuzz, "/api/v1/reports", body, random, fuzz.input("Idempotency-Key", key));
            fuzz.noted(String.valueOf(answer.statusCode()));
            JsonNode json = FuzzChecks.json(answer);
            if (answer.statusCode() == 201) {
                String reference = json.path("reference").asString();
                assertThat(json.path("receipt").asString()).as("the receipt").matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{5}");
                assertThat(created.add(reference)).as("a new reference").isTrue();
                if (!key.isBlank()) {
                    keys.put(key.strip(), reference);
                    usedKeys.add(key);
                    if (random.nextBoolean()) {
                        // Retried, as a client does that lost the answer: the same report, without a receipt.
                        HttpResponse<String> again = http.send(HttpRequest.newBuilder(answer.request().uri()).headers(answer.request().headers()
                                .map().entrySet().stream().flatMap(header -> header.getValue().stream().flatMap(value -> java.util.stream.Stream.of(header.getKey(), value)))
                                .toArray(String[]::new)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                        assertThat(again.statusCode()).as("retried").isEqualTo(200);
                        assertThat(FuzzChecks.json(again).path("reference").asString()).isEqualTo(reference);
                        fuzz.noted("replayed");
                    }
                }
                fuzz.noted("created");
            }
            else if (answer.statusCode() == 200) {
                assertThat(keys).as("only a key used before answers 200").containsEntry(key.strip(), json.path("reference").asString());
                assertThat(json.has("receipt") && !json.path("receipt").isNull()).as("no receipt the second time").isFalse();
                fuzz.noted("replayed");
            }
            assertThat(FuzzChecks.rows(jdbc)).as("stored: the reports the API created").isEqualTo(before.plus(created.size(), 0, 0, 0));
        });

        assertThat(outcomes).as("created, refused, too large, of the wrong type").containsKeys("201", "400", "413", "415", "created");
        FuzzChecks.quietLog(output);
    }

    @Test
    void followUpsAndMessagesAreStoredOnlyWhereTheApiSaysSent(CapturedOutput output) throws Exception {
        List<String> receipts = new ArrayList<>();
        for (String category : List.of("other", "csam")) {
            HttpResponse<String> made = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/reports"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"category\": \"" + category
                            + "\", \"urls\": [\"https://example.org/followed\"]}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(made.statusCode()).isEqualTo(201);
            receipts.add(FuzzChecks.json(made).path("receipt").asString());
        }
        Rows before = FuzzChecks.rows(jdbc);
        int[] sent = {0};
        Map<String, Gen<String>> fields = Map.of("receipt", Gen.oneOf(receipts).map(Hostile::jsonString),
                "message", Gen.oneOf("More details.", "Ka më shumë.", "").map(Hostile::jsonString));

        Map<String, Integer> outcomes = Fuzz.check("api-follow-up", 500, (fuzz, random) -> {
            String path = fuzz.input("path", Gen.oneOf("/api/v1/reports/follow-up", "/api/v1/reports/follow-up/messages").next(random));
            byte[] body = fuzz.input("body", Gen.<byte[]>either(Hostile.jsonObject(fields), Hostile.jsonObject(fields), Hostile.jsonObject(fields),
                    Hostile.jsonValue(), Hostile.bytes()).next(random));
            HttpResponse<String> answer = post(fuzz, path, body, random, "");
            fuzz.noted(String.valueOf(answer.statusCode()));
            JsonNode json = FuzzChecks.json(answer);
            if (answer.statusCode() == 201) {
                assertThat(path).endsWith("/messages");
                assertThat(json.path("status").asString()).isEqualTo("sent");
                sent[0]++;
            }
            else if (answer.statusCode() == 200) {
                assertThat(json.path("reference").asString()).as("the report of a receipt").matches("R-\\d{4}-\\d{6,}");
                fuzz.noted("opened");
            }
            assertThat(FuzzChecks.rows(jdbc)).as("stored: the messages the API sent").isEqualTo(before.plus(0, sent[0], 0, 0));
        });

        assertThat(outcomes).as("opened, sent, not found, refused").containsKeys("200", "201", "404", "400", "opened");
        FuzzChecks.quietLog(output);
    }

    @Test
    void headerValuesNoClientLibrarySendsAreRefusedWithoutAServerError(CapturedOutput output) throws Exception {
        Rows before = FuzzChecks.rows(jdbc);

        Map<String, Integer> outcomes = Fuzz.check("api-raw-headers", 150, (fuzz, random) -> {
            String target = Gen.oneOf("/api/v1/reports", "/api/v1/reports/follow-up", "/api/v1/categories", "/api/v1/challenge",
                    "/en/raporto/form", "/sq/raporto/ndiq").next(random);
            byte[] value = Hostile.concat(List.of(Hostile.utf8(Gen.oneOf("en", "sq", "").next(random)),
                    Gen.<byte[]>either(Hostile.bytes(), Gen.oneOf("\r\nX-Injected: 1", "\nX-Injected: 1", "\r", "\u0000", "\u00ff\u00fe")
                            .map(text -> text.getBytes(StandardCharsets.ISO_8859_1))).next(random)));
            String header = Gen.oneOf("Accept-Language", "Idempotency-Key", "Altcha", "Content-Type", "X-Forwarded-For", "Cookie").next(random);
            byte[] body = Hostile.jsonObject(REPORT).next(random);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(Hostile.utf8((target.startsWith("/api/v1/reports") ? "POST " : "GET ") + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n" + header + ": "));
            request.writeBytes(fuzz.input(header, value));
            request.writeBytes(Hostile.utf8("\r\n\r\n"));
            request.writeBytes(body);
            Answer answer = send(request.toByteArray());
            if (answer.head().isEmpty() && answer.cutOff()) {
                // Tomcat refused the headers and closed the connection before the body was sent: a refusal too.
                fuzz.noted("closed");
                return;
            }
            int status = answer.head().isEmpty() ? 0 : Integer.parseInt(answer.head().substring(9, 12));
            fuzz.noted(String.valueOf(status));
            assertThat(status).as("status (0: no answer)").isBetween(200, 499);
            String head = answer.head();
            assertThat(head.lines().skip(1).filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("x-injected"))).as("headers").isEmpty();
        });

        assertThat(FuzzChecks.rows(jdbc).messages()).isEqualTo(before.messages());
        assertThat(outcomes).containsKey("400");
        FuzzChecks.quietLog(output);
    }

    @Test
    void readOnlyEndpointsAnswerGarbageHeadersAndQueriesWithJson(CapturedOutput output) throws Exception {
        Fuzz.check("api-read", 100, (fuzz, random) -> {
            String path = Gen.oneOf("/api/v1/categories", "/api/v1/challenge", "/v3/api-docs").next(random)
                    + Gen.oneOf("", "?lang=en", "?x=%C0%AF", "?q=%00%ff", "?" + "a=1&".repeat(2000)).next(random);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + fuzz.input("path", path)))
                    .timeout(Duration.ofSeconds(30)).header("Accept-Language", fuzz.input("Accept-Language", Hostile.headerValue().next(random)));
            if (random.nextBoolean()) {
                request.header("Accept", Gen.oneOf("application/json", "*/*", "text/html", "application/xml", "garbage/").next(random));
            }
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            fuzz.noted(String.valueOf(answer.statusCode()));
            assertThat(answer.statusCode()).as("status").isLessThan(500);
        });
        FuzzChecks.quietLog(output);
    }

    /** Posts the body with a content type, language and {@code Accept} of every kind, noted as the try's input. */
    private HttpResponse<String> post(Fuzz fuzz, String path, byte[] body, Random random, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        String type = fuzz.input("Content-Type", CONTENT_TYPE.next(random));
        if (!type.isEmpty()) {
            request.header("Content-Type", type);
        }
        if (random.nextInt(100) < 60) {
            request.header("Accept-Language", fuzz.input("Accept-Language", Hostile.headerValue().next(random)));
        }
        if (random.nextInt(100) < 20) {
            request.header("Accept", fuzz.input("Accept", Gen.oneOf("application/json", "application/problem+json", "*/*", "text/html",
                    "application/xml").next(random)));
        }
        if (!idempotencyKey.isEmpty()) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException stale) {
            // The client reused a kept-alive connection the server had closed after a refused request, and read nothing
            // from it; a browser sends again on a new connection, and so does this. Had the first one been taken, the
            // count of stored reports would say so.
            if (!String.valueOf(stale.getMessage()).contains("received no bytes")) {
                throw stale;
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /**
     * Sends the request as it is over a socket of its own. The server may answer and close before the whole request is
     * written; the answer is read all the same.
     */
    private Answer send(byte[] request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            boolean cutOff = false;
            try {
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
            }
            catch (java.net.SocketException closed) {
                cutOff = true;
            }
            String answer;
            try {
                InputStream in = socket.getInputStream();
                answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            }
            catch (java.net.SocketException reset) {
                answer = "";
                cutOff = true;
            }
            int end = answer.indexOf("\r\n\r\n");
            return new Answer(end < 0 ? answer : answer.substring(0, end), cutOff);
        }
    }

    /**
     * @param head   the status line and headers of the answer, empty when none came
     * @param cutOff whether the server closed the connection before the request was all written
     */
    private record Answer(String head, boolean cutOff) {
    }
}
