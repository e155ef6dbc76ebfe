package org.raporto.intake.web;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import org.raporto.intake.Acknowledgement;
import org.raporto.intake.AgeBand;
import org.raporto.intake.Categories;
import org.raporto.intake.Channel;
import org.raporto.intake.Contact;
import org.raporto.intake.FollowUp;
import org.raporto.intake.Happened;
import org.raporto.intake.NewReport;
import org.raporto.intake.ProofOfWork;
import org.raporto.intake.Platform;
import org.raporto.intake.Receipt;
import org.raporto.intake.ReportId;
import org.raporto.intake.ReportIntake;
import org.raporto.intake.ReportRefused;
import org.raporto.intake.ReportRules;
import org.raporto.intake.ReportedItem;
import org.raporto.intake.SubmissionConflict;
import org.raporto.intake.ReporterRole;
import org.raporto.intake.Screenshots;
import org.raporto.shared.Language;
import org.raporto.shared.i18n.Messages;
import org.raporto.shared.web.RateLimits;
import org.raporto.shared.web.RequestLanguage;
import org.raporto.tracing.CanonicalUrl;
import org.raporto.tracing.InvalidUrlException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * RAPORTO! for apps and partners, over JSON: the same rules and answers as the form. Errors are RFC 9457 problems
 * with one entry per field, in the language of {@code Accept-Language} (Albanian when unsure).
 */
@RestController
@RequestMapping(path = "/api/v1/reports", produces = MediaType.APPLICATION_JSON_VALUE)
class ReportsApiController {

    /** Carries the solved challenge of {@code GET /api/v1/challenge}, as ALTCHA's base64 payload. */
    static final String PROOF_HEADER = "Altcha";

    private final ReportIntake intake;
    private final FollowUp followUp;
    private final Categories categories;
    private final Messages messages;
    private final RateLimits limits;
    private final IntakeLimits intakeLimits;
    private final ProofOfWork proofOfWork;

    ReportsApiController(ReportIntake intake, FollowUp followUp, Categories categories, Messages messages, RateLimits limits,
            IntakeLimits intakeLimits, ProofOfWork proofOfWork) {
        this.proofOfWork = proofOfWork;
        this.intake = intake;
        this.followUp = followUp;
        this.categories = categories;
        this.messages = messages;
        this.limits = limits;
        this.intakeLimits = intakeLimits;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> submit(@RequestBody ReportRequest body, HttpServletRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @RequestHeader(name = PROOF_HEADER, required = false) @Nullable String proof) {
        Language language = body.language() != null ? Language.fromCode(body.language()).orElse(language(request)) : language(request);
        List<FieldProblem> problems = new ArrayList<>();
        NewReport report = toReport(body, language, problems);
        UUID token = submissionToken(idempotencyKey, language, problems);
        if (!problems.isEmpty() || report == null) {
            return invalid(language, problems);
        }
        ProofOfWork.Verdict verdict = verify(proof);
        // A retried request whose first try got through carries the proof that try spent: it gets the same answer.
        if (verdict != ProofOfWork.Verdict.VALID && !(verdict == ProofOfWork.Verdict.SPENT && intake.submitted(token))) {
            return proofRequired(language, verdict);
        }
        if (!limits.tryAcquire(intakeLimits.reports(), request)) {
            return tooMany(language);
        }
        try {
            Acknowledgement acknowledgement = intake.submit(report, Channel.APP, language, token);
            return ResponseEntity.status(acknowledgement.receiptIfNew().isPresent() ? HttpStatus.CREATED : HttpStatus.OK)
                    .cacheControl(CacheControl.noStore())
                    .body(new Created(acknowledgement.reference(), acknowledgement.receiptIfNew().map(Receipt::formatted).orElse(null), "received"));
        }
        catch (SubmissionConflict conflict) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                    messages.get(language, "api.error.idempotencyConflict"));
            problem.setTitle(messages.get(language, "api.error.invalid.title"));
            return problem(problem);
        }
        catch (ReportRefused refused) {
            for (ReportRules.Violation violation : refused.violations()) {
                problems.add(new FieldProblem(violation.step().equals("category") ? "category" : "urls", violation.name(),
                        messages.get(language, "report.error." + violation.name(), NewReport.MAX_ITEMS, Screenshots.MAX_PER_REPORT)));
            }
            return invalid(language, problems);
        }
    }

    @PostMapping(path = "/follow-up", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> followUp(@RequestBody FollowUpRequest body, HttpServletRequest request,
            @RequestHeader(name = PROOF_HEADER, required = false) @Nullable String proof) {
        return withReport(request, body.receipt(), proof, (report, language) -> {
            FollowUp.ReporterView view = followUp.view(report).orElseThrow();
            List<MessageJson> thread = view.messages().stream()
                    .map(message -> new MessageJson(ApiCodes.sent(message.author()), message.text(), message.sentAt()))
                    .toList();
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new StatusJson(view.reference(),
                    ApiCodes.sent(view.status()), messages.get(language, "followUp.status." + view.status().name() + ".text"), thread));
        });
    }

    @PostMapping(path = "/follow-up/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> reply(@RequestBody ReplyRequest body, HttpServletRequest request,
            @RequestHeader(name = PROOF_HEADER, required = false) @Nullable String proof) {
        return withReport(request, body.receipt(), proof, (report, language) -> {
            String text = body.message() == null ? "" : body.message().strip();
            if (text.isEmpty() || text.length() > FollowUp.MAX_MESSAGE) {
                String key = text.isEmpty() ? "followUp.error.empty" : "followUp.error.tooLong";
                return invalid(language, List.of(new FieldProblem("message", text.isEmpty() ? "empty" : "tooLong",
                        messages.get(language, key, FollowUp.MAX_MESSAGE))));
            }
            followUp.reply(report, text);
            return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(Map.of("status", "sent"));
        });
    }

    /**
     * Checks the proof of work, counts the try against the limits and opens the report of the receipt; the action runs
     * only when all pass.
     */
    private ResponseEntity<?> withReport(HttpServletRequest request, @Nullable String receipt, @Nullable String proof,
            BiFunction<ReportId, Language, ResponseEntity<?>> action) {
        Language language = language(request);
        ProofOfWork.Verdict verdict = verify(proof);
        if (verdict != ProofOfWork.Verdict.VALID) {
            return proofRequired(language, verdict);
        }
        if (!limits.tryAcquire(intakeLimits.followUps(), request)) {
            return tooMany(language);
        }
        Optional<ReportId> report = Receipt.parse(receipt).flatMap(followUp::find);
        return report.isPresent() ? action.apply(report.get(), language) : notFound(language, receipt);
    }

    private ProofOfWork.Verdict verify(@Nullable String proof) {
        return proofOfWork.enabled() ? proofOfWork.verify(proof) : ProofOfWork.Verdict.VALID;
    }

    /** No proof of work, or one that is wrong, expired or used: the client fetches a new challenge. */
    private ResponseEntity<?> proofRequired(Language language, ProofOfWork.Verdict verdict) {
        String code = verdict == ProofOfWork.Verdict.MISSING ? "proofOfWorkMissing" : "proofOfWorkFailed";
        return invalid(language, List.of(new FieldProblem(PROOF_HEADER, code, messages.get(language, "api.error." + code))));
    }

    /** A body that is not JSON, or not of the expected shape. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpServletRequest request) {
        Language language = language(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, messages.get(language, "api.error.unreadable"));
        problem.setTitle(messages.get(language, "api.error.invalid.title"));
        return problem(problem);
    }

    private @Nullable NewReport toReport(ReportRequest body, Language language, List<FieldProblem> problems) {
        String category = body.category() == null ? "" : body.category();
        if (categories.active(category).isEmpty()) {
            problems.add(new FieldProblem("category", "category", messages.get(language, "report.error.category")));
        }
        List<ReportedItem> items = new ArrayList<>();
        List<String> urls = body.urls() == null ? List.of() : body.urls();
        boolean hasAccount = body.username() != null && !body.username().isBlank();
        if (urls.size() + (hasAccount ? 1 : 0) > NewReport.MAX_ITEMS) {
            problems.add(new FieldProblem("urls", "TOO_MANY_ITEMS", messages.get(language, "report.error.TOO_MANY_ITEMS", NewReport.MAX_ITEMS)));
        }
        else {
            for (int i = 0; i < urls.size(); i++) {
                try {
                    items.add(new ReportedItem.Address(CanonicalUrl.parse(urls.get(i) == null ? "" : urls.get(i))));
                }
                catch (InvalidUrlException invalid) {
                    problems.add(new FieldProblem("urls[" + i + "]", "url." + invalid.reason().name(),
                            messages.get(language, "report.error.url." + invalid.reason().name(), i + 1, String.valueOf(urls.get(i)))));
                }
            }
        }
        String username = body.username() == null ? "" : body.username().strip();
        Optional<Platform> platform = ApiCodes.parse(Platform.class, body.platform());
        if (!username.isEmpty()) {
            if (platform.isEmpty()) {
                problems.add(new FieldProblem("platform", "platform", messages.get(language, "report.error.platform")));
            }
            else if (username.length() > ReportedItem.Account.MAX_LENGTH) {
                problems.add(new FieldProblem("username", "tooLong",
                        messages.get(language, "report.error.accountTooLong", ReportedItem.Account.MAX_LENGTH)));
            }
            else {
                items.add(new ReportedItem.Account(platform.get(), username));
            }
        }
        String description = body.description() == null ? "" : body.description();
        if (description.strip().length() > NewReport.MAX_DESCRIPTION) {
            problems.add(new FieldProblem("description", "DESCRIPTION_TOO_LONG",
                    messages.get(language, "report.error.descriptionTooLong", NewReport.MAX_DESCRIPTION)));
        }
        Happened happened = choice(Happened.class, body.when(), Happened.UNKNOWN, "when", "report.error.happened", language, problems);
        AgeBand age = choice(AgeBand.class, body.childAgeBand(), AgeBand.UNKNOWN, "childAgeBand", "report.error.childAge", language, problems);
        ReporterRole role = choice(ReporterRole.class, body.reporterRole(), ReporterRole.OTHER, "reporterRole", "report.error.reporterRole", language, problems);
        Contact contact = null;
        if (body.contact() != null) {
            if (body.contact().email() != null && !body.contact().email().isBlank()) {
                if (Contact.isValid(Contact.Kind.EMAIL, body.contact().email())) {
                    contact = new Contact(Contact.Kind.EMAIL, body.contact().email());
                }
                else {
                    problems.add(new FieldProblem("contact.email", "email", messages.get(language, "report.error.email")));
                }
            }
            else if (body.contact().phone() != null && !body.contact().phone().isBlank()) {
                if (Contact.isValid(Contact.Kind.PHONE, body.contact().phone())) {
                    contact = new Contact(Contact.Kind.PHONE, body.contact().phone());
                }
                else {
                    problems.add(new FieldProblem("contact.phone", "phone", messages.get(language, "report.error.phone")));
                }
            }
        }
        return problems.isEmpty() ? new NewReport(category, items, description, happened, age, role, contact) : null;
    }

    private UUID submissionToken(@Nullable String idempotencyKey, Language language, List<FieldProblem> problems) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return UUID.randomUUID();
        }
        try {
            return UUID.fromString(idempotencyKey.strip());
        }
        catch (IllegalArgumentException notAUuid) {
            problems.add(new FieldProblem("Idempotency-Key", "uuid", messages.get(language, "api.error.idempotencyKey")));
            return UUID.randomUUID();
        }
    }

    private <E extends Enum<E>> E choice(Class<E> type, @Nullable String code, E absent, String field, String messageKey,
            Language language, List<FieldProblem> problems) {
        if (code == null || code.isBlank()) {
            return absent;
        }
        Optional<E> value = ApiCodes.parse(type, code);
        if (value.isEmpty()) {
            problems.add(new FieldProblem(field, field, messages.get(language, messageKey)));
            return absent;
        }
        return value.get();
    }

    private ResponseEntity<ProblemDetail> invalid(Language language, List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, messages.get(language, "api.error.invalid.detail"));
        problem.setTitle(messages.get(language, "api.error.invalid.title"));
        problem.setProperty("errors", problems);
        return problem(problem);
    }

    private ResponseEntity<ProblemDetail> notFound(Language language, @Nullable String receipt) {
        String key = Receipt.parse(receipt).isEmpty() ? "followUp.error.mistyped" : "followUp.error.notFound";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, messages.get(language, key));
        problem.setTitle(messages.get(language, "followUp.title"));
        return problem(problem);
    }

    private ResponseEntity<ProblemDetail> tooMany(Language language) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, messages.get(language, "limit.text"));
        problem.setTitle(messages.get(language, "limit.title"));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "3600")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        problem.setType(URI.create("about:blank"));
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static Language language(HttpServletRequest request) {
        return RequestLanguage.preferred(request);
    }

    /** A report as an app sends it; every field may be missing, and is then checked like an empty form field. */
    record ReportRequest(@Nullable String category, @Nullable List<String> urls, @Nullable String platform, @Nullable String username,
            @Nullable String description, @Nullable String when, @Nullable String childAgeBand, @Nullable String reporterRole,
            @Nullable ContactRequest contact, @Nullable String language) {
    }

    /** How to reach the reporter: sending it is their consent to be contacted. */
    record ContactRequest(@Nullable String email, @Nullable String phone) {
    }

    record Created(String reference, @Nullable String receipt, String status) {
    }

    record FollowUpRequest(@Nullable String receipt) {
    }

    record ReplyRequest(@Nullable String receipt, @Nullable String message) {
    }

    record StatusJson(String reference, String status, String statusText, List<MessageJson> messages) {
    }

    record MessageJson(String author, String text, Instant sentAt) {
    }

    /** One field that cannot be accepted: where, a stable code for programs, and a message for people. */
    record FieldProblem(String field, String code, String message) {
    }
}
