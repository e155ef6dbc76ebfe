package org.raporto.intake.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.raporto.intake.AgeBand;
import org.raporto.intake.Categories;
import org.raporto.intake.Category;
import org.raporto.intake.Channel;
import org.raporto.intake.Contact;
import org.raporto.intake.Happened;
import org.raporto.intake.NewReport;
import org.raporto.intake.Platform;
import org.raporto.intake.ReportIntake;
import org.raporto.intake.ReportRefused;
import org.raporto.intake.ReportRules;
import org.raporto.intake.ReportedItem;
import org.raporto.intake.ReporterRole;
import org.raporto.intake.Screenshots;
import org.raporto.intake.web.ReportDraft.Step;
import org.raporto.shared.Language;
import org.raporto.shared.i18n.Messages;
import org.raporto.shared.web.FieldError;
import org.raporto.shared.web.LocalizedPaths;
import org.raporto.shared.web.Pages;
import org.raporto.tracing.CanonicalUrl;
import org.raporto.tracing.InvalidUrlException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The report form: one question per page, at one address, so that the browser's history shows only that the form
 * was opened. Each step posts to the same address; an answer that cannot be accepted is shown again with what was
 * typed and an error summary; an accepted one redirects to the next step.
 */
@Controller
class ReportFormController {

    static final String FORM_SQ = "/sq/raporto/formulari";
    static final String FORM_EN = "/en/raporto/form";
    static final LocalizedPaths FORM = LocalizedPaths.of(FORM_SQ, FORM_EN);
    private static final String RECEIPT_SQ = FORM_SQ + "/deftesa";
    private static final String RECEIPT_EN = FORM_EN + "/receipt";
    private static final LocalizedPaths RECEIPT = LocalizedPaths.of(RECEIPT_SQ, RECEIPT_EN);
    private static final String DRAFT = ReportDraft.class.getName();
    private static final int MAX_TEXT = 200;
    /**
     * The fields of the form's pages. Nothing else a request carries is read: Spring Security refuses to read a field
     * whose name has a control character in it, and no browser sends one.
     */
    private static final List<String> FIELDS = List.of("step", "category", "urls", "platform", "account", "description", "happened",
            "childAge", "reporterRole", "contactChoice", "email", "phone", "consent", "website", "altcha");

    private final Pages pages;
    private final Messages messages;
    private final Categories categories;
    private final ReportIntake intake;
    private final ScreenshotUploads uploads;
    private final ProofOfWorkField proof;
    private final IntakeLimits intakeLimits;
    private final TooManyAttempts tooMany;

    ReportFormController(Pages pages, Messages messages, Categories categories, ReportIntake intake, ScreenshotUploads uploads,
            ProofOfWorkField proof, IntakeLimits intakeLimits, TooManyAttempts tooMany) {
        this.proof = proof;
        this.uploads = uploads;
        this.pages = pages;
        this.messages = messages;
        this.categories = categories;
        this.intake = intake;
        this.intakeLimits = intakeLimits;
        this.tooMany = tooMany;
    }

    @GetMapping({FORM_SQ, FORM_EN})
    String show(Language language, HttpSession session, CsrfToken csrf, Model model) {
        return render(language, draft(session), List.of(), csrf, model);
    }

    @PostMapping({FORM_SQ, FORM_EN})
    Object answer(Language language, HttpServletRequest request, HttpSession session, CsrfToken csrf, Model model,
            @RequestParam(defaultValue = "next") String action,
            @RequestParam(name = "screenshot", required = false) @Nullable List<MultipartFile> files) {
        ReportDraft draft = draft(session);
        // Two clicks on "Send" arrive together: one at a time, so that the second sees the first one's receipt.
        synchronized (draft) {
            return answer(language, request, session, csrf, model, fields(request), action, files == null ? List.of() : files, draft);
        }
    }

    private static Map<String, String> fields(HttpServletRequest request) {
        Map<String, String> form = new HashMap<>();
        for (String name : FIELDS) {
            String value = request.getParameter(name);
            if (value != null) {
                form.put(name, value);
            }
        }
        return form;
    }

    private Object answer(Language language, HttpServletRequest request, HttpSession session, CsrfToken csrf, Model model,
            Map<String, String> form, String action, List<MultipartFile> files, ReportDraft draft) {
        // Only sending the report reaches DONE, and only a category that takes them the screenshots.
        Step posted = parse(Step.class, form.get("step"))
                .filter(step -> step != Step.DONE && (step != Step.SCREENSHOTS || draft.screenshotsAllowed))
                .orElse(draft.step);
        if (draft.step == Step.DONE) {
            if (action.equals("done")) {
                session.removeAttribute(DRAFT);
                return redirect(language.homePath());
            }
            return redirect(FORM.in(language));
        }
        draft.step = posted;
        if (action.equals("back")) {
            // The back button is a form of its own (so that Enter in a field means Continue): it carries no answers.
            if (draft.returnToCheck) {
                List<FieldError> errors = check(language, draft, posted);
                if (!errors.isEmpty()) {
                    return render(language, draft, errors, csrf, model);
                }
            }
            draft.step = draft.returnToCheck ? Step.CHECK : draft.before(posted);
            draft.returnToCheck = false;
            return redirect(FORM.in(language));
        }
        keepTyped(draft, posted, form);
        if (action.startsWith("change-") && posted == Step.CHECK) {
            parse(Step.class, action.substring("change-".length())).filter(step -> step.ordinal() < Step.CHECK.ordinal())
                    .ifPresent(step -> {
                        draft.step = step;
                        draft.returnToCheck = true;
                    });
            return redirect(FORM.in(language));
        }
        if (posted == Step.SCREENSHOTS) {
            if (action.startsWith("remove:")) {
                remove(draft, action.substring("remove:".length()));
            }
            List<FieldError> refused = add(language, request, draft, files);
            if (!refused.isEmpty()) {
                return render(language, draft, refused, csrf, model);
            }
            if (!action.equals("next")) {
                // Added or removed: the reporter sees the list and decides whether there is more.
                return redirect(FORM.in(language));
            }
        }
        List<FieldError> errors = check(language, draft, posted);
        if (!errors.isEmpty()) {
            return render(language, draft, errors, csrf, model);
        }
        if (posted == Step.CATEGORY) {
            chose(draft, categories.active(draft.category).orElseThrow());
        }
        if (posted == Step.CHECK) {
            // A field people never see: only robots fill it in.
            if (!form.getOrDefault("website", "").isEmpty()) {
                return tooMany.page(language, FORM);
            }
            switch (proof.check(form.get("altcha"), request, intakeLimits.reports(), intakeLimits.reportsWithoutProof())) {
                case LIMITED -> {
                    return tooMany.page(language, FORM);
                }
                case FAILED -> {
                    return render(language, draft, List.of(new FieldError("altcha", messages.get(language, "proofOfWork.failed"))), csrf, model);
                }
                default -> {
                    return submit(language, request, draft, csrf, model);
                }
            }
        }
        draft.step = draft.returnToCheck ? Step.CHECK : draft.after(posted);
        draft.returnToCheck = false;
        return redirect(FORM.in(language));
    }

    /** The receipt as a text file, while the confirmation is open: to be kept somewhere safe. */
    @PostMapping({RECEIPT_SQ, RECEIPT_EN})
    ResponseEntity<String> receipt(Language language, HttpSession session) {
        ReportDraft draft = draft(session);
        if (draft.step != Step.DONE || draft.receipt == null || draft.reference == null) {
            return ResponseEntity.status(303).header(HttpHeaders.LOCATION, FORM.in(language)).build();
        }
        String text = messages.get(language, "report.done.file", draft.reference, draft.receipt) + "\r\n";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"raporto-" + draft.reference + ".txt\"")
                .body(text);
    }

    /** A category without screenshots (child sexual abuse material above all) drops those uploaded for another. */
    private void chose(ReportDraft draft, Category category) {
        draft.screenshotsAllowed = category.attachmentsAllowed();
        if (!draft.screenshotsAllowed) {
            draft.screenshots.forEach(uploads::discard);
            draft.screenshots.clear();
        }
    }

    /** Takes the files chosen, each as a clean image or with the reason it was not taken. */
    private List<FieldError> add(Language language, HttpServletRequest request, ReportDraft draft, List<MultipartFile> files) {
        List<FieldError> refused = new ArrayList<>();
        for (MultipartFile file : files) {
            if (!ScreenshotUploads.chosen(file)) {
                continue;
            }
            if (draft.screenshots.size() >= Screenshots.MAX_PER_REPORT) {
                refused.add(new FieldError("screenshot", messages.get(language, "report.error.TOO_MANY_SCREENSHOTS",
                        NewReport.MAX_ITEMS, Screenshots.MAX_PER_REPORT)));
                break;
            }
            ScreenshotUploads.Outcome outcome = uploads.take(language, request, file);
            if (outcome.screenshot() != null) {
                draft.screenshots.add(outcome.screenshot());
            }
            else if (outcome.error() != null) {
                refused.add(outcome.error());
            }
        }
        return refused;
    }

    private void remove(ReportDraft draft, String upload) {
        draft.screenshots.removeIf(screenshot -> {
            boolean removed = screenshot.upload().toString().equals(upload);
            if (removed) {
                uploads.discard(screenshot);
            }
            return removed;
        });
    }

    private Object submit(Language language, HttpServletRequest request, ReportDraft draft, CsrfToken csrf, Model model) {
        try {
            draft.acknowledged(intake.submit(toReport(draft), Channel.WEB, language, draft.submissionToken));
            // The session now shows a receipt: it gets a new id, so that an id seen before cannot read it.
            request.changeSessionId();
            return redirect(FORM.in(language));
        }
        catch (ReportRefused refused) {
            // The steps accept only what the rules accept; this is a category switched off meanwhile, or the like.
            String step = refused.violations().get(0).step();
            Step first = step.equals("category") ? Step.CATEGORY : step.equals("screenshots") ? Step.SCREENSHOTS : Step.WHERE;
            draft.step = first;
            if (first == Step.SCREENSHOTS) {
                // What is refused there is a screenshot that is no longer kept: the list shows what is left.
                draft.screenshots.clear();
            }
            String field = first == Step.CATEGORY ? "category" : first == Step.SCREENSHOTS ? "screenshot" : "urls";
            List<FieldError> errors = new ArrayList<>();
            for (ReportRules.Violation violation : refused.violations()) {
                errors.add(new FieldError(field, messages.get(language, "report.error." + violation.name(),
                        NewReport.MAX_ITEMS, Screenshots.MAX_PER_REPORT)));
            }
            return render(language, draft, errors, csrf, model);
        }
    }

    private String render(Language language, ReportDraft draft, List<FieldError> shown, CsrfToken csrf, Model model) {
        List<FieldError> errors = shown;
        if (draft.step == Step.CHECK && errors.isEmpty()) {
            // The check page shows every answer as chosen. One changed since it was checked (in another tab, or by a
            // hand-made post that skipped its step) is asked for again, on its own page, with what was typed.
            errors = check(language, draft, Step.CHECK);
        }
        String titleKey = "report.step." + draft.step.name() + ".title";
        model.addAttribute("page", pages.page(language, titleKey, FORM, !errors.isEmpty()));
        model.addAttribute("draft", draft);
        model.addAttribute("errors", errors);
        model.addAttribute("csrf", csrf);
        List<Category> offered = categories.active();
        model.addAttribute("categories", offered);
        model.addAttribute("chosen", offered.stream().filter(category -> category.code().equals(draft.category)).findFirst().orElse(null));
        model.addAttribute("receiptPath", RECEIPT.in(language));
        model.addAttribute("proofOfWork", draft.step == Step.CHECK ? proof.widget(language) : null);
        return "intake/form";
    }

    /** Copies the fields of the posted step into the draft, trimmed to sane lengths; other steps keep theirs. */
    private static void keepTyped(ReportDraft draft, Step step, Map<String, String> form) {
        switch (step) {
            case CATEGORY -> draft.category = text(form, "category", MAX_TEXT);
            case WHERE -> {
                draft.urls = text(form, "urls", (CanonicalUrl.MAX_LENGTH + 2) * (NewReport.MAX_ITEMS + 5));
                draft.platform = text(form, "platform", MAX_TEXT);
                draft.account = text(form, "account", ReportedItem.Account.MAX_LENGTH + 50);
            }
            case WHAT -> {
                draft.description = text(form, "description", NewReport.MAX_DESCRIPTION + 1000);
                draft.happened = text(form, "happened", MAX_TEXT);
                draft.childAge = text(form, "childAge", MAX_TEXT);
            }
            case ABOUT_YOU -> {
                draft.reporterRole = text(form, "reporterRole", MAX_TEXT);
                draft.contactChoice = text(form, "contactChoice", MAX_TEXT);
                draft.email = text(form, "email", 320);
                draft.phone = text(form, "phone", 40);
                draft.consent = "yes".equals(form.get("consent"));
            }
            default -> {
            }
        }
    }

    private List<FieldError> check(Language language, ReportDraft draft, Step step) {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Category> category = categories.active(draft.category);
        switch (step) {
            case CATEGORY -> {
                if (category.isEmpty()) {
                    errors.put("category", "report.error.category");
                }
            }
            case WHERE -> checkWhere(language, draft, category.orElse(null), errors);
            case WHAT -> {
                if (draft.description.strip().length() > NewReport.MAX_DESCRIPTION) {
                    errors.put("description", messages.get(language, "report.error.descriptionTooLong", NewReport.MAX_DESCRIPTION));
                }
                else if (category.map(c -> c.requires() == Category.Requirement.ANYTHING).orElse(false)
                        && draft.addresses().isEmpty() && draft.account.isBlank() && draft.description.isBlank()) {
                    errors.put("description", "report.error.SOMETHING_REQUIRED");
                }
                if (parse(Happened.class, draft.happened).isEmpty()) {
                    errors.put("happened", "report.error.happened");
                }
                if (parse(AgeBand.class, draft.childAge).isEmpty()) {
                    errors.put("childAge", "report.error.childAge");
                }
            }
            case ABOUT_YOU -> {
                if (parse(ReporterRole.class, draft.reporterRole).isEmpty()) {
                    errors.put("reporterRole", "report.error.reporterRole");
                }
                switch (draft.contactChoice) {
                    case "EMAIL" -> {
                        if (!Contact.isValid(Contact.Kind.EMAIL, draft.email)) {
                            errors.put("email", "report.error.email");
                        }
                    }
                    case "PHONE" -> {
                        if (!Contact.isValid(Contact.Kind.PHONE, draft.phone)) {
                            errors.put("phone", "report.error.phone");
                        }
                    }
                    case "ANONYMOUS" -> {
                    }
                    default -> errors.put("contactChoice", "report.error.contactChoice");
                }
                if (!draft.contactChoice.equals("ANONYMOUS") && !draft.consent) {
                    errors.put("consent", "report.error.consent");
                }
            }
            case CHECK -> {
                for (Step earlier : List.of(Step.CATEGORY, Step.WHERE, Step.WHAT, Step.ABOUT_YOU)) {
                    if (!check(language, draft, earlier).isEmpty()) {
                        draft.step = earlier;
                        return check(language, draft, earlier);
                    }
                }
            }
            default -> {
            }
        }
        List<FieldError> found = new ArrayList<>();
        errors.forEach((field, message) -> found.add(new FieldError(field,
                message.startsWith("report.error.") ? messages.get(language, message) : message)));
        return found;
    }

    private void checkWhere(Language language, ReportDraft draft, @Nullable Category category, Map<String, String> errors) {
        List<String> lines = draft.addresses();
        boolean hasAccount = !draft.account.isBlank();
        if (lines.size() + (hasAccount ? 1 : 0) > NewReport.MAX_ITEMS) {
            errors.put("urls", messages.get(language, "report.error.TOO_MANY_ITEMS", NewReport.MAX_ITEMS));
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            try {
                CanonicalUrl.parse(lines.get(i));
            }
            catch (InvalidUrlException invalid) {
                errors.put("urls", messages.get(language, "report.error.url." + invalid.reason().name(), i + 1, abbreviated(lines.get(i))));
                return;
            }
        }
        if (hasAccount && parse(Platform.class, draft.platform).isEmpty()) {
            errors.put("platform", "report.error.platform");
        }
        else if (draft.account.strip().length() > ReportedItem.Account.MAX_LENGTH) {
            errors.put("account", messages.get(language, "report.error.accountTooLong", ReportedItem.Account.MAX_LENGTH));
        }
        else if (!draft.platform.isBlank() && !hasAccount && lines.isEmpty()) {
            errors.put("account", "report.error.account");
        }
        if (category != null && errors.isEmpty()) {
            if (category.requires() == Category.Requirement.URL && lines.isEmpty()) {
                errors.put("urls", "report.error.ADDRESS_REQUIRED");
            }
            else if (category.requires() == Category.Requirement.URL_OR_ACCOUNT && lines.isEmpty() && !hasAccount) {
                errors.put("urls", "report.error.ADDRESS_OR_ACCOUNT_REQUIRED");
            }
        }
    }

    private static NewReport toReport(ReportDraft draft) {
        List<ReportedItem> items = new ArrayList<>();
        for (String line : draft.addresses()) {
            items.add(new ReportedItem.Address(CanonicalUrl.parse(line)));
        }
        if (!draft.account.isBlank()) {
            items.add(new ReportedItem.Account(Platform.valueOf(draft.platform), draft.account));
        }
        Contact contact = switch (draft.contactChoice) {
            case "EMAIL" -> new Contact(Contact.Kind.EMAIL, draft.email);
            case "PHONE" -> new Contact(Contact.Kind.PHONE, draft.phone);
            default -> null;
        };
        return new NewReport(draft.category, items, draft.description, Happened.valueOf(draft.happened),
                AgeBand.valueOf(draft.childAge), ReporterRole.valueOf(draft.reporterRole), contact,
                draft.screenshots.stream().map(org.raporto.intake.Screenshot::upload).toList());
    }

    private static String abbreviated(String text) {
        return text.length() > 80 ? text.substring(0, 77) + "…" : text;
    }

    private static String text(Map<String, String> form, String name, int maxLength) {
        String value = form.getOrDefault(name, "");
        // Normalise line ends and drop control characters that no one types, keep everything else as typed.
        value = value.replace("\r\n", "\n").replaceAll("[\\p{Cc}&&[^\\n\\t]]", "");
        return value.length() > maxLength ? value.substring(0, maxLength) : value;
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, @Nullable String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    private static ReportDraft draft(HttpSession session) {
        if (session.getAttribute(DRAFT) instanceof ReportDraft draft) {
            return draft;
        }
        ReportDraft draft = new ReportDraft();
        session.setAttribute(DRAFT, draft);
        return draft;
    }

    private static ResponseEntity<Void> redirect(String path) {
        return ResponseEntity.status(303).header(HttpHeaders.LOCATION, path).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
