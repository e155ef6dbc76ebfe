package org.raporto.identity.web;

import org.raporto.identity.StaffUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Puts a user into the session: at sign-in, when their account changed, after a new password. */
final class SignedInSessions {

    private static final HttpSessionSecurityContextRepository CONTEXTS = new HttpSessionSecurityContextRepository();

    private SignedInSessions() {
    }

    static void store(StaffUser user, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList()));
        SecurityContextHolder.setContext(context);
        CONTEXTS.saveContext(context, request, response);
    }
}
