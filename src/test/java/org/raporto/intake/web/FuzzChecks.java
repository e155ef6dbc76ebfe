package org.raporto.intake.web;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.raporto.fuzz.Hostile;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** What every answer to hostile input must be, page or JSON, and what must not follow from it. */
final class FuzzChecks {

    /** A tag, its attributes' values quoted or not: text inside quotes is not taken for attributes. */
    private static final Pattern TAG = Pattern.compile(
            "<([a-zA-Z][a-zA-Z0-9-]*)((?:\\s+[^\\s\"'>/=]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s\"'>]+))?)*)\\s*/?>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([^\\s\"'>/=]+)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s\"'>]+))?");
    /** A line of a stack trace: a frame, a cause, or the exception that heads it. */
    private static final Pattern STACK_TRACE = Pattern.compile("^(\\tat |Caused by: |[a-z][\\w$]*(\\.[\\w$]+)+(Exception|Error)\\b)");
    private static final Pattern LOCAL_PATH = Pattern.compile("/(sq|en)/[a-z/-]*");

    private FuzzChecks() {
    }

    /** A page answering a form: never a server error, never the hostile markup as markup, no header of the input's. */
    static void page(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as("status").isLessThan(500);
        noInjectedHeader(answer);
        if (answer.statusCode() == 303) {
            assertThat(answer.headers().firstValue("Location")).as("a redirect stays on the site")
                    .hasValueSatisfying(location -> assertThat(location).matches(LOCAL_PATH));
            return;
        }
        assertThat(answer.headers().firstValue("Content-Type")).as("content type")
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        noHostileMarkup(answer.body());
        assertThat(answer.body()).as("no stack trace").doesNotContain("Exception", "\tat org.", "\tat java.");
    }

    /**
     * An answer of the JSON API: never a server error; a problem document for every error, JSON otherwise.
     *
     * @return the body, parsed
     */
    static JsonNode json(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as("status").isLessThan(500);
        noInjectedHeader(answer);
        String type = answer.headers().firstValue("Content-Type").orElse("");
        if (answer.statusCode() >= 400) {
            assertThat(type).as("content type of an error").startsWith("application/problem+json");
        }
        else {
            assertThat(type).as("content type").startsWith("application/json");
        }
        JsonNode body = JsonMapper.shared().readTree(answer.body());
        if (answer.statusCode() >= 400) {
            assertThat(body.path("status").asInt()).as("the problem's status").isEqualTo(answer.statusCode());
        }
        return body;
    }

    /**
     * The log of the whole property: no error, no stack trace, and nothing of what was typed (the secret is in
     * the hostile text now and then). Warnings that name an exception Spring resolved into a 4xx are fine.
     */
    static void quietLog(CapturedOutput output) {
        String log = output.getAll();
        assertThat(log.lines().filter(line -> line.contains(" ERROR ") || STACK_TRACE.matcher(line).find()))
                .as("errors and stack traces in the log").isEmpty();
        assertThat(log).as("what was typed, in the log").doesNotContain(Hostile.SECRET);
    }

    static Rows rows(JdbcClient jdbc) {
        return new Rows(count(jdbc, "intake_report"), count(jdbc, "intake_message"), count(jdbc, "intake_attachment"), count(jdbc, "intake_upload"));
    }

    private static int count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
    }

    /**
     * The hostile tags do not appear as they were sent (escaped, each begins with {@code &lt;}), and no tag of the page
     * has an event handler or a script address that came with them: an attribute value whose quotes were not escaped
     * would give it one.
     */
    private static void noHostileMarkup(String body) {
        for (String tag : Hostile.markup()) {
            int at = tag.indexOf('<') < 0 ? -1 : body.indexOf(tag.substring(tag.indexOf('<')));
            if (at >= 0) {
                throw new AssertionError("Hostile markup shown unescaped: …" + body.substring(Math.max(0, at - 200), Math.min(body.length(), at + 200)));
            }
        }
        Matcher tags = TAG.matcher(body);
        while (tags.find()) {
            Matcher attributes = ATTRIBUTE.matcher(tags.group(2));
            while (attributes.find()) {
                String name = attributes.group(1).toLowerCase(java.util.Locale.ROOT);
                String value = attributes.group(2) == null ? "" : attributes.group(2).replaceAll("^[\"']|[\"']$", "").strip();
                boolean handler = name.startsWith("on") && value.contains(Hostile.SCRIPT_MARK);
                boolean scriptAddress = value.toLowerCase(java.util.Locale.ROOT).startsWith("javascript:");
                assertThat(handler || scriptAddress).as("a tag given a script by the input: %s", tags.group()).isFalse();
            }
        }
    }

    private static void noInjectedHeader(HttpResponse<String> answer) {
        assertThat(answer.headers().map().keySet()).as("headers").noneMatch(name -> name.equalsIgnoreCase("X-Injected"));
        assertThat(answer.headers().allValues("Set-Cookie")).as("cookies").noneMatch(cookie -> cookie.contains("injected"));
    }

    /** How many rows the intake tables hold: reports, messages, attachments and uploads waiting for a report. */
    record Rows(int reports, int messages, int attachments, int uploads) {

        Rows plus(int reports, int messages, int attachments, int uploads) {
            return new Rows(this.reports + reports, this.messages + messages, this.attachments + attachments, this.uploads + uploads);
        }
    }
}
