package org.raporto.identity.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.raporto.identity.SignInThrottle;
import org.raporto.identity.StaffAccounts;
import org.raporto.identity.StaffUser;
import org.raporto.shared.web.RateLimits;
import org.raporto.shared.web.StaffPage;
import org.raporto.shared.web.StaffPages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Signing in: the e-mail and password, then a code from the authenticator app (or a recovery code). An account
 * whose app is not enrolled yet (just set up or invited) enrols it between the two, and receives its recovery codes.
 * Only when both factors are through does the session carry a user, under a new session id.
 */
@Controller
class SignInController {

    static final String LOGIN = "/staff/login";
    static final String CODE = "/staff/login/code";
    static final String ENROL = "/staff/login/enrol";
    static final String RECOVERY_CODES = "/staff/login/recovery-codes";
    /** The account whose password was right (or just set), waiting for its second factor. */
    static final String PENDING = SignInController.class.getName() + ".pending";
    private static final String CODES_TO_SHOW = SignInController.class.getName() + ".codes";
    private static final RateLimits.Limit SIGN_INS = new RateLimits.Limit("staff-sign-in", 60, 600);
    private static final String SIGN_IN_FAILURES = "staff-sign-in-failures";

    private final StaffPages pages;
    private final StaffAccounts accounts;
    private final SignInThrottle throttle;
    private final RateLimits limits;
    private final Clock clock;

    SignInController(StaffPages pages, StaffAccounts accounts, SignInThrottle throttle, RateLimits limits, Clock clock) {
        this.pages = pages;
        this.accounts = accounts;
        this.throttle = throttle;
        this.limits = limits;
        this.clock = clock;
    }

    @GetMapping(LOGIN)
    String login(HttpServletRequest request, CsrfToken csrf, Model model, @RequestParam(required = false) @Nullable String signedOut,
            @RequestParam(required = false) @Nullable String passwordChanged) {
        String notice = signedOut != null ? "signIn.signedOut" : passwordChanged != null ? "signIn.passwordChanged" : null;
        return loginPage(request, csrf, model, "", notice, null);
    }

    @PostMapping(LOGIN)
    Object password(HttpServletRequest request, CsrfToken csrf, Model model, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password) {
        String typed = email.length() > 254 ? email.substring(0, 254) : email;
        if (!limits.tryAcquire(SIGN_INS, request)) {
            return loginPage(request, csrf, model, typed, null, new Problem("signIn.error.tooMany"));
        }
        String key = "email:" + typed.strip().toLowerCase(java.util.Locale.ROOT);
        // A growing wait both per e-mail tried (any node, in the database) and per address (in memory, hashed).
        Optional<Duration> wait = throttle.waitFor(key).or(() -> limits.waitAfterFailures(SIGN_IN_FAILURES, request));
        if (wait.isPresent()) {
            return loginPage(request, csrf, model, typed, null, waitMessage(wait.get()));
        }
        Optional<UUID> account = password.length() > 1000 ? Optional.empty() : accounts.checkPassword(typed, password);
        if (account.isEmpty()) {
            throttle.failed(key);
            limits.failed(SIGN_IN_FAILURES, request);
            return loginPage(request, csrf, model, typed, null, new Problem("signIn.error.wrong"));
        }
        throttle.succeeded(key);
        limits.succeeded(SIGN_IN_FAILURES, request);
        request.changeSessionId();
        request.getSession().setAttribute(PENDING, account.get());
        return redirect(accounts.isActive(account.get()) ? CODE : ENROL);
    }

    @GetMapping(CODE)
    Object codeForm(HttpServletRequest request, CsrfToken csrf, Model model) {
        if (pending(request).isEmpty()) {
            return redirect(LOGIN);
        }
        return codePage(request, csrf, model, null);
    }

    @PostMapping(CODE)
    Object code(HttpServletRequest request, HttpServletResponse response, CsrfToken csrf, Model model,
            @RequestParam(defaultValue = "") String code) {
        Optional<UUID> account = pending(request);
        if (account.isEmpty()) {
            return redirect(LOGIN);
        }
        String key = "account:" + account.get();
        Optional<Duration> wait = throttle.waitFor(key);
        if (wait.isPresent()) {
            return codePage(request, csrf, model, waitMessage(wait.get()));
        }
        if (code.length() > 40 || !accounts.acceptSecondFactor(account.get(), code)) {
            throttle.failed(key);
            return codePage(request, csrf, model, new Problem("signIn.error.code"));
        }
        throttle.succeeded(key);
        return signIn(request, response, account.get());
    }

    @GetMapping(ENROL)
    Object enrolForm(HttpServletRequest request, CsrfToken csrf, Model model) {
        Optional<UUID> account = pending(request);
        if (account.isEmpty() || accounts.isActive(account.get())) {
            return redirect(LOGIN);
        }
        return enrolPage(request, csrf, model, account.get(), null);
    }

    @PostMapping(ENROL)
    Object enrol(HttpServletRequest request, CsrfToken csrf, Model model, @RequestParam(defaultValue = "") String code) {
        Optional<UUID> account = pending(request);
        if (account.isEmpty() || accounts.isActive(account.get())) {
            return redirect(LOGIN);
        }
        Optional<List<String>> codes = code.length() > 40 ? Optional.empty() : accounts.confirmEnrolment(account.get(), code);
        if (codes.isEmpty()) {
            return enrolPage(request, csrf, model, account.get(), new Problem("signIn.error.code"));
        }
        request.getSession().setAttribute(CODES_TO_SHOW, codes.get());
        return redirect(RECOVERY_CODES);
    }

    /** Shown once: the codes leave the session as the page is made. */
    @GetMapping(RECOVERY_CODES)
    Object recoveryCodes(HttpServletRequest request, CsrfToken csrf, Model model) {
        HttpSession session = request.getSession(false);
        if (pending(request).isEmpty() || session == null || !(session.getAttribute(CODES_TO_SHOW) instanceof List<?> codes)) {
            return redirect(LOGIN);
        }
        session.removeAttribute(CODES_TO_SHOW);
        model.addAttribute("page", pages.page(request, "signIn.recovery.title", false));
        model.addAttribute("csrf", csrf);
        model.addAttribute("codes", codes.stream().map(String::valueOf).toList());
        return "identity/recovery-codes";
    }

    @PostMapping(RECOVERY_CODES)
    Object codesKept(HttpServletRequest request, HttpServletResponse response) {
        Optional<UUID> account = pending(request);
        if (account.isEmpty() || !accounts.isActive(account.get())) {
            return redirect(LOGIN);
        }
        return signIn(request, response, account.get());
    }

    @PostMapping("/staff/logout")
    Object logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return redirect(LOGIN + "?signedOut");
    }

    /** Ends this account's sessions on every device, this one included. */
    @PostMapping("/staff/sign-out-everywhere")
    Object signOutEverywhere(HttpServletRequest request) {
        Object principal = SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        if (principal instanceof StaffUser user) {
            accounts.signOutEverywhere(user.id());
        }
        return logout(request);
    }

    /** Called by the idle warning's "stay signed in": a request is all it takes. */
    @GetMapping("/staff/session")
    ResponseEntity<Void> keepAlive() {
        return ResponseEntity.noContent().build();
    }

    private Object signIn(HttpServletRequest request, HttpServletResponse response, UUID account) {
        StaffUser user = accounts.user(account, clock.instant()).orElse(null);
        if (user == null) {
            return redirect(LOGIN);
        }
        request.getSession().removeAttribute(PENDING);
        // A session that carries a user gets a new id: one seen before signing in is worth nothing.
        request.changeSessionId();
        SignedInSessions.store(user, request, response);
        return redirect(StaffHomeController.HOME);
    }

    private String loginPage(HttpServletRequest request, CsrfToken csrf, Model model, String email, @Nullable String noticeKey,
            @Nullable Problem error) {
        StaffPage page = pages.page(request, "signIn.title", error != null);
        model.addAttribute("page", page);
        model.addAttribute("csrf", csrf);
        model.addAttribute("email", email);
        model.addAttribute("notice", noticeKey == null ? null : page.t(noticeKey));
        model.addAttribute("error", error == null ? null : error.in(page));
        return "identity/sign-in";
    }

    private String codePage(HttpServletRequest request, CsrfToken csrf, Model model, @Nullable Problem error) {
        StaffPage page = pages.page(request, "signIn.code.title", error != null);
        model.addAttribute("page", page);
        model.addAttribute("csrf", csrf);
        model.addAttribute("error", error == null ? null : error.in(page));
        return "identity/code";
    }

    private String enrolPage(HttpServletRequest request, CsrfToken csrf, Model model, UUID account, @Nullable Problem error) {
        byte[] secret = accounts.enrolling(account).orElseGet(() -> accounts.startEnrolment(account));
        StaffPage page = pages.page(request, "signIn.enrol.title", error != null);
        model.addAttribute("page", page);
        model.addAttribute("csrf", csrf);
        model.addAttribute("error", error == null ? null : error.in(page));
        model.addAttribute("enrolment", accounts.enrolment(account, secret));
        return "identity/enrol";
    }

    /** The wait in whole minutes, at least one: precise seconds would only help a guesser time the next try. */
    private static Problem waitMessage(Duration wait) {
        return new Problem("signIn.error.wait", Math.max(1, (wait.toSeconds() + 59) / 60));
    }

    /** An error to show, as a message key and its arguments. */
    private record Problem(String key, Object... arguments) {

        String in(StaffPage page) {
            return page.t(key, arguments);
        }
    }

    static Optional<UUID> pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(PENDING) instanceof UUID account ? Optional.of(account) : Optional.empty();
    }

    static ResponseEntity<Void> redirect(String path) {
        return ResponseEntity.status(303).header(HttpHeaders.LOCATION, path).build();
    }
}
