package org.raporto.identity.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.raporto.identity.PartnerAgencies;
import org.raporto.identity.Role;
import org.raporto.identity.StaffAccounts;
import org.raporto.identity.StaffUser;
import org.raporto.shared.EmailAddresses;
import org.raporto.shared.Language;
import org.raporto.shared.web.FieldError;
import org.raporto.shared.web.SiteProperties;
import org.raporto.shared.web.StaffPage;
import org.raporto.shared.web.StaffPages;
import org.raporto.shared.web.Typed;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Administrators' list of accounts: invite someone (the invitation link is shown once, to be passed on), disable or
 * enable an account. Accounts are never deleted: those that acted stay in the audit log under their name.
 */
@Controller
class AccountsController {

    static final String ACCOUNTS = "/staff/admin/accounts";
    private static final String LINK_TO_SHOW = AccountsController.class.getName() + ".link";

    private final StaffPages pages;
    private final StaffAccounts accounts;
    private final SiteProperties site;
    private final PartnerAgencies agencies;

    AccountsController(StaffPages pages, StaffAccounts accounts, SiteProperties site, PartnerAgencies agencies) {
        this.pages = pages;
        this.accounts = accounts;
        this.site = site;
        this.agencies = agencies;
    }

    @GetMapping(ACCOUNTS)
    String list(HttpServletRequest request, CsrfToken csrf, Model model) {
        return page(request, csrf, model, new InvitationForm("", "", "", Set.of(), "", false), List.of());
    }

    @PostMapping(ACCOUNTS)
    Object invite(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser admin,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String language,
            @RequestParam(name = "role", required = false) @Nullable List<String> roles, @RequestParam(defaultValue = "") String agency,
            @RequestParam(defaultValue = "false") boolean csamClearance) {
        Set<Role> chosen = chosen(roles);
        InvitationForm typed = new InvitationForm(Typed.clip(name, 200), Typed.clip(email, 254), Typed.clip(language, 5), chosen, Typed.clip(agency, 200), csamClearance);
        List<FieldError> problems = new ArrayList<>();
        StaffPage page = pages.page(request, "accounts.title", true);
        if (typed.name().isBlank()) {
            problems.add(new FieldError("name", page.t("activation.error.name")));
        }
        if (!EmailAddresses.isValid(typed.email())) {
            problems.add(new FieldError("email", page.t("activation.error.email")));
        }
        if (Language.fromCode(typed.language()).isEmpty()) {
            problems.add(new FieldError("language", page.t("activation.error.language")));
        }
        problems.addAll(roleProblems(page, chosen, typed.agency()));
        if (!problems.isEmpty()) {
            return page(request, csrf, model, typed, problems);
        }
        try {
            String token = accounts.invite(new StaffAccounts.NewAccount(typed.name(), typed.email(),
                    Language.fromCode(typed.language()).orElseThrow(), chosen, chosen.contains(Role.PARTNER) ? typed.agency() : null,
                    typed.csamClearance()), accounts.actor(admin.id()));
            request.getSession().setAttribute(LINK_TO_SHOW, Map.of("name", typed.name(),
                    "link", site.linkTo(ActivationController.INVITATION + "?token=" + token), "kind", "invited"));
            return SignInController.redirect(ACCOUNTS);
        }
        catch (IllegalArgumentException taken) {
            return page(request, csrf, model, typed, List.of(new FieldError("email", page.t("activation.error.emailTaken"))));
        }
    }

    @PostMapping(ACCOUNTS + "/{id}/enabled")
    Object setEnabled(@PathVariable UUID id, @RequestParam boolean enabled, @AuthenticationPrincipal StaffUser admin) {
        // An administrator cannot lock themselves out by mistake; another administrator can.
        if (!id.equals(admin.id()) && accounts.find(id).isPresent()) {
            accounts.setEnabled(id, enabled, accounts.actor(admin.id()));
        }
        return SignInController.redirect(ACCOUNTS);
    }

    /** A link with which the owner chooses a new password, shown once to pass on. */
    @PostMapping(ACCOUNTS + "/{id}/reset")
    Object resetPassword(HttpServletRequest request, @PathVariable UUID id, @AuthenticationPrincipal StaffUser admin) {
        accounts.find(id).ifPresent(account -> request.getSession().setAttribute(LINK_TO_SHOW, Map.of("name", account.name(),
                "link", site.linkTo(ActivationController.RESET + "?token=" + accounts.resetLink(id, accounts.actor(admin.id()))),
                "kind", "reset")));
        return SignInController.redirect(ACCOUNTS);
    }

    /** For a lost phone: the owner enrols a new authenticator app at their next sign-in. */
    @PostMapping(ACCOUNTS + "/{id}/reset-authenticator")
    Object resetAuthenticator(@PathVariable UUID id, @AuthenticationPrincipal StaffUser admin) {
        if (accounts.find(id).isPresent()) {
            accounts.resetAuthenticator(id, accounts.actor(admin.id()));
        }
        return SignInController.redirect(ACCOUNTS);
    }

    @GetMapping(ACCOUNTS + "/{id}")
    Object editForm(HttpServletRequest request, CsrfToken csrf, Model model, @PathVariable UUID id) {
        return accounts.find(id).<Object>map(account -> edit(request, csrf, model, account,
                new InvitationForm(account.name(), account.email(), account.language().code(), account.roles(),
                        account.agency() == null ? "" : account.agency(), account.csamClearance()), List.of()))
                .orElseGet(() -> SignInController.redirect(ACCOUNTS));
    }

    @PostMapping(ACCOUNTS + "/{id}")
    Object change(HttpServletRequest request, CsrfToken csrf, Model model, @PathVariable UUID id, @AuthenticationPrincipal StaffUser admin,
            @RequestParam(name = "role", required = false) @Nullable List<String> roles, @RequestParam(defaultValue = "") String agency,
            @RequestParam(defaultValue = "false") boolean csamClearance) {
        var account = accounts.find(id);
        if (account.isEmpty()) {
            return SignInController.redirect(ACCOUNTS);
        }
        Set<Role> chosen = chosen(roles);
        InvitationForm typed = new InvitationForm(account.get().name(), account.get().email(), account.get().language().code(), chosen,
                Typed.clip(agency, 200), csamClearance);
        StaffPage page = pages.page(request, "accounts.edit.title", true);
        List<FieldError> problems = new ArrayList<>(roleProblems(page, chosen, typed.agency()));
        // An administrator cannot take their own administration away: another administrator can.
        if (id.equals(admin.id()) && !chosen.contains(Role.ADMIN)) {
            problems.add(new FieldError("roles", page.t("accounts.error.ownAdmin")));
        }
        if (!problems.isEmpty()) {
            return edit(request, csrf, model, account.get(), typed, problems);
        }
        accounts.change(id, chosen, chosen.contains(Role.PARTNER) ? typed.agency() : null, csamClearance, accounts.actor(admin.id()));
        return SignInController.redirect(ACCOUNTS);
    }

    private String edit(HttpServletRequest request, CsrfToken csrf, Model model, org.raporto.identity.StaffAccount account,
            InvitationForm typed, List<FieldError> problems) {
        model.addAttribute("page", pages.page(request, "accounts.edit.title", !problems.isEmpty()));
        model.addAttribute("csrf", csrf);
        model.addAttribute("account", account);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", problems);
        model.addAttribute("roles", Role.values());
        model.addAttribute("agencies", agencies.names());
        return "identity/account";
    }

    private static Set<Role> chosen(@Nullable List<String> roles) {
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        for (String role : roles == null ? List.<String>of() : roles) {
            for (Role known : Role.values()) {
                if (known.name().equals(role)) {
                    chosen.add(known);
                }
            }
        }
        return chosen;
    }

    private List<FieldError> roleProblems(StaffPage page, Set<Role> chosen, String agency) {
        if (chosen.isEmpty()) {
            return List.of(new FieldError("roles", page.t("accounts.error.roles")));
        }
        if (chosen.contains(Role.PARTNER) && (chosen.size() > 1 || agency.isBlank())) {
            return List.of(new FieldError("roles", page.t("accounts.error.partner")));
        }
        if (chosen.contains(Role.PARTNER) && !agencies.names().containsKey(agency)) {
            return List.of(new FieldError("agency", page.t("accounts.error.agency")));
        }
        return List.of();
    }

    private String page(HttpServletRequest request, CsrfToken csrf, Model model, InvitationForm typed, List<FieldError> problems) {
        model.addAttribute("page", pages.page(request, "accounts.title", !problems.isEmpty()));
        model.addAttribute("csrf", csrf);
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", problems);
        model.addAttribute("roles", Role.values());
        model.addAttribute("agencies", agencies.names());
        model.addAttribute("languages", Language.values());
        HttpSession session = request.getSession(false);
        Object link = session == null ? null : session.getAttribute(LINK_TO_SHOW);
        if (session != null) {
            session.removeAttribute(LINK_TO_SHOW);
        }
        model.addAttribute("invitation", link);
        return "identity/accounts";
    }
}
