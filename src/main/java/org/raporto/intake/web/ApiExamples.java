package org.raporto.intake.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.raporto.intake.AgeBand;
import org.raporto.intake.Category;
import org.raporto.intake.FollowUp;
import org.raporto.intake.Happened;
import org.raporto.intake.Platform;
import org.raporto.intake.ProofOfWork;
import org.raporto.intake.Receipt;
import org.raporto.intake.ReportStatus;
import org.raporto.intake.ReporterRole;
import org.raporto.intake.web.CategoriesApiController.CategoryJson;
import org.raporto.intake.web.ReportsApiController.ContactRequest;
import org.raporto.intake.web.ReportsApiController.Created;
import org.raporto.intake.web.ReportsApiController.FieldProblem;
import org.raporto.intake.web.ReportsApiController.FollowUpRequest;
import org.raporto.intake.web.ReportsApiController.MessageJson;
import org.raporto.intake.web.ReportsApiController.ReplyRequest;
import org.raporto.intake.web.ReportsApiController.ReportRequest;
import org.raporto.intake.web.ReportsApiController.StatusJson;
import org.raporto.shared.Language;
import org.raporto.shared.i18n.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests to the API and its answers, as the API page shows them: each an HTTP exchange with its headers, the bodies
 * made from the API's own request and answer types by the application's JSON mapper, so that a field cannot be
 * renamed in the code and not on the page. The examples ask for Albanian ({@code Accept-Language: sq}) and are the
 * same on the page in every language: they are code, not prose.
 *
 * @param solution    the number that solves the example challenge, which a client's solver can be tested against
 * @param payload     the solution as JSON
 * @param proofHeader the solution as it goes in the {@code Altcha} header
 */
public record ApiExamples(Exchange categories, Exchange challenge, long solution, String payload, String proofHeader,
        Exchange report, Exchange repeated, Exchange conflict, Exchange invalid, Exchange proofMissing, Exchange tooMany,
        Exchange followUp, Exchange reply) {

    static final Language LANGUAGE = Language.DEFAULT;
    static final String REFERENCE = "R-2026-000123";
    static final String IDEMPOTENCY_KEY = "6f1c2a9e-4b7d-4e3a-9c51-2d8f0b7a3e64";
    /** The example's receipt: any 16 characters, with the check character that makes it well-formed. */
    static final String RECEIPT = wellFormedReceipt("7K2M9QX4HD3NPW8R");
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    /** @param firstOfAll the first category the API lists; null when none is offered */
    static ApiExamples of(Writer write, Messages messages, ProofOfWork proofOfWork, @Nullable Category firstOfAll) {
        String refused = messages.get(LANGUAGE, "api.error.invalid.title");
        String correctFields = messages.get(LANGUAGE, "api.error.invalid.detail");
        String anotherProof = ReportsApiController.PROOF_HEADER + ": …";

        Exchange categories = new Exchange(write.request(request(ApiReference.CATEGORIES), null), write.response(answer(HttpStatus.OK),
                firstOfAll == null ? List.of() : List.of(CategoryJson.of(firstOfAll))));

        // A challenge that a real solver solves, with the number a quarter of the way; its signature is one in form only.
        String salt = "5c3e8a1f0d7b29e4a6c1f38b?expires=1798761600&";
        long number = proofOfWork.maxNumber() / 4;
        String hash = sha256(salt + number);
        var challenge = new ProofOfWork.Challenge("SHA-256", hash, proofOfWork.maxNumber(), salt, sha256("signature " + hash));
        Map<String, Object> solution = new LinkedHashMap<>();
        solution.put("algorithm", challenge.algorithm());
        solution.put("challenge", challenge.challenge());
        solution.put("number", number);
        solution.put("salt", challenge.salt());
        solution.put("signature", challenge.signature());
        String proof = Base64.getEncoder().encodeToString(write.compact(solution).getBytes(StandardCharsets.UTF_8));
        Exchange challenged = new Exchange(write.request(request(ApiReference.CHALLENGE), null), write.response(answer(HttpStatus.OK), challenge));

        var report = new ReportRequest("cyberbullying", List.of("https://www.instagram.com/p/C0ffee123/"), ApiCodes.of(Platform.INSTAGRAM),
                "@someone", "Komente fyese dhe kërcënime nën fotot e vajzës sime, çdo ditë.", ApiCodes.of(Happened.THIS_WEEK),
                ApiCodes.of(AgeBand.FROM_13_TO_15), ApiCodes.of(ReporterRole.PARENT), new ContactRequest("prindi@example.org", null),
                LANGUAGE.code());
        Exchange created = new Exchange(
                write.request(request(ApiReference.REPORTS, "Idempotency-Key: " + IDEMPOTENCY_KEY, ReportsApiController.PROOF_HEADER + ": " + proof),
                        report),
                write.response(answer(HttpStatus.CREATED), new Created(REFERENCE, RECEIPT, "received")));
        Exchange repeated = new Exchange(null, write.response(answer(HttpStatus.OK), new Created(REFERENCE, null, "received")));
        Exchange conflict = new Exchange(null, write.response(problemAnswer(HttpStatus.UNPROCESSABLE_CONTENT),
                problem(HttpStatus.UNPROCESSABLE_CONTENT, refused, messages.get(LANGUAGE, "api.error.idempotencyConflict"), null)));

        var wrong = new ReportRequest("bullying", List.of("javascript:alert(1)"), null, null, null, null, "14", null, null, null);
        Exchange invalid = new Exchange(write.request(request(ApiReference.REPORTS, anotherProof), wrong),
                write.response(problemAnswer(HttpStatus.BAD_REQUEST), problem(HttpStatus.BAD_REQUEST, refused, correctFields, List.of(
                        new FieldProblem("category", "category", messages.get(LANGUAGE, "report.error.category")),
                        new FieldProblem("urls[0]", "url.NOT_WEB", messages.get(LANGUAGE, "report.error.url.NOT_WEB", 1, wrong.urls().get(0))),
                        new FieldProblem("childAgeBand", "childAgeBand", messages.get(LANGUAGE, "report.error.childAge"))))));
        Exchange proofMissing = new Exchange(null, write.response(problemAnswer(HttpStatus.BAD_REQUEST),
                problem(HttpStatus.BAD_REQUEST, refused, correctFields, List.of(new FieldProblem(ReportsApiController.PROOF_HEADER,
                        "proofOfWorkMissing", messages.get(LANGUAGE, "api.error.proofOfWorkMissing"))))));
        Exchange tooMany = new Exchange(null, write.response(problemAnswer(HttpStatus.TOO_MANY_REQUESTS, "Retry-After: 3600"),
                problem(HttpStatus.TOO_MANY_REQUESTS, messages.get(LANGUAGE, "limit.title"), messages.get(LANGUAGE, "limit.text"), null)));

        var status = new StatusJson(REFERENCE, ApiCodes.sent(ReportStatus.ACTION_TAKEN),
                messages.get(LANGUAGE, "followUp.status." + ReportStatus.ACTION_TAKEN.name() + ".text"), List.of(
                        new MessageJson(ApiCodes.sent(FollowUp.Message.Author.REPORTER), "Profili postoi sërish sot.",
                                Instant.parse("2026-11-27T18:40:00Z")),
                        new MessageJson(ApiCodes.sent(FollowUp.Message.Author.HOTLINE),
                                "Faleminderit. E kemi referuar llogarinë te platforma dhe po e ndjekim.", Instant.parse("2026-11-28T09:15:00Z"))));
        Exchange followUp = new Exchange(write.request(request(ApiReference.FOLLOW_UP, anotherProof), new FollowUpRequest(RECEIPT)),
                write.response(answer(HttpStatus.OK), status));
        Exchange reply = new Exchange(
                write.request(request(ApiReference.MESSAGES, anotherProof), new ReplyRequest(RECEIPT, "Profili u hap përsëri me një emër tjetër.")),
                write.response(answer(HttpStatus.CREATED), Map.of("status", "sent")));

        return new ApiExamples(categories, challenged, number, write.pretty(solution), proof, created, repeated, conflict, invalid,
                proofMissing, tooMany, followUp, reply);
    }

    /**
     * A request and the answer to it, each with its head (request or status line, headers) and body.
     *
     * @param request null where the request is one shown before
     */
    public record Exchange(@Nullable String request, String response) {
    }

    /** A problem as the API writes it to a report (RFC 9457), its members in the API's order. */
    private static Map<String, Object> problem(HttpStatus status, String title, String detail, @Nullable List<FieldProblem> errors) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("detail", detail);
        problem.put("instance", ApiReference.REPORTS.path());
        problem.put("status", status.value());
        problem.put("title", title);
        problem.put("type", "about:blank");
        if (errors != null) {
            problem.put("errors", errors);
        }
        return problem;
    }

    private static List<String> request(ApiReference.Endpoint endpoint, String... headers) {
        List<String> lines = new ArrayList<>();
        lines.add(endpoint + " HTTP/1.1");
        if (endpoint.method().equals("POST")) {
            lines.add("Content-Type: " + JSON);
        }
        lines.add("Accept-Language: " + LANGUAGE.code());
        lines.addAll(List.of(headers));
        return lines;
    }

    private static List<String> answer(HttpStatus status) {
        return List.of("HTTP/1.1 " + status.value() + " " + status.getReasonPhrase(), "Content-Type: " + JSON);
    }

    private static List<String> problemAnswer(HttpStatus status, String... headers) {
        List<String> lines = new ArrayList<>();
        lines.add("HTTP/1.1 " + status.value() + " " + status.getReasonPhrase());
        lines.add("Content-Type: " + PROBLEM);
        lines.addAll(List.of(headers));
        return lines;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    private static String wellFormedReceipt(String sixteen) {
        for (char check : "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray()) {
            Optional<Receipt> receipt = Receipt.parse(sixteen + check);
            if (receipt.isPresent()) {
                return receipt.get().formatted();
            }
        }
        throw new IllegalStateException("No check character makes " + sixteen + " a receipt");
    }

    /**
     * Writes bodies as the application's mapper writes the API's answers, indented for reading; requests without the
     * fields a client would leave out. Made once: each mapper learns how to write each type the first time.
     */
    static final class Writer {

        private final JsonMapper answers;
        private final JsonMapper requests;
        private final JsonMapper compact;

        Writer(JsonMapper json) {
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            this.compact = json;
            this.answers = json.rebuild().defaultPrettyPrinter(printer)
                    .enable(SerializationFeature.INDENT_OUTPUT).build();
            this.requests = answers.rebuild()
                    .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL)).build();
        }

        String compact(Object body) {
            return compact.writeValueAsString(body);
        }

        String pretty(Object body) {
            return answers.writeValueAsString(body);
        }

        /** A request's head and, unless it has none, its body. */
        String request(List<String> head, @Nullable Object body) {
            return String.join("\n", head) + (body == null ? "" : "\n\n" + requests.writeValueAsString(body));
        }

        String response(List<String> head, Object body) {
            return String.join("\n", head) + "\n\n" + answers.writeValueAsString(body);
        }
    }
}
