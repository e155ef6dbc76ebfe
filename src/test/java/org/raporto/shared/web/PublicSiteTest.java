package org.raporto.shared.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/** The public site over real HTTP: languages, pages, errors, headers, access rules, and what reaches the log. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PublicSiteTest.TestPages.class)
@ExtendWith(OutputCaptureExtension.class)
class PublicSiteTest {

    private static final String VISITOR_ADDRESS = "203.0.113.77";
    private static final String VISITOR_AGENT = "Mozilla/5.0 (Canary-Agent-4f1c)";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Test
    void rootRedirectsToAlbanianWhenTheBrowserDoesNotSay() throws Exception {
        HttpResponse<String> response = get("/", null);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/sq/"));
        assertThat(response.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).containsIgnoringCase("Accept-Language"));
    }

    @Test
    void rootRedirectsToEnglishForEnglishBrowsers() throws Exception {
        HttpResponse<String> response = get("/", "en-GB,en;q=0.9,sq;q=0.3");
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/en/"));
    }

    @Test
    void languageRootWithoutSlashRedirects() throws Exception {
        HttpResponse<String> response = get("/en", null);
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/en/"));
    }

    @Test
    void homePageIsInAlbanianWithTheWayToRaporto() throws Exception {
        HttpResponse<String> response = get("/sq/", "en");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body())
                .contains("<html lang=\"sq\">")
                .contains("Internet më i sigurt për çdo fëmijë")
                .contains("href=\"/sq/raporto\"")
                .contains("href=\"tel:112\"", "href=\"tel:129\"", "href=\"tel:116111\"")
                .contains("ALO 116 111")
                .contains("href=\"/en/\" hreflang=\"en\" lang=\"en\">English</a>")
                .contains("id=\"quick-exit\"", "href=\"/exit\"");
    }

    @Test
    void aboutInTheNavigationLeadsToTheEditorsAboutPageInItsLanguage() throws Exception {
        HttpResponse<String> english = get("/en/about", "sq");
        assertThat(english.statusCode()).as("temporary: it follows the page when editors move it").isEqualTo(302);
        assertThat(english.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/en/pages/about-us"));
        assertThat(get("/sq/rreth-nesh", null).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/sq/faqe/rreth-nesh"));

        assertThat(get("/en/pages/about-us", "sq").body())
                .contains("<html lang=\"en\">", "<title>About us · Raporto</title>",
                        "<link rel=\"alternate\" hreflang=\"sq\" href=\"http://localhost:8080/sq/faqe/rreth-nesh\">",
                        "href=\"/sq/faqe/rreth-nesh\" hreflang=\"sq\" lang=\"sq\">Shqip</a>");
    }

    @Test
    void theMissionPageCarriesTheFoundingText() throws Exception {
        assertThat(get("/sq/faqe/misioni-dhe-vizioni", null).body())
                .contains("Misioni i Platformës është të fuqizojë fëmijët, prindërit, mësuesit dhe të gjithë qytetarët");
        assertThat(get("/sq/", null).body()).contains("href=\"/sq/faqe/misioni-dhe-vizioni\"");
    }

    @Test
    void unknownPageIsALocalisedNotFound() throws Exception {
        HttpResponse<String> albanian = get("/sq/nuk-ekziston", null);
        assertThat(albanian.statusCode()).isEqualTo(404);
        assertThat(albanian.body()).contains("<html lang=\"sq\">", "Faqja nuk u gjet");

        HttpResponse<String> english = get("/en/does-not-exist", null);
        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(english.body()).contains("<html lang=\"en\">", "Page not found");
    }

    @Test
    void serverFailureShowsAnErrorIdThatIsInTheLogAndNoStackTrace(CapturedOutput output) throws Exception {
        HttpResponse<String> response = get("/en/test-failure", null);
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("Something went wrong").doesNotContain("IllegalStateException", "at org.raporto");
        Matcher id = Pattern.compile("error code: ([0-9A-Z]{10})").matcher(response.body());
        assertThat(id.find()).as("an error id on the page").isTrue();
        assertThat(output.getOut()).contains("Error " + id.group(1)).contains("IllegalStateException: deliberate failure");
    }

    @Test
    void jsonClientsGetAProblemWithTheErrorId() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/sq/test-failure"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).containsPattern("\"errorId\":\"[0-9A-Z]{10}\"").doesNotContain("deliberate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/env", "/actuator/beans", "/actuator/heapdump", "/somewhere-else", "/api/v1/reports"})
    void undeclaredRoutesAreRefusedToAnonymousVisitors(String path) throws Exception {
        HttpResponse<String> response = get(path, null);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("Whitelabel");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/staff/", "/staff/cases", "/staff/admin/accounts", "/partner/referrals"})
    void theStaffAndPartnerAreasSendAnonymousVisitorsToSignIn(String path) throws Exception {
        HttpResponse<String> response = get(path, null);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/staff/login"));
    }

    @Test
    void healthProbesArePublicAndIncludeTheDatabase() throws Exception {
        assertThat(get("/actuator/health", null).body()).contains("\"status\":\"UP\"").doesNotContain("components");
        assertThat(get("/actuator/health/liveness", null).body()).isEqualTo("{\"status\":\"UP\"}");
        HttpResponse<String> readiness = get("/actuator/health/readiness", null);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        HttpResponse<String> response = get("/sq/", null);
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:"));
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Permissions-Policy")).hasValueSatisfying(policy -> assertThat(policy).contains("camera=()"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(cache -> assertThat(cache).contains("no-store"));
        assertThat(response.headers().firstValue("Strict-Transport-Security")).as("no HSTS over plain HTTP").isEmpty();
        assertThat(response.headers().firstValue("Set-Cookie")).as("reading a page starts no session").isEmpty();
    }

    @Test
    void behindATlsProxyPagesAskForHttpsOnly() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/sq/"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains"));
    }

    @Test
    void staticFilesAreFingerprintedAndCachedForAYear() throws Exception {
        Matcher stylesheet = Pattern.compile("href=\"(/css/site-[0-9a-f]{32}\\.css)\"").matcher(get("/sq/", null).body());
        assertThat(stylesheet.find()).as("a fingerprinted stylesheet address").isTrue();
        HttpResponse<String> css = get(stylesheet.group(1), null);
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Cache-Control")).hasValueSatisfying(cache -> assertThat(cache).contains("max-age=31536000"));
    }

    @Test
    void visitorAddressAndBrowserNeverReachTheLog(CapturedOutput output) throws Exception {
        for (String path : new String[] {"/", "/sq/", "/en/about", "/sq/nope", "/en/test-failure", "/staff/", "/actuator/health"}) {
            http.send(HttpRequest.newBuilder(uri(path))
                    .header("X-Forwarded-For", VISITOR_ADDRESS)
                    .header("X-Real-IP", VISITOR_ADDRESS)
                    .header("User-Agent", VISITOR_AGENT)
                    .build(), HttpResponse.BodyHandlers.discarding());
        }
        assertThat(output.getAll()).contains("Error ").doesNotContain(VISITOR_ADDRESS, "Canary-Agent-4f1c");
    }

    @Test
    void aBrowserNameInARequestTomcatCannotParseNeverReachesTheLog(CapturedOutput output) throws Exception {
        // Found by the fuzz tests: Tomcat logged the first unparseable request at INFO, with the header line at fault.
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET /sq/ HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: " + VISITOR_AGENT + "\u0001\r\n"
                    + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 400");
        }
        assertThat(output.getAll()).doesNotContain("Canary-Agent-4f1c", "Error parsing HTTP request header");
    }

    @Test
    void hostileAddressesAreAnsweredWithoutAServerError() throws Exception {
        for (String path : new String[] {"/sq/%3Cscript%3Ealert(1)%3C/script%3E", "/en/" + "a".repeat(4000),
                "/sq/%F0%9F%98%80%C3%AB", "/sq/..%2F..%2Fetc%2Fpasswd", "/en/about?x=%00%FF", "/sq/%25E0%25A4"}) {
            HttpResponse<String> response = get(path, "sq;q=garbage");
            assertThat(response.statusCode()).as(path).isBetween(200, 499);
            assertThat(response.body()).as(path).doesNotContain("<script>alert(1)</script>");
        }
    }

    private HttpResponse<String> get(String path, String acceptLanguage) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Test
    void quickExitEndsTheSessionAndLeavesForTheNeutralSite() throws Exception {
        HttpResponse<String> exit = get("/exit", null);
        assertThat(exit.statusCode()).isEqualTo(303);
        assertThat(exit.headers().firstValue("Location")).hasValue("https://www.google.com/");
        assertThat(exit.headers().firstValue("Clear-Site-Data")).hasValueSatisfying(value -> assertThat(value).contains("\"cookies\""));
    }

    @Test
    void aFormPostedAfterItsSessionEndedSaysSoAndNothingElse() throws Exception {
        HttpResponse<String> stale = http.send(HttpRequest.newBuilder(uri("/en/raporto/form"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=stale-token&step=CATEGORY&category=other")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stale.statusCode()).isEqualTo(403);
        assertThat(stale.body()).contains("Your session ended", "nothing was sent").doesNotContain("only for staff");
    }

    @Test
    void sessionCookieIsHttpOnlySameSiteAndNeverInTheAddress() throws Exception {
        HttpResponse<String> response = get("/sq/test-session", null);
        assertThat(response.headers().allValues("Set-Cookie")).singleElement().satisfies(cookie -> assertThat(cookie)
                .startsWith("RAPORTO_SESSION=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure"));
        assertThat(response.body()).doesNotContain("jsessionid");
    }

    @Test
    void behindATlsProxyTheSessionCookieIsSecure() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/sq/test-session"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().allValues("Set-Cookie")).singleElement().satisfies(cookie -> assertThat(cookie).contains("Secure"));
    }

    /** Pages that only tests need: one that fails, one that starts a session. */
    @TestConfiguration
    @RestController
    static class TestPages {

        @GetMapping({"/sq/test-failure", "/en/test-failure"})
        String fail() {
            throw new IllegalStateException("deliberate failure");
        }

        @GetMapping("/sq/test-session")
        String session(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
            request.getSession(true);
            return response.encodeURL("/sq/next");
        }
    }
}
