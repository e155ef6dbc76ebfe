package org.raporto.referral.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.raporto.audit.Actor;
import org.raporto.identity.StaffAccount;
import org.raporto.identity.StaffAccounts;
import org.raporto.identity.StaffUser;
import org.raporto.referral.Agencies;
import org.raporto.referral.Agency;
import org.raporto.referral.Referral;
import org.raporto.referral.ReferralRefused;
import org.raporto.referral.ReferralStatus;
import org.raporto.referral.Referrals;
import org.raporto.shared.web.FieldError;
import org.raporto.shared.web.StaffPage;
import org.raporto.shared.web.StaffPages;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The partner portal: a partner agency's people see the referrals addressed to their agency, and only those; they
 * acknowledge them and say what came of them. Every answer goes into the case's timeline through the audit log.
 */
@Controller
class PartnerController {

    static final String HOME = "/partner/";
    static final String REFERRAL = "/partner/referrals/{id}";

    private final StaffPages pages;
    private final StaffAccounts accounts;
    private final Agencies agencies;
    private final Referrals referrals;

    PartnerController(StaffPages pages, StaffAccounts accounts, Agencies agencies, Referrals referrals) {
        this.pages = pages;
        this.accounts = accounts;
        this.agencies = agencies;
        this.referrals = referrals;
    }

    @GetMapping({"/partner", HOME})
    String home(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser user) {
        Optional<Agency> agency = agency(user);
        model.addAttribute("page", pages.page(request, "partner.title", false));
        model.addAttribute("csrf", csrf);
        model.addAttribute("agency", agency.orElse(null));
        model.addAttribute("referrals", agency.map(found -> referrals.to(found.id())).orElse(List.of()));
        return "referral/partner-home";
    }

    @GetMapping(REFERRAL)
    String show(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser user, @PathVariable String id) {
        return render(request, csrf, model, user, id, null, "");
    }

    @PostMapping(REFERRAL + "/acknowledge")
    Object acknowledge(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser user, @PathVariable String id) {
        Referral referral = referral(user, id);
        try {
            referrals.acknowledge(referral.id(), referral.agency().id(), actor(user));
        }
        catch (ReferralRefused refused) {
            return render(request, csrf, model, user, id, new FieldError("acknowledge", message(request, refused)), "");
        }
        return ResponseEntity.status(303).header("Location", HOME + "referrals/" + referral.id()).build();
    }

    @PostMapping(REFERRAL + "/outcome")
    Object outcome(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser user, @PathVariable String id,
            @RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String reason) {
        Referral referral = referral(user, id);
        String typed = reason.length() > Referrals.MAX_REASON + 100 ? reason.substring(0, Referrals.MAX_REASON + 100) : reason;
        Referral.Outcome chosen = java.util.Arrays.stream(Referral.Outcome.values()).filter(value -> value.name().equals(outcome)).findFirst().orElse(null);
        if (chosen == null) {
            StaffPage page = pages.page(request, "partner.referral.title", true);
            return render(request, csrf, model, user, id, new FieldError("outcome-REMOVED", page.t("partner.error.outcome")), typed);
        }
        try {
            referrals.answer(referral.id(), referral.agency().id(), chosen, typed, actor(user));
        }
        catch (ReferralRefused refused) {
            return render(request, csrf, model, user, id, new FieldError(refused.reason() == ReferralRefused.Reason.REASON_NEEDED ? "reason" : "outcome-REMOVED",
                    message(request, refused)), typed);
        }
        return ResponseEntity.status(303).header("Location", HOME + "referrals/" + referral.id()).build();
    }

    /** The police agree that the notices held for them may go to the host or platform. */
    @PostMapping(REFERRAL + "/agree")
    Object agree(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser user, @PathVariable String id) {
        Referral referral = referral(user, id);
        try {
            referrals.policeAgreed(referral.id(), actor(user));
        }
        catch (ReferralRefused refused) {
            return render(request, csrf, model, user, id, new FieldError("agree", message(request, refused)), "");
        }
        return ResponseEntity.status(303).header("Location", HOME + "referrals/" + referral.id()).build();
    }

    private String render(HttpServletRequest request, CsrfToken csrf, Model model, StaffUser user, String id, @Nullable FieldError error,
            String reason) {
        Agency agency = agency(user).orElseThrow(ReferralController::notFound);
        Referral referral = ReferralController.uuid(id).flatMap(found -> referrals.open(found, agency.id(), actor(user)))
                .orElseThrow(ReferralController::notFound);
        model.addAttribute("page", pages.page(request, "partner.referral.title", error != null));
        model.addAttribute("csrf", csrf);
        model.addAttribute("referral", referral);
        model.addAttribute("watches", referrals.watches(referral.report()));
        model.addAttribute("errors", error == null ? List.of() : List.of(error));
        model.addAttribute("reason", reason);
        return "referral/partner-referral";
    }

    /** The referral in the address, if it is to the partner's agency; otherwise, whether it exists or not, 404. */
    private Referral referral(StaffUser user, String id) {
        Agency agency = agency(user).orElseThrow(ReferralController::notFound);
        return ReferralController.uuid(id).flatMap(referrals::find)
                .filter(found -> found.agency().id().equals(agency.id()) && found.status() != ReferralStatus.QUEUED)
                .orElseThrow(ReferralController::notFound);
    }

    private Optional<Agency> agency(StaffUser user) {
        return accounts.find(user.id()).map(StaffAccount::agency).flatMap(agencies::find);
    }

    private String message(HttpServletRequest request, ReferralRefused refused) {
        StaffPage page = pages.page(request, "partner.referral.title", true);
        return page.t("referral.refused." + refused.reason().name(), refused.agency() == null ? "" : refused.agency());
    }

    private static Actor actor(StaffUser user) {
        return new Actor(user.id(), user.name());
    }
}
