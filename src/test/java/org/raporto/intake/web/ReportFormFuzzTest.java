package org.raporto.intake.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.raporto.fuzz.Fuzz;
import org.raporto.fuzz.Gen;
import org.raporto.fuzz.Hostile;
import org.raporto.fuzz.HostileFiles;
import org.raporto.fuzz.Multipart;
import org.raporto.intake.AgeBand;
import org.raporto.intake.Happened;
import org.raporto.intake.Platform;
import org.raporto.intake.ReporterRole;
import org.raporto.intake.web.FuzzChecks.Rows;
import org.raporto.web.FormClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report form against hostile answers, as browsers without JavaScript send them (session cookie, form token,
 * redirects followed): every step, bodies of raw bytes, and files of every kind on the screenshots step. No answer is
 * a server error or shows hostile markup as markup; what was typed is kept when a step is refused; a report is stored
 * only when the form says so, and a file only when it is taken as an image.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ReportFormFuzzTest {

    private static final String FORM_EN = "/en/raporto/form";
    private static final String FORM_SQ = "/sq/raporto/formulari";
    private static final Pattern STEP = Pattern.compile("name=\"step\" value=\"([A-Z_]+)\"");
    private static final Pattern REFERENCE = Pattern.compile("R-\\d{4}-\\d{6,}");
    private static final Pattern REMOVE = Pattern.compile("value=\"remove:([0-9a-f-]{36})\"");
    private static final List<String> STEPS = Arrays.stream(ReportDraft.Step.values()).map(Enum::name).toList();
    private static final Map<String, List<String>> FIELDS_OF_STEP = Map.of("CATEGORY", List.of("category"),
            "WHERE", List.of("urls", "platform", "account"), "WHAT", List.of("description", "happened", "childAge"),
            "ABOUT_YOU", List.of("reporterRole", "contactChoice", "email", "phone", "consent"));
    private static final List<String> FIELDS = FIELDS_OF_STEP.values().stream().flatMap(List::stream).sorted().toList();
    /** The fields whose text the page shows again when the step is refused. */
    private static final Set<String> TYPED = Set.of("urls", "account", "description", "email", "phone");
    private static final String KEPT = "kept";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyStepAnswersHostileAnswersAndStoresOnlyTheReportsItConfirms(CapturedOutput output) throws Exception {
        Rows before = FuzzChecks.rows(jdbc);
        Set<String> confirmed = new HashSet<>();
        List<Visitor> visitors = List.of(new Visitor(FORM_EN, confirmed), new Visitor(FORM_SQ, confirmed), new Visitor(FORM_EN, confirmed));

        Map<String, Integer> outcomes = Fuzz.check("report-form", 600, (fuzz, random) -> {
            Visitor visitor = Gen.oneOf(visitors).next(random);
            Map<String, String> answers = answers(visitor.step, random);
            answers.forEach(fuzz::input);
            visitor.answered(fuzz, visitor.client.post(answers), answers);
            assertThat(FuzzChecks.rows(jdbc)).as("stored: the reports the form confirmed, nothing else")
                    .isEqualTo(before.plus(confirmed.size(), 0, 0, 0));
        });

        assertThat(outcomes).as("hostile answers refused, good ones taken, reports sent").containsKeys("200", "303", "report sent");
        FuzzChecks.quietLog(output);
    }

    @Test
    void rawBodiesThatAreNoUtf8NorProperlyEncodedAreAnsweredWithoutStoringAnything(CapturedOutput output) throws Exception {
        Rows before = FuzzChecks.rows(jdbc);
        Set<String> confirmed = new HashSet<>();
        List<Visitor> visitors = List.of(new Visitor(FORM_EN, confirmed), new Visitor(FORM_SQ, confirmed));

        Map<String, Integer> outcomes = Fuzz.check("report-form-raw", 400, (fuzz, random) -> {
            Visitor visitor = Gen.oneOf(visitors).next(random);
            // Half the values as browsers encode them, so that some bodies get past Tomcat, which refuses the others.
            Gen<byte[]> value = Hostile.encodedText().orElse(50, Hostile.formValue());
            List<byte[]> pairs = new ArrayList<>();
            if (random.nextInt(100) < 95) {
                pairs.add(Hostile.utf8("_csrf=" + visitor.client.csrf()));
            }
            pairs.add(Hostile.concat(List.of(Hostile.utf8("step="), random.nextBoolean() ? Hostile.utf8(visitor.step) : value.next(random))));
            for (String field : FIELDS) {
                if (random.nextInt(100) < 30) {
                    pairs.add(Hostile.concat(List.of(Hostile.utf8(field + "="), value.next(random))));
                }
            }
            if (random.nextInt(100) < 10) {
                pairs.add(Hostile.concat(List.of(value.next(random), Hostile.utf8("="), value.next(random))));
            }
            List<byte[]> joined = new ArrayList<>();
            for (byte[] pair : pairs) {
                joined.add(pair);
                joined.add(Hostile.utf8(Gen.oneOf("&", "&", "&", ";", "&&", "\r\n&").next(random)));
            }
            byte[] body = fuzz.input("body", Hostile.concat(joined));
            String type = fuzz.input("Content-Type", Gen.oneOf("application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=UTF-8",
                    "application/x-www-form-urlencoded; charset=ISO-8859-1", "application/x-www-form-urlencoded; charset=UTF-7",
                    "application/x-www-form-urlencoded; charset=no-such-charset", "application/x-www-form-urlencoded; charset=\"\"",
                    "text/plain", "application/json").next(random));
            visitor.answered(fuzz, visitor.client.postRaw(type, body), null);
            assertThat(FuzzChecks.rows(jdbc)).as("stored").isEqualTo(before.plus(confirmed.size(), 0, 0, 0));
        });

        assertThat(outcomes).as("taken as text, and refused as no text").containsKeys("200", "400");
        FuzzChecks.quietLog(output);
    }

    @Test
    void theScreenshotsStepKeepsOnlyImagesWhateverIsUploaded(CapturedOutput output) throws Exception {
        Rows before = FuzzChecks.rows(jdbc);
        Set<String> confirmed = new HashSet<>();
        List<Visitor> visitors = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Visitor visitor = new Visitor(FORM_EN, confirmed);
            visitor.walkToScreenshots();
            visitors.add(visitor);
        }

        Map<String, Integer> outcomes = Fuzz.check("screenshots", 250, (fuzz, random) -> {
            Visitor visitor = Gen.oneOf(visitors).next(random);
            if (visitor.screenshots.size() == 5 && random.nextInt(100) < 70) {
                // Full: room is made, as a reporter would.
                visitor.answered(fuzz, visitor.client.postWithFiles(Map.of("step", "SCREENSHOTS", "action", "remove:" + visitor.screenshots.get(0)),
                        List.of()), null);
            }
            int uploadsBefore = FuzzChecks.rows(jdbc).uploads();
            Multipart form = new Multipart(Gen.oneOf("----fuzz" + random.nextLong(), "x", "a".repeat(70), "--").next(random));
            if (random.nextInt(100) < 97) {
                form.field("_csrf", visitor.client.csrf());
            }
            // Not the steps before: an empty answer there would change the draft under the screenshots.
            form.field("step", Gen.oneOf("SCREENSHOTS").orElse(90, Gen.oneOf("ABOUT_YOU", "CHECK", "DONE", "", "SCREENSHOTS\u0000")).next(random));
            form.field("action", Gen.<String>either(Gen.oneOf("upload", "upload", "upload", "upload", "next"),
                    r -> "remove:" + (visitor.screenshots.isEmpty() ? "not-a-uuid" : Gen.oneOf(visitor.screenshots).next(r)), Hostile.text()).next(random));
            int images = 0;
            for (HostileFiles.File file : HostileFiles.file().list(0, 6).next(random)) {
                fuzz.input(file.kind() + " (" + file.contentType() + ")", file.content());
                byte[] name = fuzz.input("file name", Hostile.fileName().next(random));
                form.file(random.nextInt(100) < 95 ? "screenshot" : "screenshot[]", name, file.contentType(), file.content());
                images += file.mayBeTaken() ? 1 : 0;
                fuzz.noted(file.kind());
            }
            if (random.nextInt(100) < 10) {
                form.raw(Gen.oneOf("Content-Disposition: form-data\r\n\r\n", "--\r\n", "\r\n\r\n\r\n", "no colon here\r\n",
                        "Content-Disposition: form-data; name=\"screenshot\"; filename*=UTF-8''%F0%9F%98%80.png\r\n\r\nx\r\n").map(Hostile::utf8).next(random));
            }
            byte[] body = fuzz.input("body", form.build(random.nextInt(100) < 95));
            visitor.answered(fuzz, visitor.client.postRaw(form.contentType(), body), null);
            visitor.backToScreenshots(fuzz);
            assertThat(FuzzChecks.rows(jdbc).uploads() - uploadsBefore).as("files kept").isLessThanOrEqualTo(images);
            assertThat(FuzzChecks.rows(jdbc)).as("kept: the screenshots listed").isEqualTo(before.plus(0, 0, 0, held(visitors)));
        });

        // Sent, the screenshots listed move to the reports; nothing else is kept.
        int sent = held(visitors);
        for (Visitor visitor : visitors) {
            visitor.sendWithScreenshots();
        }
        assertThat(confirmed).hasSize(visitors.size());
        assertThat(FuzzChecks.rows(jdbc)).isEqualTo(before.plus(visitors.size(), 0, sent, 0));
        assertThat(outcomes).containsKeys("200", "303", "PNG_BOMB", "POLYGLOT", "EMPTY");
        FuzzChecks.quietLog(output);
    }

    /** The answers a visitor sends at a step: mostly to the step they are at, mostly good, often hostile. */
    private static Map<String, String> answers(String current, Random random) {
        Map<String, String> answers = new LinkedHashMap<>();
        String step = random.nextInt(100) < 85 ? current : Gen.oneOf(STEPS).orElse(70, Hostile.text()).next(random);
        answers.put("step", step);
        List<String> ofStep = FIELDS_OF_STEP.getOrDefault(step, List.of());
        for (String field : FIELDS) {
            boolean asked = ofStep.contains(field);
            if (random.nextInt(100) >= (asked ? 95 : 20)) {
                continue;
            }
            String value;
            if (asked && random.nextInt(100) < 75) {
                value = valid(field).next(random);
            }
            else {
                value = Hostile.text().next(random);
                if (TYPED.contains(field) && random.nextBoolean()) {
                    value = KEPT + random.nextInt(1_000_000) + " " + value;
                }
            }
            answers.put(field, value);
        }
        answers.put("action", Gen.oneOf("next").orElse(80, Gen.<String>either(Gen.oneOf("back", "send", "done", "upload"),
                Gen.oneOf(STEPS).map(name -> "change-" + name), Hostile.text())).next(random));
        if (random.nextInt(100) < 3) {
            answers.put("website", Hostile.text().next(random));
        }
        if (random.nextInt(100) < 5) {
            answers.put(Hostile.text().next(random), Hostile.text().next(random));
        }
        return answers;
    }

    private static Gen<String> valid(String field) {
        return switch (field) {
            case "category" -> Gen.oneOf("cyberbullying", "hate-speech", "other", "csam", "grooming", "fake-profile", "adult-content");
            case "urls" -> Gen.oneOf("https://example.org/post/1", "example.com/a\nhttps://example.org/b", "instagram.com/p/xyz?utm_source=ig",
                    "https://xn--80ak6aa92e.com/ë?q=ç", "");
            case "platform" -> Gen.oneOf(Arrays.stream(Platform.values()).map(Enum::name).toList());
            case "account" -> Gen.oneOf("@someone", "user_123", "Ëndërr Çeliku");
            case "description" -> Gen.oneOf("Komente fyese çdo ditë", "", "They wrote <b>this</b> & more");
            case "happened" -> Gen.oneOf(Arrays.stream(Happened.values()).map(Enum::name).toList());
            case "childAge" -> Gen.oneOf(Arrays.stream(AgeBand.values()).map(Enum::name).toList());
            case "reporterRole" -> Gen.oneOf(Arrays.stream(ReporterRole.values()).map(Enum::name).toList());
            case "contactChoice" -> Gen.oneOf("ANONYMOUS", "ANONYMOUS", "ANONYMOUS", "EMAIL", "PHONE");
            case "email" -> Gen.oneOf("parent@example.org", "ë.ç@example.al");
            case "phone" -> Gen.oneOf("+355 69 123 4567", "069 123 4567");
            case "consent" -> Gen.constant("yes");
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static int held(List<Visitor> visitors) {
        return visitors.stream().mapToInt(visitor -> visitor.screenshots.size()).sum();
    }

    /** A person with a browser: one session, one draft, followed through the answers of the form. */
    private final class Visitor {

        final FormClient client;
        final String path;
        final Set<String> confirmed;
        String step = "CATEGORY";
        List<String> screenshots = List.of();

        Visitor(String path, Set<String> confirmed) throws Exception {
            this.path = path;
            this.confirmed = confirmed;
            this.client = new FormClient(port, path);
        }

        /**
         * Checks the answer, follows a redirect as a browser does, and notes where the draft is now; a confirmed report
         * is noted, and the visitor starts a new one.
         *
         * @param typed the answers sent as text, to check that a refused step shows them again; null for raw bodies
         */
        void answered(Fuzz fuzz, HttpResponse<String> answer, @Nullable Map<String, String> typed) throws Exception {
            fuzz.noted(String.valueOf(answer.statusCode()));
            FuzzChecks.page(answer);
            HttpResponse<String> page = answer;
            if (answer.statusCode() == 303) {
                page = client.get(answer.headers().firstValue("Location").orElseThrow());
                FuzzChecks.page(page);
            }
            else if (answer.statusCode() == 403) {
                // No token, or the session's ended: the form opened again, as the error page offers.
                client.refresh();
                page = client.get(path);
            }
            if (page.statusCode() != 200) {
                return;
            }
            String body = page.body();
            if (body.contains("class=\"panel-done\"")) {
                Matcher reference = REFERENCE.matcher(body);
                assertThat(reference.find()).as("the reference of the report sent").isTrue();
                if (confirmed.add(reference.group())) {
                    fuzz.noted("report sent");
                }
                FuzzChecks.page(client.post(Map.of("action", "done")));
                step = "CATEGORY";
                screenshots = List.of();
                return;
            }
            Matcher current = STEP.matcher(body);
            if (!current.find()) {
                // The home page, after "done".
                step = "CATEGORY";
                return;
            }
            step = current.group(1);
            if (step.equals("SCREENSHOTS")) {
                List<String> listed = new ArrayList<>();
                REMOVE.matcher(body).results().forEach(match -> listed.add(match.group(1)));
                screenshots = listed;
            }
            if (typed != null && answer.statusCode() == 200 && body.contains("class=\"error-summary\"") && step.equals(typed.get("step"))) {
                for (String field : TYPED) {
                    String value = typed.getOrDefault(field, "");
                    if (value.startsWith(KEPT) && FIELDS_OF_STEP.get(step).contains(field)) {
                        assertThat(body).as("what was typed in %s, shown again", field).contains(value.substring(0, value.indexOf(' ')));
                    }
                }
            }
        }

        void walkToScreenshots() throws Exception {
            assertThat(client.post(Map.of("step", "CATEGORY", "category", "cyberbullying")).statusCode()).isEqualTo(303);
            assertThat(client.post(Map.of("step", "WHERE", "urls", "https://example.org/post/1")).statusCode()).isEqualTo(303);
            assertThat(client.post(Map.of("step", "WHAT", "description", "x", "happened", "TODAY", "childAge", "FROM_13_TO_15")).statusCode()).isEqualTo(303);
            step = "SCREENSHOTS";
        }

        /** Where an answer took the visitor past the screenshots, they go back to them. */
        void backToScreenshots(Fuzz fuzz) throws Exception {
            for (int i = 0; i < 3 && !step.equals("SCREENSHOTS"); i++) {
                answered(fuzz, client.post(Map.of("step", step, "action", "back")), null);
            }
            assertThat(step).isEqualTo("SCREENSHOTS");
        }

        void sendWithScreenshots() throws Exception {
            assertThat(client.postWithFiles(Map.of("step", "SCREENSHOTS", "action", "next"), List.of()).statusCode()).isEqualTo(303);
            assertThat(client.post(Map.of("step", "ABOUT_YOU", "reporterRole", "PARENT", "contactChoice", "ANONYMOUS")).statusCode()).isEqualTo(303);
            assertThat(client.post(Map.of("step", "CHECK", "action", "send")).statusCode()).isEqualTo(303);
            Matcher reference = REFERENCE.matcher(client.get(path).body());
            assertThat(reference.find()).isTrue();
            confirmed.add(reference.group());
        }
    }
}
