package org.raporto.identity.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.raporto.identity.StaffAccounts;
import org.raporto.identity.StaffUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Checks a signed-in session against its account on every request: it ends after 12 hours whatever happens, when the
 * account is disabled, and when its owner signed out everywhere or changed their password since. Otherwise the
 * user is read afresh, so that a role given or taken away counts from the next request on, on every node. (Idle
 * sessions end after 30 minutes: {@code server.servlet.session.timeout}.)
 */
class StaffSessionGuard extends OncePerRequestFilter {

    static final Duration LONGEST_SESSION = Duration.ofHours(12);

    private final StaffAccounts accounts;
    private final Clock clock;

    StaffSessionGuard(StaffAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StaffUser user) {
            Instant now = clock.instant();
            Optional<Instant> validAfter = accounts.sessionsValidAfter(user.id());
            Optional<StaffUser> fresh = validAfter.isEmpty() || validAfter.get().isAfter(user.signedInAt())
                    || now.isAfter(user.signedInAt().plus(LONGEST_SESSION))
                    ? Optional.empty() : accounts.user(user.id(), user.signedInAt());
            if (fresh.isEmpty()) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
                response.sendRedirect(SignInController.LOGIN + "?signedOut");
                return;
            }
            if (!fresh.get().equals(user)) {
                SignedInSessions.store(fresh.get(), request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
