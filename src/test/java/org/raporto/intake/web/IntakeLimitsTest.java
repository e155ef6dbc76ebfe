package org.raporto.intake.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Limits per address and the robot trap: a friendly 429, nothing stored, no address kept. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "raporto.intake.limits.reports-per-hour=2", "raporto.intake.limits.follow-ups-per-hour=3"})
@ExtendWith(OutputCaptureExtension.class)
class IntakeLimitsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAddressThatTriesTooManyReceiptsIsAskedToWaitOthersAreNot(CapturedOutput output) throws Exception {
        Visitor visitor = new Visitor("198.51.100.23", "/sq/raporto/ndiq");
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(visitor.post(Map.of("action", "open", "receipt", "0000-0000-0000-00000")).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = visitor.post(Map.of("action", "open", "receipt", "0000-0000-0000-00000"));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).contains("<html lang=\"sq\">", "Provoni përsëri më vonë", "href=\"tel:116111\"");

        Visitor someoneElse = new Visitor("198.51.100.99", "/sq/raporto/ndiq");
        assertThat(someoneElse.post(Map.of("action", "open", "receipt", "0000-0000-0000-00000")).statusCode()).isEqualTo(200);
        assertThat(output.getAll()).doesNotContain("198.51.100.23", "198.51.100.99");
    }

    @Test
    void anAddressThatSendsTooManyReportsIsAskedToWaitAndNothingIsStored() throws Exception {
        int before = reports();
        for (int report = 1; report <= 2; report++) {
            assertThat(new Visitor("203.0.113.5", "/en/raporto/form").sendAReport(Map.of()).statusCode()).isEqualTo(303);
        }
        HttpResponse<String> third = new Visitor("203.0.113.5", "/en/raporto/form").sendAReport(Map.of());
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.body()).contains("Please try again later", "Nothing was stored");
        assertThat(reports()).isEqualTo(before + 2);
    }

    @Test
    void neitherTheAddressNorTheBrowserOfAReporterIsStoredOrLogged(CapturedOutput output) throws Exception {
        Visitor visitor = new Visitor("203.0.113.201", "/en/raporto/form");
        assertThat(visitor.sendAReport(Map.of()).statusCode()).isEqualTo(303);
        StringBuilder database = new StringBuilder();
        for (String table : jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").query(String.class).list()) {
            jdbc.sql("SELECT t::text FROM \"" + table + "\" t").query(String.class).list().forEach(database::append);
        }
        assertThat(database.toString()).doesNotContain("203.0.113.201", "Canary-Agent-9d1");
        assertThat(output.getAll()).doesNotContain("203.0.113.201", "Canary-Agent-9d1");
    }

    @Test
    void aFormWithTheRobotFieldFilledIsNeverStored() throws Exception {
        int before = reports();
        HttpResponse<String> robot = new Visitor("192.0.2.77", "/en/raporto/form").sendAReport(Map.of("website", "http://spam.example"));
        assertThat(robot.statusCode()).isEqualTo(429);
        assertThat(reports()).isEqualTo(before);
    }

    private int reports() {
        return jdbc.sql("SELECT count(*) FROM intake_report").query(Integer.class).single();
    }

    /** A browser behind our proxy, which says where it comes from in X-Forwarded-For. */
    private final class Visitor {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final String address;
        private final String path;
        private final String csrf;

        Visitor(String address, String path) throws Exception {
            this.address = address;
            this.path = path;
            String page = http.send(request().GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(token.find()).isTrue();
            csrf = token.group(1);
        }

        HttpResponse<String> sendAReport(Map<String, String> extra) throws Exception {
            post(with(extra, "step", "CATEGORY", "category", "other"));
            post(with(extra, "step", "WHERE", "urls", "example.com/x"));
            post(with(extra, "step", "WHAT", "happened", "TODAY", "childAge", "UNKNOWN"));
            post(with(extra, "step", "ABOUT_YOU", "reporterRole", "OTHER", "contactChoice", "ANONYMOUS"));
            return post(with(extra, "step", "CHECK", "action", "send"));
        }

        HttpResponse<String> post(Map<String, String> fields) throws Exception {
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", csrf);
            String body = all.entrySet().stream()
                    .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(request().header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request() {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Accept", "text/html").header("X-Forwarded-For", address)
                    .header("User-Agent", "Mozilla/5.0 Canary-Agent-9d1");
        }

        private static Map<String, String> with(Map<String, String> extra, String... fields) {
            Map<String, String> all = new LinkedHashMap<>(extra);
            for (int i = 0; i < fields.length; i += 2) {
                all.put(fields[i], fields[i + 1]);
            }
            return all;
        }
    }
}
