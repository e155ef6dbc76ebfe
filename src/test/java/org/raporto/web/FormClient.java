package org.raporto.web;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser without JavaScript, as far as forms go: keeps its cookies, sends the form's token, follows nothing. */
public final class FormClient {

    /** Longer than any answer may take: a request that hangs fails the test rather than holding it. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;
    private final String path;
    private final Map<String, String> headers;
    private String csrf = "";

    /** Opens the form at this path, taking the token it carries. */
    public FormClient(int port, String path) throws Exception {
        this(port, path, Map.of());
    }

    /** Opens the form with headers that every request carries (a browser's User-Agent, a proxy's X-Forwarded-For). */
    public FormClient(int port, String path, Map<String, String> headers) throws Exception {
        this.port = port;
        this.path = path;
        this.headers = Map.copyOf(headers);
        open(path);
    }

    /** Opens a page with a form and takes its token (a new session has a new one). */
    public HttpResponse<String> open(String target) throws Exception {
        HttpResponse<String> form = get(target);
        assertThat(form.statusCode()).isEqualTo(200);
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).isTrue();
        csrf = token.group(1);
        return form;
    }

    public String csrf() {
        return csrf;
    }

    /** Opens the form again and takes the token it carries now (a session that ended has a new one). */
    public void refresh() throws Exception {
        open(path);
    }

    /** A body exactly as given, bytes and all, with the session's cookie. */
    public HttpResponse<String> postRaw(String contentType, byte[] body) throws Exception {
        return http.send(request(path).header("Accept", "text/html").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String target) throws Exception {
        return http.send(request(target).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(Map<String, String> fields) throws Exception {
        return post(path, fields);
    }

    public HttpResponse<String> post(String target, Map<String, String> fields) throws Exception {
        return post(target, List.copyOf(fields.entrySet()));
    }

    /** A form whose fields may repeat (checkboxes of one name), in the order given. */
    public HttpResponse<String> post(String target, List<Map.Entry<String, String>> fields) throws Exception {
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        all.add(Map.entry("_csrf", csrf));
        String body = all.stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(request(target).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart form as a browser sends it, files included. */
    public HttpResponse<String> postWithFiles(Map<String, String> fields, List<Upload> files) throws Exception {
        return postWithFiles(path, fields, files);
    }

    /** A multipart form sent to another address than the form's. */
    public HttpResponse<String> postWithFiles(String target, Map<String, String> fields, List<Upload> files) throws Exception {
        return postWithFiles(target, List.copyOf(fields.entrySet()), files);
    }

    /** A multipart form whose fields may repeat (checkboxes of one name), in the order given. */
    public HttpResponse<String> postWithFiles(String target, List<Map.Entry<String, String>> fields, List<Upload> files) throws Exception {
        String boundary = "----raporto" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        all.add(Map.entry("_csrf", csrf));
        all.forEach(field -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8)));
        for (Upload file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field() + "\"; filename=\""
                    + file.name() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(request(target).header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of a cookie the server set, empty when it set none. */
    public String cookie(String name) {
        return ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name)).map(java.net.HttpCookie::getValue).findFirst().orElse("");
    }

    private HttpRequest.Builder request(String target) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(target)).timeout(TIMEOUT);
        headers.forEach(request::header);
        return request;
    }

    public URI uri(String target) {
        return URI.create("http://127.0.0.1:" + port + target);
    }

    /** A file in a multipart form; the content type is what the browser claims, which proves nothing. */
    public record Upload(String field, String name, String contentType, byte[] content) {

        public static Upload screenshot(String name, byte[] content) {
            return new Upload("screenshot", name, "image/png", content);
        }
    }
}
