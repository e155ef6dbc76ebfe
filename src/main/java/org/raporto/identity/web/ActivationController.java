package org.raporto.identity.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.raporto.identity.Role;
import org.raporto.identity.StaffAccounts.TokenKind;
import org.raporto.identity.StaffAccounts;
import org.raporto.identity.WeakPassword;
import org.raporto.shared.EmailAddresses;
import org.raporto.shared.Language;
import org.raporto.shared.web.FieldError;
import org.raporto.shared.web.StaffPage;
import org.raporto.shared.web.StaffPages;
import org.raporto.shared.web.Typed;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Opening an account with a link: the first-run setup link from the log makes the first administrator; an
 * invitation link lets an invited person choose their password. The token leaves the address at once (it is kept
 * in the session), and both continue with enrolling an authenticator app.
 */
@Controller
class ActivationController {

    static final String SETUP = "/staff/setup";
    static final String INVITATION = StaffAccounts.INVITATION_PAGE;
    static final String RESET = StaffAccounts.RESET_PAGE;
    private static final String TOKEN = ActivationController.class.getName() + ".token";

    private final StaffPages pages;
    private final StaffAccounts accounts;

    ActivationController(StaffPages pages, StaffAccounts accounts) {
        this.pages = pages;
        this.accounts = accounts;
    }

    @GetMapping({SETUP, INVITATION, RESET})
    Object show(HttpServletRequest request, CsrfToken csrf, Model model, @RequestParam(required = false) @Nullable String token) {
        if (token != null) {
            // The token is taken off the address before anything is shown, so that it stays in no history.
            request.getSession().setAttribute(TOKEN, token.length() > 100 ? "" : token);
            return SignInController.redirect(request.getRequestURI());
        }
        return form(request, csrf, model, new ActivationForm("", "", ""), List.of());
    }

    @PostMapping({SETUP, INVITATION, RESET})
    Object activate(HttpServletRequest request, CsrfToken csrf, Model model, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String language,
            @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirmation) {
        boolean setup = request.getRequestURI().equals(SETUP);
        ActivationForm typed = new ActivationForm(Typed.clip(name, 200), Typed.clip(email, 254), Typed.clip(language, 5));
        String token = token(request);
        List<FieldProblem> problems = new ArrayList<>();
        if (setup) {
            if (typed.name().isBlank()) {
                problems.add(new FieldProblem("name", "activation.error.name"));
            }
            if (!EmailAddresses.isValid(typed.email())) {
                problems.add(new FieldProblem("email", "activation.error.email"));
            }
            if (Language.fromCode(typed.language()).isEmpty()) {
                problems.add(new FieldProblem("language", "activation.error.language"));
            }
        }
        if (!password.equals(confirmation)) {
            problems.add(new FieldProblem("confirmation", "activation.error.confirmation"));
        }
        if (!problems.isEmpty()) {
            return form(request, csrf, model, typed, problems);
        }
        if (request.getRequestURI().equals(RESET)) {
            try {
                accounts.resetPassword(token, password);
                request.getSession().removeAttribute(TOKEN);
                return SignInController.redirect(SignInController.LOGIN + "?passwordChanged");
            }
            catch (WeakPassword weak) {
                return form(request, csrf, model, typed, List.of(new FieldProblem("password", "activation.error.password." + weak.weakness().name())));
            }
            catch (IllegalStateException notValid) {
                return form(request, csrf, model, typed, List.of());
            }
        }
        try {
            UUID account = setup
                    ? accounts.createAdministrator(token, new StaffAccounts.NewAccount(typed.name(), typed.email(),
                            Language.fromCode(typed.language()).orElseThrow(), EnumSet.of(Role.ADMIN), null, false), password)
                    : accounts.acceptInvitation(token, password);
            HttpSession session = request.getSession();
            session.removeAttribute(TOKEN);
            request.changeSessionId();
            session.setAttribute(SignInController.PENDING, account);
            return SignInController.redirect(SignInController.ENROL);
        }
        catch (WeakPassword weak) {
            return form(request, csrf, model, typed, List.of(new FieldProblem("password", "activation.error.password." + weak.weakness().name())));
        }
        catch (IllegalArgumentException taken) {
            return form(request, csrf, model, typed, List.of(new FieldProblem("email", "activation.error.emailTaken")));
        }
        catch (IllegalStateException notValid) {
            return form(request, csrf, model, typed, List.of());
        }
    }

    private String form(HttpServletRequest request, CsrfToken csrf, Model model, ActivationForm typed, List<FieldProblem> problems) {
        boolean setup = request.getRequestURI().equals(SETUP);
        TokenKind kind = setup ? TokenKind.SETUP : request.getRequestURI().equals(RESET) ? TokenKind.RESET : TokenKind.INVITATION;
        String token = token(request);
        Optional<StaffAccounts.TokenCheck> valid = token.isEmpty() ? Optional.empty() : accounts.check(kind, token);
        boolean done = setup && accounts.administratorExists();
        String flow = kind.name().toLowerCase(java.util.Locale.ROOT);
        StaffPage page = pages.page(request, "activation." + flow + ".title", !problems.isEmpty());
        model.addAttribute("flow", flow);
        model.addAttribute("page", page);
        model.addAttribute("csrf", csrf);
        model.addAttribute("setup", setup);
        model.addAttribute("state", done ? "DONE" : valid.isEmpty() ? "INVALID" : "OPEN");
        model.addAttribute("invited", valid.flatMap(check -> Optional.ofNullable(check.account())).flatMap(accounts::find).orElse(null));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", problems.stream().map(problem -> new FieldError(problem.field(), page.t(problem.key(),
                org.raporto.identity.PasswordPolicy.MIN_LENGTH))).toList());
        model.addAttribute("languages", Language.values());
        return "identity/activation";
    }

    private static String token(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(TOKEN) instanceof String token ? token : "";
    }

    private record FieldProblem(String field, String key) {
    }
}
