package org.raporto.identity.web;

import java.time.Clock;

import org.raporto.identity.Role;
import org.raporto.identity.StaffAccounts;
import org.raporto.shared.security.WebSecurityConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

import jakarta.servlet.DispatcherType;

/**
 * The staff and partner areas: signing in is open, everything else needs a signed-in account of the right role —
 * administration for administrators, casework ({@code /staff/cases}) for analysts and supervisors (assigning and the
 * late list for supervisors), the portal's content ({@code /staff/content}) for editors, {@code /partner} for partners
 * only, the rest of {@code /staff} for staff roles.
 * Whoever is not signed in is sent to the sign-in page.
 */
@Configuration(proxyBeanMethods = false)
class StaffSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain staffSecurity(HttpSecurity http, StaffAccounts accounts, Clock clock) {
        String[] staff = {Role.ADMIN.name(), Role.SUPERVISOR.name(), Role.ANALYST.name(), Role.EDITOR.name()};
        http.securityMatcher("/staff", "/staff/**", "/partner/**")
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers(SignInController.LOGIN, SignInController.LOGIN + "/**", ActivationController.SETUP,
                                ActivationController.INVITATION, ActivationController.RESET).permitAll()
                        .requestMatchers("/staff/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/staff/cases/late", "/staff/cases/*/assign").hasRole(Role.SUPERVISOR.name())
                        .requestMatchers("/staff/cases", "/staff/cases/**").hasAnyRole(Role.ANALYST.name(), Role.SUPERVISOR.name())
                        .requestMatchers("/staff/iccam/import", "/staff/iccam/import/**").hasRole(Role.SUPERVISOR.name())
                        .requestMatchers("/staff/iccam/**").hasAnyRole(Role.ANALYST.name(), Role.SUPERVISOR.name())
                        .requestMatchers("/staff/content", "/staff/content/**").hasRole(Role.EDITOR.name())
                        .requestMatchers("/staff/stats", "/staff/stats/**").hasAnyRole(Role.SUPERVISOR.name(), Role.ADMIN.name())
                        .requestMatchers("/partner/**").hasRole(Role.PARTNER.name())
                        // Partners too: the home page (which sends them to theirs), their password, signing out.
                        .requestMatchers("/staff", StaffHomeController.HOME, "/staff/logout", "/staff/sign-out-everywhere", "/staff/session",
                                PasswordController.PASSWORD).authenticated()
                        .requestMatchers("/staff", "/staff/**").hasAnyRole(staff)
                        .anyRequest().denyAll())
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(SignInController.LOGIN)))
                .requestCache(cache -> cache.disable())
                // Made here rather than as a bean, so that it runs in this chain only and not as a filter of its own.
                .addFilterBefore(new StaffSessionGuard(accounts, clock), AuthorizationFilter.class);
        WebSecurityConfiguration.baseline(http);
        return http.build();
    }
}
