package org.raporto.referral.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.raporto.audit.Actor;
import org.raporto.casework.Classification;
import org.raporto.identity.StaffUser;
import org.raporto.intake.Categories;
import org.raporto.referral.Agencies;
import org.raporto.referral.Agency;
import org.raporto.referral.AgencyKind;
import org.raporto.referral.Routing;
import org.raporto.referral.RoutingRule;
import org.raporto.shared.web.FieldError;
import org.raporto.shared.web.StaffPage;
import org.raporto.shared.web.StaffPages;
import org.raporto.shared.web.Typed;
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

import jakarta.servlet.http.HttpServletRequest;

/**
 * Administrators keep the directory of agencies (addresses, channels, whether each is ready to receive) and the
 * routing rules. Every change is audited; a refused form comes back with what was typed.
 */
@Controller
class AgencyAdminController {

    static final String AGENCIES = "/staff/admin/agencies";
    static final String ROUTING = "/staff/admin/routing";
    private static final String NEW = "new";

    private final StaffPages pages;
    private final Agencies agencies;
    private final Routing routing;
    private final Categories categories;

    AgencyAdminController(StaffPages pages, Agencies agencies, Routing routing, Categories categories) {
        this.pages = pages;
        this.agencies = agencies;
        this.routing = routing;
        this.categories = categories;
    }

    @GetMapping(AGENCIES)
    String list(HttpServletRequest request, CsrfToken csrf, Model model, @RequestParam(defaultValue = "") String saved) {
        model.addAttribute("page", pages.page(request, "referral.admin.agencies.title", false));
        model.addAttribute("csrf", csrf);
        model.addAttribute("agencies", agencies.all());
        model.addAttribute("saved", !saved.isEmpty());
        return "referral/admin-agencies";
    }

    @GetMapping(AGENCIES + "/{id}")
    String edit(HttpServletRequest request, CsrfToken csrf, Model model, @PathVariable String id) {
        if (id.equals(NEW)) {
            return form(request, csrf, model, true, AgencyForm.empty(), List.of());
        }
        Agency agency = agencies.find(id).orElseThrow(ReferralController::notFound);
        return form(request, csrf, model, false, AgencyForm.of(agency), List.of());
    }

    @PostMapping(AGENCIES + "/{id}")
    Object save(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser admin, @PathVariable String id,
            @RequestParam Map<String, String> form) {
        boolean isNew = id.equals(NEW);
        if (!isNew && agencies.find(id).isEmpty()) {
            throw ReferralController.notFound();
        }
        AgencyForm typed = AgencyForm.typed(form, isNew ? Typed.clip(form.get("id"), 64) : id);
        StaffPage page = pages.page(request, "referral.admin.agency.title", true);
        AgencyKind kind = Arrays.stream(AgencyKind.values()).filter(value -> value.name().equals(typed.kind())).findFirst().orElse(null);
        if (kind == null) {
            return form(request, csrf, model, isNew, typed, List.of(new FieldError("kind", page.t("referral.admin.error.kind"))));
        }
        String asn = typed.asn().strip().replaceFirst("(?i)^AS", "");
        if (!asn.isEmpty() && !asn.matches("[0-9]{1,10}")) {
            return form(request, csrf, model, isNew, typed, List.of(new FieldError("asn", page.t("referral.admin.error.asn"))));
        }
        Agency existing = isNew ? null : agencies.find(id).orElseThrow();
        Agency agency = new Agency(typed.id(), kind, typed.name().strip(), typed.country().strip().toUpperCase(Locale.ROOT), list(typed.languages()),
                list(typed.emails()), typed.portal(), typed.notes().strip(), typed.ready(), existing == null ? null : existing.approvedAt(),
                existing == null ? null : existing.approvedBy(), asn.isEmpty() ? null : Long.valueOf(asn), list(typed.domains()));
        try {
            agencies.save(agency, isNew, new Actor(admin.id(), admin.name()));
        }
        catch (Agencies.InvalidAgency invalid) {
            List<FieldError> errors = invalid.fields().stream()
                    .map(field -> new FieldError(anchor(field, isNew), page.t("referral.admin.error." + field))).toList();
            return form(request, csrf, model, isNew, typed, errors);
        }
        return ResponseEntity.status(303).header("Location", AGENCIES + "?saved=1").build();
    }

    @GetMapping(ROUTING)
    String rules(HttpServletRequest request, CsrfToken csrf, Model model, @RequestParam(defaultValue = "") String saved) {
        return rules(request, csrf, model, routing.rules(), List.of(), !saved.isEmpty());
    }

    /**
     * Replaces the rules: every row kept, in the order of its number, and the new row when it names a recipient.
     */
    @PostMapping(ROUTING)
    Object saveRules(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser admin,
            @RequestParam MultiValueMap<String, String> form) {
        StaffPage page = pages.page(request, "referral.admin.routing.title", true);
        List<RoutingRule> rules = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        List<String> rows = form.getOrDefault("row", List.of());
        for (String row : rows.stream().limit(Routing.MAX_RULES + 1L).toList()) {
            if (!row.matches("[0-9a-z-]{1,40}") || "true".equals(form.getFirst("remove-" + row))
                    || (row.equals(NEW) && Typed.clip(form.getFirst("recipient-" + row), 40).isEmpty())) {
                continue;
            }
            RoutingRule rule = rule(form, row);
            if (rule == null) {
                errors.add(new FieldError("recipient-" + row, page.t("referral.admin.routing.error")));
            }
            else {
                rules.add(rule);
            }
        }
        if (rules.size() > Routing.MAX_RULES) {
            errors.add(new FieldError("recipient-new", page.t("referral.admin.routing.tooMany", Routing.MAX_RULES)));
        }
        if (!errors.isEmpty()) {
            return rules(request, csrf, model, routing.rules(), errors, false);
        }
        rules.sort((a, b) -> Integer.compare(a.position(), b.position()));
        routing.replaceRules(rules, new Actor(admin.id(), admin.name()));
        return ResponseEntity.status(303).header("Location", ROUTING + "?saved=1").build();
    }

    private @Nullable RoutingRule rule(MultiValueMap<String, String> form, String row) {
        String category = Typed.clip(form.getFirst("category-" + row), 60);
        String outcome = Typed.clip(form.getFirst("outcome-" + row), 40);
        String position = Typed.clip(form.getFirst("position-" + row), 6);
        Optional<RoutingRule.Hosted> hosted = parse(RoutingRule.Hosted.class, Typed.clip(form.getFirst("hosted-" + row), 20));
        Optional<AgencyKind> recipient = parse(AgencyKind.class, Typed.clip(form.getFirst("recipient-" + row), 40));
        Optional<Classification.Outcome> parsedOutcome = parse(Classification.Outcome.class, outcome);
        boolean knownCategory = category.isEmpty() || categories.all().stream().anyMatch(listed -> listed.category().code().equals(category));
        if (hosted.isEmpty() || recipient.isEmpty() || !knownCategory || !position.matches("[0-9]{1,5}")
                || (!outcome.isEmpty() && (parsedOutcome.isEmpty() || !Routing.REFERABLE.contains(parsedOutcome.get())))) {
            return null;
        }
        return new RoutingRule(UUID.randomUUID(), Integer.parseInt(position), category.isEmpty() ? null : category, parsedOutcome.orElse(null),
                hosted.get(), "true".equals(form.getFirst("onPlatform-" + row)), recipient.get(), "true".equals(form.getFirst("consent-" + row)),
                "true".equals(form.getFirst("policeFirst-" + row)));
    }

    private String rules(HttpServletRequest request, CsrfToken csrf, Model model, List<RoutingRule> rules, List<FieldError> errors, boolean saved) {
        StaffPage page = pages.page(request, "referral.admin.routing.title", !errors.isEmpty());
        Map<String, String> categoryNames = new LinkedHashMap<>();
        categories.all().forEach(listed -> categoryNames.put(listed.category().code(), listed.category().texts().get(page.language()).name()));
        model.addAttribute("page", page);
        model.addAttribute("csrf", csrf);
        model.addAttribute("rules", rules);
        model.addAttribute("categoryNames", categoryNames);
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved);
        return "referral/admin-routing";
    }

    private String form(HttpServletRequest request, CsrfToken csrf, Model model, boolean isNew, AgencyForm typed, List<FieldError> errors) {
        model.addAttribute("page", pages.page(request, "referral.admin.agency.title", !errors.isEmpty()));
        model.addAttribute("csrf", csrf);
        model.addAttribute("isNew", isNew);
        model.addAttribute("agency", typed);
        model.addAttribute("errors", errors);
        return "referral/admin-agency";
    }

    /** The field an error points at: the identifier is a field only on a new agency's form. */
    private static String anchor(String error, boolean isNew) {
        String field = error.replaceAll("\\..*", "");
        return field.equals("id") && !isNew ? "name" : field;
    }

    /** Values typed as a list: separated by commas, spaces or lines; empty ones dropped. */
    private static List<String> list(String typed) {
        return Arrays.stream(typed.split("[,\\s]+")).map(String::strip).filter(value -> !value.isEmpty()).map(value -> value.toLowerCase(Locale.ROOT))
                .distinct().toList();
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(value -> value.name().equals(name)).findFirst();
    }
}
