package org.raporto.casework.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.raporto.casework.Analyst;
import org.raporto.casework.Assessments;
import org.raporto.casework.CaseConflict;
import org.raporto.casework.CaseFile;
import org.raporto.casework.CaseFiles;
import org.raporto.casework.CaseNotFound;
import org.raporto.casework.Cases;
import org.raporto.casework.Classification;
import org.raporto.casework.Deadlines;
import org.raporto.casework.CloseReason;
import org.raporto.identity.Role;
import org.raporto.identity.StaffUser;
import org.raporto.intake.Categories;
import org.raporto.intake.ReportId;
import org.raporto.intake.Reports;
import org.raporto.shared.web.FieldError;
import org.raporto.shared.web.StaffPage;
import org.raporto.shared.web.StaffPages;
import org.raporto.shared.web.Typed;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The report page and its actions. Each action is a plain form (the page works without JavaScript; shortcuts are an
 * enhancement); success goes back to the page, a refusal shows the page again with the reason and what was typed.
 * A case the analyst may not see answers 404 whether it exists or not.
 */
@Controller
class CaseController {

    /** How many reports of child sexual abuse material this session has opened, for the analyst's own sake. */
    static final String CSAM_VIEWS = CaseController.class.getName() + ".csamViews";

    private final StaffPages pages;
    private final Cases cases;
    private final CaseFiles files;
    private final Assessments assessments;
    private final Categories categories;
    private final Deadlines deadlines;
    private final int breakEvery;

    CaseController(StaffPages pages, Cases cases, CaseFiles files, Assessments assessments, Categories categories, Deadlines deadlines,
            @Value("${raporto.casework.break-reminder-every}") int breakEvery) {
        this.pages = pages;
        this.cases = cases;
        this.files = files;
        this.assessments = assessments;
        this.categories = categories;
        this.deadlines = deadlines;
        this.breakEvery = Math.max(1, breakEvery);
    }

    @GetMapping(CasePaths.CASE)
    String show(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser user, @PathVariable String id) {
        return render(request, csrf, model, user, found(id), List.of(), Map.of(), true);
    }

    @PostMapping(CasePaths.CASE + "/claim")
    Object claim(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser user, @PathVariable String id) {
        return act(request, csrf, model, user, id, Map.of(), "", report -> cases.claim(report, Analyst.of(user)));
    }

    @PostMapping(CasePaths.CASE + "/release")
    Object release(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser user, @PathVariable String id) {
        return act(request, csrf, model, user, id, Map.of(), "", report -> cases.release(report, Analyst.of(user)));
    }

    @PostMapping(CasePaths.CASE + "/assign")
    Object assign(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser user, @PathVariable String id,
            @RequestParam(defaultValue = "") String account) {
        Optional<UUID> to = CasePaths.uuid(account);
        if (to.isEmpty()) {
            return refuse(request, csrf, model, user, id, "account", "casework.error.assignee", Map.of());
        }
        return act(request, csrf, model, user, id, Map.of(), "account", report -> cases.assign(report, to.get(), Analyst.of(user)));
    }

    @PostMapping(CasePaths.CASE + "/classify")
    Object classify(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser user, @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form) {
        Map<String, String> typed = typed(form, "outcome", "harmCategory", "ageGroup", "gender", "siteType", "commercial", "paymentMethod",
                "virtual", "childModelling", "userGenerated");
        List<Integer> positions = new ArrayList<>();
        for (String item : form.getOrDefault("item", List.of())) {
            if (item.matches("[0-9]{1,3}")) {
                positions.add(Integer.parseInt(item));
            }
        }
        if (positions.isEmpty()) {
            return refuse(request, csrf, model, user, id, "item-select-0", "casework.error.noItems", typed);
        }
        Classification.Outcome outcome = parse(Classification.Outcome.class, typed.get("outcome"));
        if (outcome == null) {
            return refuse(request, csrf, model, user, id, "outcome-BASELINE_CSAM", "casework.error.outcome", typed);
        }
        Classification classification;
        try {
            boolean csam = outcome.isCsam();
            String commercial = typed.get("commercial");
            classification = new Classification(outcome, blankToNull(typed.get("harmCategory")),
                    csam ? parse(Classification.AgeGroup.class, typed.get("ageGroup")) : null,
                    csam ? parse(Classification.Gender.class, typed.get("gender")) : null,
                    csam ? parse(Classification.SiteType.class, typed.get("siteType")) : null,
                    csam && !commercial.isEmpty() ? Boolean.valueOf("true".equals(commercial)) : null,
                    csam && "true".equals(commercial) ? typed.get("paymentMethod") : null,
                    csam && "true".equals(typed.get("virtual")), csam && "true".equals(typed.get("childModelling")),
                    csam && "true".equals(typed.get("userGenerated")));
        }
        catch (IllegalArgumentException incomplete) {
            return refuse(request, csrf, model, user, id, "ageGroup-INFANT", "casework.error.iccam", typed);
        }
        return act(request, csrf, model, user, id, typed, "harmCategory",
                report -> assessments.classify(report, positions, classification, Analyst.of(user)));
    }

    @PostMapping(CasePaths.CASE + "/items/{position}/confirm")
    Object confirm(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser user, @PathVariable String id,
            @PathVariable String position) {
        return onItem(request, csrf, model, user, id, position, (report, item) -> assessments.confirm(report, item, Analyst.of(user)));
    }

    @PostMapping(CasePaths.CASE + "/items/{position}/apply-earlier")
    Object applyEarlier(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser user, @PathVariable String id,
            @PathVariable String position) {
        return onItem(request, csrf, model, user, id, position, (report, item) -> assessments.applyEarlier(report, item, Analyst.of(user)));
    }

    /** Traces the item's host again now; the page shows the new outcome. */
    @PostMapping(CasePaths.CASE + "/items/{position}/trace")
    Object trace(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser user, @PathVariable String id,
            @PathVariable String position) {
        return onItem(request, csrf, model, user, id, position, (report, item) -> files.traceAgain(report, item, Analyst.of(user)));
    }

    @PostMapping(CasePaths.CASE + "/assessed")
    Object assessed(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser user, @PathVariable String id) {
        return act(request, csrf, model, user, id, Map.of(), "", report -> assessments.assessWithoutItems(report, Analyst.of(user)));
    }

    @PostMapping(CasePaths.CASE + "/close")
    Object close(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser user, @PathVariable String id,
            @RequestParam(defaultValue = "") String reason) {
        CloseReason chosen = parse(CloseReason.class, reason);
        if (chosen == null) {
            return refuse(request, csrf, model, user, id, "reason", "casework.error.reason", Map.of());
        }
        return act(request, csrf, model, user, id, Map.of(), "reason", report -> cases.close(report, chosen, Analyst.of(user)));
    }

    @PostMapping(CasePaths.CASE + "/merge")
    Object merge(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser user, @PathVariable String id,
            @RequestParam(defaultValue = "") String into) {
        String reference = Typed.clip(into, 40);
        return act(request, csrf, model, user, id, Map.of("into", reference), "into", report -> cases.merge(report, reference, Analyst.of(user)));
    }

    @PostMapping(CasePaths.CASE + "/notes")
    Object note(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser user, @PathVariable String id,
            @RequestParam(defaultValue = "") String text) {
        return write(request, csrf, model, user, id, "note", text, (report, typed) -> cases.note(report, typed, Analyst.of(user)));
    }

    @PostMapping(CasePaths.CASE + "/reply")
    Object reply(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser user, @PathVariable String id,
            @RequestParam(defaultValue = "") String text) {
        return write(request, csrf, model, user, id, "reply", text, (report, typed) -> cases.reply(report, typed, Analyst.of(user)));
    }

    /** A text for the case (a note, a reply): a clear error, with the text kept, when it is empty or too long. */
    private Object write(HttpServletRequest request, CsrfToken csrf, Model model, StaffUser user, String id, String field, String text,
            BiConsumer<ReportId, String> action) {
        String typed = Typed.clip(text, Cases.MAX_TEXT + 1000);
        if (typed.isBlank() || typed.strip().length() > Cases.MAX_TEXT) {
            return refuse(request, csrf, model, user, id, field, "casework.error.text", Map.of(field, typed));
        }
        return act(request, csrf, model, user, id, Map.of(field, typed), field, report -> action.accept(report, typed));
    }

    /** A screenshot's pixels, never cached, each request audited. */
    @GetMapping(CasePaths.CASE + "/screenshots/{attachment}")
    ResponseEntity<byte[]> screenshot(@AuthenticationPrincipal StaffUser user, @PathVariable String id, @PathVariable String attachment) {
        ReportId report = found(id);
        UUID image = CasePaths.uuid(attachment).orElseThrow(CaseController::notFound);
        try {
            Reports.Image pixels = files.screenshot(report, image, Analyst.of(user));
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(pixels.mediaType())).cacheControl(CacheControl.noStore())
                    .header("Content-Disposition", "inline").body(pixels.bytes());
        }
        catch (CaseNotFound unknown) {
            throw notFound();
        }
    }

    /** Whether this analyst sees screenshots plainly by default; they can still reveal one at a time when veiled. */
    @PostMapping(CasePaths.PREFERENCES)
    Object preferences(@AuthenticationPrincipal StaffUser user, @RequestParam(defaultValue = "false") String reveal,
            @RequestParam(defaultValue = "") String back) {
        files.revealImages(user.id(), "true".equals(reveal));
        return CasePaths.redirect(CasePaths.id(back).map(CasePaths::of).orElse(CasePaths.QUEUE));
    }

    private Object onItem(HttpServletRequest request, CsrfToken csrf, Model model, StaffUser user, String id, String position,
            ItemAction action) {
        if (!position.matches("[0-9]{1,3}")) {
            throw notFound();
        }
        return act(request, csrf, model, user, id, Map.of(), "item-" + position, report -> action.on(report, Integer.parseInt(position)));
    }

    /** Does the action and goes back to the page, or shows the page again with why it was refused. */
    private Object act(HttpServletRequest request, CsrfToken csrf, Model model, StaffUser user, String id, Map<String, String> typed,
            String field, Consumer<ReportId> action) {
        ReportId report = found(id);
        try {
            action.accept(report);
            return CasePaths.redirect(CasePaths.of(report));
        }
        catch (CaseNotFound unknown) {
            throw notFound();
        }
        catch (CaseConflict conflict) {
            return refuse(request, csrf, model, user, id, field.isEmpty() ? "case-actions" : field, "casework.conflict." + conflict.reason().name(), typed);
        }
        catch (IllegalArgumentException refused) {
            return refuse(request, csrf, model, user, id, field.isEmpty() ? "case-actions" : field, "casework.error.refused", typed);
        }
    }

    private Object refuse(HttpServletRequest request, CsrfToken csrf, Model model, StaffUser user, String id, String field, String key,
            Map<String, String> typed) {
        StaffPage page = pages.page(request, "casework.case.title", true);
        return render(request, csrf, model, user, found(id), List.of(new FieldError(field, page.t(key))), typed, false);
    }

    private String render(HttpServletRequest request, CsrfToken csrf, Model model, StaffUser user, ReportId id, List<FieldError> errors,
            Map<String, String> typed, boolean countView) {
        Analyst analyst = Analyst.of(user);
        CaseFile file;
        try {
            file = files.open(id, analyst);
        }
        catch (CaseNotFound unknown) {
            throw notFound();
        }
        StaffPage page = pages.page(request, "casework.case.title", !errors.isEmpty());
        model.addAttribute("page", page);
        model.addAttribute("csrf", csrf);
        model.addAttribute("file", file);
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        model.addAttribute("me", user.id());
        model.addAttribute("categoryNames", QueueController.names(categories, page));
        model.addAttribute("assignable", user.has(Role.SUPERVISOR) ? cases.assignable(file.summary()) : List.of());
        model.addAttribute("reveal", files.revealsImages(user.id()));
        model.addAttribute("csamViews", csamViews(request.getSession(), file, countView));
        model.addAttribute("breakEvery", breakEvery);
        model.addAttribute("deadline", deadlines.pending(file.summary()).orElse(null));
        return "casework/case";
    }

    /** Counts the opening of a restricted report once per page view (not when a refused form shows it again). */
    private static int csamViews(HttpSession session, CaseFile file, boolean countView) {
        int views = session.getAttribute(CSAM_VIEWS) instanceof Integer counted ? counted : 0;
        if (countView && file.summary().restricted()) {
            views++;
            session.setAttribute(CSAM_VIEWS, views);
        }
        return views;
    }

    private static ReportId found(String id) {
        return CasePaths.id(id).orElseThrow(CaseController::notFound);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private static Map<String, String> typed(MultiValueMap<String, String> form, String... fields) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : fields) {
            String value = form.getFirst(field);
            typed.put(field, Typed.clip(value == null ? "" : value, field.equals("paymentMethod") ? Classification.MAX_PAYMENT_METHOD : 60));
        }
        return typed;
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String name) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        return null;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** An action on one item of a report. */
    private interface ItemAction {
        void on(ReportId report, int position);
    }
}
