package org.raporto.shared.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.raporto.shared.web.ErrorView;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The security baseline. Public are the portal ({@code /sq/…}, {@code /en/…}), its static files and the health
 * probes; staff and partner areas need an account; any other route is refused until a module declares it.
 * <p>
 * Headers: a strict Content Security Policy (no inline script or style, nothing from another host), no referrer
 * (a visitor coming from an abuse page must not leak where they went, and our pages must not leak to the sites
 * they link to), and {@code no-store} on every page, so that a shared family computer keeps no copy of what
 * was read or reported. The only exception are the portal's articles and their listings (module content), which
 * say {@code no-cache} themselves so that browsers and proxies may keep them and ask again with their entity tag.
 */
@Configuration(proxyBeanMethods = false)
public class WebSecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    static final String PERMISSIONS_POLICY = String.join(", ",
            "camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()",
            "interest-cohort=()", "browsing-topics=()");

    /**
     * No timing of each security filter on every request: no metrics are published, and the wrapping alone cost a
     * large part of serving a page (bench/RESULTS.md).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain webSecurity(HttpSecurity http) {
        http.authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers("/", "/sq/**", "/en/**").permitAll()
                        .requestMatchers("/css/**", "/js/**", "/img/**", "/vendor/**", "/robots.txt").permitAll()
                        // The portal's media library (images, manuals' PDFs) and its site map (module content).
                        .requestMatchers(HttpMethod.GET, "/media/*", "/sitemap.xml").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                        .requestMatchers("/error", "/exit").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/categories", "/api/v1/challenge", "/v3/api-docs", "/v3/api-docs.yaml").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/reports", "/api/v1/reports/follow-up",
                                "/api/v1/reports/follow-up/messages").permitAll()
                        // The staff and partner areas have a chain of their own (identity module); nothing else is open.
                        .anyRequest().denyAll())
                // The JSON API has no cookies or sessions to forge requests with, so it needs no CSRF token.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
                .requestCache(cache -> cache.disable());
        baseline(http);
        return http.build();
    }

    /**
     * What every filter chain has: the headers, and a form posted after its session ended answered as such (it fails
     * the CSRF check) rather than as "for staff only".
     */
    public static void baseline(HttpSecurity http) {
        http.headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler((request, response, denied) -> {
                    if (denied instanceof CsrfException) {
                        request.setAttribute(ErrorView.SESSION_EXPIRED, Boolean.TRUE);
                    }
                    response.sendError(HttpServletResponse.SC_FORBIDDEN);
                }));
    }
}
