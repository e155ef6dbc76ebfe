package org.raporto.identity.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.raporto.audit.AuditAction;
import org.raporto.audit.AuditLog;
import org.raporto.identity.StaffAccounts;
import org.raporto.identity.StaffUser;
import org.raporto.shared.web.FieldError;
import org.raporto.shared.web.SiteProperties;
import org.raporto.shared.web.SiteSettings;
import org.raporto.shared.web.StaffPage;
import org.raporto.shared.web.StaffPages;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The numbers every public page shows first, and where the quick exit leads: changed by administrators while Raporto
 * runs, checked as the configuration is, audited.
 */
@Controller
class SettingsController {

    static final String SETTINGS = "/staff/admin/settings";

    private final StaffPages pages;
    private final SiteSettings settings;
    private final AuditLog audit;
    private final StaffAccounts accounts;
    private final TransactionTemplate transactions;

    SettingsController(StaffPages pages, SiteSettings settings, AuditLog audit, StaffAccounts accounts, TransactionTemplate transactions) {
        this.pages = pages;
        this.settings = settings;
        this.audit = audit;
        this.accounts = accounts;
        this.transactions = transactions;
    }

    @GetMapping(SETTINGS)
    String form(HttpServletRequest request, CsrfToken csrf, Model model) {
        SiteProperties.HelpLines help = settings.help();
        return page(request, csrf, model, new SettingsForm(help.emergency(), help.police(), help.childHelpline(), help.childHelplineName(),
                settings.quickExitUrl().toString()), List.of(), false);
    }

    @PostMapping(SETTINGS)
    String save(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser admin,
            @RequestParam(defaultValue = "") String emergency, @RequestParam(defaultValue = "") String police,
            @RequestParam(defaultValue = "") String childHelpline, @RequestParam(defaultValue = "") String childHelplineName,
            @RequestParam(defaultValue = "") String quickExitUrl) {
        SettingsForm typed = new SettingsForm(clip(emergency), clip(police), clip(childHelpline), clip(childHelplineName), clip(quickExitUrl));
        StaffPage page = pages.page(request, "settings.title", true);
        try {
            SiteProperties.HelpLines help = new SiteProperties.HelpLines(typed.emergency().strip(), typed.police().strip(),
                    typed.childHelpline().strip(), typed.childHelplineName());
            URI exit = URI.create(typed.quickExitUrl().strip());
            transactions.executeWithoutResult(status -> {
                settings.change(help, exit);
                audit.record(accounts.actor(admin.id()), AuditAction.SETTING_CHANGED, "setting", "site", Map.of("emergency", help.emergency(),
                        "police", help.police(), "childHelpline", help.childHelpline(), "quickExitUrl", exit.toString()));
            });
            return page(request, csrf, model, typed, List.of(), true);
        }
        catch (IllegalArgumentException invalid) {
            return page(request, csrf, model, typed, List.of(new FieldError("emergency", page.t("settings.error"))), false);
        }
    }

    private String page(HttpServletRequest request, CsrfToken csrf, Model model, SettingsForm typed, List<FieldError> errors, boolean saved) {
        model.addAttribute("page", pages.page(request, "settings.title", !errors.isEmpty()));
        model.addAttribute("csrf", csrf);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved);
        return "identity/settings";
    }

    private static String clip(String text) {
        return text.length() > 300 ? text.substring(0, 300) : text;
    }
}
