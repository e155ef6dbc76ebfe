package org.raporto.referral.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.raporto.casework.Analyst;
import org.raporto.casework.CaseConflict;
import org.raporto.casework.CaseFile;
import org.raporto.casework.CaseFiles;
import org.raporto.casework.CaseNotFound;
import org.raporto.casework.CaseSummary;
import org.raporto.casework.Cases;
import org.raporto.identity.StaffUser;
import org.raporto.intake.ReportId;
import org.raporto.referral.Agencies;
import org.raporto.referral.Agency;
import org.raporto.referral.Referral;
import org.raporto.referral.ReferralRefused;
import org.raporto.referral.Referrals;
import org.raporto.referral.Routing;
import org.raporto.referral.Suggestion;
import org.raporto.shared.web.FieldError;
import org.raporto.shared.web.StaffPage;
import org.raporto.shared.web.StaffPages;
import org.raporto.tracing.AbuseContacts;
import org.springframework.http.HttpStatus;
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

/**
 * A report's referrals, for the analyst: where the routing suggests it goes, the referrals made with their notices and
 * answers, and the actions on them. Plain forms, without JavaScript; a refusal shows the page again with the reason
 * and the choices kept. A case the analyst may not see answers 404.
 */
@Controller
class ReferralController {

    static final String PAGE = "/staff/cases/{id}/referrals";
    /** How the agency chosen under "another agency" is kept among the ticked ones. */
    static final String OTHER = "other:";

    private final StaffPages pages;
    private final Cases cases;
    private final CaseFiles files;
    private final Referrals referrals;
    private final Routing routing;
    private final Agencies agencies;

    ReferralController(StaffPages pages, Cases cases, CaseFiles files, Referrals referrals, Routing routing, Agencies agencies) {
        this.pages = pages;
        this.cases = cases;
        this.files = files;
        this.referrals = referrals;
        this.routing = routing;
        this.agencies = agencies;
    }

    @GetMapping(PAGE)
    String show(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser user, @PathVariable String id) {
        return render(request, csrf, model, user, report(id), List.of(), Set.of());
    }

    /** Refers to the agencies ticked, each with the items ticked for it. */
    @PostMapping(PAGE)
    Object refer(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser user, @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form) {
        ReportId report = report(id);
        Set<String> ticked = new LinkedHashSet<>();
        List<Referrals.Choice> choices = new ArrayList<>();
        List<String> named = new ArrayList<>(form.getOrDefault("agency", List.of()));
        String other = form.getFirst("other");
        if (other != null && !other.isBlank()) {
            named.add(other);
        }
        Set<String> kept = new LinkedHashSet<>();
        for (String agency : named.stream().limit(50).toList()) {
            if (!agency.matches("[a-z0-9-]{1,64}") || !ticked.add(agency)) {
                continue;
            }
            Set<Integer> positions = new LinkedHashSet<>();
            List<String> typed = form.containsKey("items-" + agency) ? form.get("items-" + agency)
                    : agency.equals(other) ? form.getOrDefault("items-other", List.of()) : List.of();
            for (String position : typed) {
                if (position.matches("[0-9]{1,3}")) {
                    positions.add(Integer.parseInt(position));
                }
            }
            boolean policeFirst = "true".equals(form.getFirst("policeFirst-" + agency))
                    || (agency.equals(other) && "true".equals(form.getFirst("policeFirst-other")));
            choices.add(new Referrals.Choice(agency, positions, "true".equals(form.getFirst("reporter-" + agency)), policeFirst));
        }
        kept.addAll(ticked);
        if (other != null && ticked.contains(other)) {
            // The agency chosen under "another agency", chosen there again when the page comes back.
            kept.add(OTHER + other);
        }
        return act(request, csrf, model, user, report, kept, "refer", () -> referrals.refer(report, choices, Analyst.of(user)));
    }

    @PostMapping(PAGE + "/{referral}/police-agreed")
    Object policeAgreed(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser user, @PathVariable String id,
            @PathVariable String referral) {
        ReportId report = report(id);
        UUID police = own(report, referral, user);
        return act(request, csrf, model, user, report, Set.of(), "referral-" + referral, () -> referrals.policeAgreed(police, Analyst.of(user).actor()));
    }

    @PostMapping(PAGE + "/{referral}/escalation")
    Object escalation(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser user, @PathVariable String id,
            @PathVariable String referral, @RequestParam(defaultValue = "") String owner, @RequestParam(defaultValue = "") String registrar) {
        ReportId report = report(id);
        UUID chosen = own(report, referral, user);
        return act(request, csrf, model, user, report, Set.of(), "owner-" + referral,
                () -> referrals.escalateTo(chosen, owner.isBlank() ? null : owner, registrar.isBlank() ? null : registrar, Analyst.of(user)));
    }

    /** Approves a hosting provider or registrar found by tracing, with its abuse address, so it can be referred to. */
    @PostMapping(PAGE + "/approve")
    Object approve(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser user, @PathVariable String id,
            @RequestParam(defaultValue = "") String agency, @RequestParam(defaultValue = "") String email) {
        ReportId report = report(id);
        cases.find(report, Analyst.of(user)).orElseThrow(ReferralController::notFound);
        String address = email.strip();
        try {
            agencies.approve(agency, address.isEmpty() ? List.of() : List.of(address), Analyst.of(user).actor());
        }
        catch (Agencies.InvalidAgency invalid) {
            StaffPage page = pages.page(request, "referral.case.title", true);
            return render(request, csrf, model, user, report, List.of(new FieldError("approve-" + agency, page.t("referral.approve.error"))), Set.of());
        }
        return redirect(report);
    }

    /** Looks the abuse address of a hosting provider waiting for approval up in the registration data (RDAP). */
    @PostMapping(PAGE + "/lookup")
    Object lookup(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser user, @PathVariable String id,
            @RequestParam(defaultValue = "") String agency) {
        ReportId report = report(id);
        cases.find(report, Analyst.of(user)).orElseThrow(ReferralController::notFound);
        Optional<AbuseContacts.Contact> contact = referrals.abuseContact(report, agency, Analyst.of(user));
        if (contact.isEmpty() || contact.get().email() == null) {
            StaffPage page = pages.page(request, "referral.case.title", true);
            return render(request, csrf, model, user, report, List.of(new FieldError("approve-" + agency, page.t("referral.lookup.none"))), Set.of());
        }
        return render(request, csrf, model, user, report, List.of(), Set.of(), Map.of(agency, contact.get().email()));
    }

    /** Finds the registrar of a takedown referral's address in the registration data and names it for the escalation. */
    @PostMapping(PAGE + "/{referral}/registrar")
    Object registrar(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser user, @PathVariable String id,
            @PathVariable String referral) {
        ReportId report = report(id);
        UUID chosen = own(report, referral, user);
        if (referrals.findRegistrar(chosen, Analyst.of(user)).isEmpty()) {
            StaffPage page = pages.page(request, "referral.case.title", true);
            return render(request, csrf, model, user, report, List.of(new FieldError("registrar-" + referral, page.t("referral.registrar.none"))),
                    Set.of());
        }
        return redirect(report);
    }

    @PostMapping("/staff/cases/{id}/resolve")
    Object resolve(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser user, @PathVariable String id) {
        ReportId report = report(id);
        return act(request, csrf, model, user, report, Set.of(), "resolve", () -> referrals.resolve(report, Analyst.of(user)));
    }

    private Object act(HttpServletRequest request, CsrfToken csrf, Model model, StaffUser user, ReportId report, Set<String> ticked, String field,
            Runnable action) {
        try {
            action.run();
            return redirect(report);
        }
        catch (CaseNotFound unknown) {
            throw notFound();
        }
        catch (ReferralRefused refused) {
            StaffPage page = pages.page(request, "referral.case.title", true);
            String message = page.t("referral.refused." + refused.reason().name(), refused.agency() == null ? "" : refused.agency());
            return render(request, csrf, model, user, report, List.of(new FieldError(field, message)), ticked);
        }
        catch (CaseConflict conflict) {
            StaffPage page = pages.page(request, "referral.case.title", true);
            return render(request, csrf, model, user, report, List.of(new FieldError(field, page.t("casework.conflict." + conflict.reason().name()))),
                    ticked);
        }
    }

    private String render(HttpServletRequest request, CsrfToken csrf, Model model, StaffUser user, ReportId report, List<FieldError> errors,
            Set<String> ticked) {
        return render(request, csrf, model, user, report, errors, ticked, Map.of());
    }

    /**
     * @param found abuse addresses found in the registry for agencies waiting for approval, by agency, to fill in
     */
    private String render(HttpServletRequest request, CsrfToken csrf, Model model, StaffUser user, ReportId report, List<FieldError> errors,
            Set<String> ticked, Map<String, String> found) {
        Analyst analyst = Analyst.of(user);
        CaseSummary summary = cases.find(report, analyst).orElseThrow(ReferralController::notFound);
        List<CaseFile.Item> items;
        try {
            items = files.items(report, analyst);
        }
        catch (CaseNotFound unknown) {
            throw notFound();
        }
        List<Suggestion> suggestions = routing.suggest(summary, items);
        List<Referral> made = referrals.of(report, analyst);
        StaffPage page = pages.page(request, "referral.case.title", !errors.isEmpty());
        model.addAttribute("page", page);
        model.addAttribute("csrf", csrf);
        model.addAttribute("summary", summary);
        model.addAttribute("items", items);
        model.addAttribute("suggestions", suggestions);
        model.addAttribute("referrals", made);
        model.addAttribute("watches", referrals.watches(report));
        model.addAttribute("checksOffline", referrals.checksOffline());
        model.addAttribute("agencies", agencies.all().stream().filter(agency -> agency.blocked().isEmpty()).toList());
        model.addAttribute("errors", errors);
        model.addAttribute("ticked", ticked.isEmpty() && errors.isEmpty() ? defaults(suggestions, made) : ticked);
        model.addAttribute("waiting", waiting(suggestions, made));
        model.addAttribute("found", found);
        return "referral/case-referrals";
    }

    /** Hosting providers and registrars found for this report that an analyst has not approved yet. */
    private List<Agency> waiting(List<Suggestion> suggestions, List<Referral> made) {
        Map<String, Agency> waiting = new LinkedHashMap<>();
        suggestions.stream().map(Suggestion::agency).filter(agency -> agency != null && agency.approvedAt() == null)
                .forEach(agency -> waiting.put(agency.id(), agency));
        made.stream().map(Referral::registrarAgency).filter(registrar -> registrar != null).map(agencies::find).flatMap(Optional::stream)
                .filter(agency -> agency.approvedAt() == null).forEach(agency -> waiting.put(agency.id(), agency));
        return List.copyOf(waiting.values());
    }

    /** Ticked at first: every suggestion that can be sent, needs no consent, and was not sent already. */
    private static Set<String> defaults(List<Suggestion> suggestions, List<Referral> made) {
        Set<String> ticked = new LinkedHashSet<>();
        for (Suggestion suggestion : suggestions) {
            Agency agency = suggestion.agency();
            if (agency != null && suggestion.blocked().isEmpty() && !suggestion.needsConsent()
                    && made.stream().noneMatch(referral -> referral.agency().id().equals(agency.id()))) {
                ticked.add(agency.id());
            }
        }
        return ticked;
    }

    /** The referral named in the address, if it is this report's. */
    private UUID own(ReportId report, String referral, StaffUser user) {
        cases.find(report, Analyst.of(user)).orElseThrow(ReferralController::notFound);
        return uuid(referral).flatMap(referrals::find).filter(made -> made.report().equals(report)).map(Referral::id)
                .orElseThrow(ReferralController::notFound);
    }

    static ReportId report(String id) {
        return uuid(id).map(ReportId::new).orElseThrow(ReferralController::notFound);
    }

    static Optional<UUID> uuid(String text) {
        if (text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        }
        catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static ResponseEntity<Void> redirect(ReportId report) {
        return ResponseEntity.status(303).header("Location", "/staff/cases/" + report.value() + "/referrals").build();
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
