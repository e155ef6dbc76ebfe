package org.raporto;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.raporto.identity.Role;
import org.raporto.identity.StaffUser;
import org.raporto.shared.Language;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every route the application maps, tried by someone not signed in and by an account of each role: those the
 * inventory below does not allow are refused (403, or sent to sign in), those it allows are let through. A route
 * that is not in the inventory fails the test, so that no route is ever added without deciding who may use it.
 */
@SpringBootTest
class RouteInventoryTest {

    /** Who may use a route. */
    enum Access {
        EVERYONE, SIGNED_IN, STAFF, ADMIN, PARTNER, CASEWORK, SUPERVISOR, EDITOR, MANAGEMENT
    }

    private static final Map<String, Access> INVENTORY = new LinkedHashMap<>();

    static {
        for (String route : List.of("GET /", "GET /sq", "GET /en", "GET /sq/", "GET /en/", "GET /sq/rreth-nesh", "GET /en/about", "GET /sq/kerko", "GET /en/search", "GET /sq/raporto", "GET /en/raporto",
                "GET /sq/raporto/formulari", "GET /en/raporto/form", "POST /sq/raporto/formulari", "POST /en/raporto/form",
                "POST /sq/raporto/formulari/deftesa", "POST /en/raporto/form/receipt", "GET /sq/raporto/ndiq", "GET /en/raporto/follow-up",
                "POST /sq/raporto/ndiq", "POST /en/raporto/follow-up", "GET /exit", "GET /error",
                "GET /sq/api", "GET /en/api", "GET /api/v1/categories", "GET /api/v1/challenge", "POST /api/v1/reports", "POST /api/v1/reports/follow-up",
                "POST /api/v1/reports/follow-up/messages", "GET /v3/api-docs", "GET /v3/api-docs.yaml",
                "GET /staff/login", "POST /staff/login", "GET /staff/login/code", "POST /staff/login/code", "GET /staff/login/enrol",
                "POST /staff/login/enrol", "GET /staff/login/recovery-codes", "POST /staff/login/recovery-codes",
                "GET /staff/setup", "POST /staff/setup", "GET /staff/invitation", "POST /staff/invitation", "GET /staff/reset", "POST /staff/reset",
                "GET /sq/{segment:udhezues|manuale|burime|lajme|faqe}/{slug}", "GET /en/{segment:guides|manuals|resources|news|pages}/{slug}",
                "GET /sq/lajme", "GET /en/news", "GET /sq/lajme/rss.xml", "GET /en/news/rss.xml", "GET /sq/pyetje", "GET /en/faq",
                "GET /sq/partneret", "GET /en/partners", "GET /sq/per/{slug}", "GET /en/for/{slug}", "GET /en/per/{slug}",
                "GET /sq/lajme/atom.xml", "GET /en/news/atom.xml", "GET /sq/tema/{slug}", "GET /en/topics/{slug}",
                "GET /media/{id}", "GET /sitemap.xml", "GET /robots.txt", "GET /sq/statistika", "GET /en/statistics")) {
            INVENTORY.put(route, Access.EVERYONE);
        }
        for (String route : List.of("GET /staff/", "GET /staff", "POST /staff/logout", "POST /staff/sign-out-everywhere", "GET /staff/session",
                "GET /staff/account/password", "POST /staff/account/password")) {
            INVENTORY.put(route, Access.SIGNED_IN);
        }
        for (String route : List.of("GET /partner", "GET /partner/", "GET /partner/referrals/{id}", "POST /partner/referrals/{id}/acknowledge",
                "POST /partner/referrals/{id}/outcome", "POST /partner/referrals/{id}/agree")) {
            INVENTORY.put(route, Access.PARTNER);
        }
        for (String route : List.of("GET /staff/admin/accounts", "POST /staff/admin/accounts", "POST /staff/admin/accounts/{id}/enabled",
                "GET /staff/admin/accounts/{id}", "POST /staff/admin/accounts/{id}",
                "POST /staff/admin/accounts/{id}/reset", "POST /staff/admin/accounts/{id}/reset-authenticator",
                "GET /staff/admin/audit", "POST /staff/admin/audit/verify",
                "GET /staff/admin/settings", "POST /staff/admin/settings",
                "GET /staff/admin/categories", "GET /staff/admin/categories/{code}", "POST /staff/admin/categories/{code}",
                "GET /staff/admin/casework", "POST /staff/admin/casework", "GET /staff/admin/holidays", "POST /staff/admin/holidays",
                "POST /staff/admin/holidays/{day}/remove", "GET /staff/admin/agencies", "GET /staff/admin/agencies/{id}",
                "POST /staff/admin/agencies/{id}", "GET /staff/admin/routing", "POST /staff/admin/routing",
                "GET /staff/admin/outbox", "POST /staff/admin/outbox/{id}/send-again", "POST /staff/admin/outbox/{id}/discard")) {
            INVENTORY.put(route, Access.ADMIN);
        }
        for (String route : List.of("GET /staff/cases", "POST /staff/cases/next", "POST /staff/cases/preferences", "GET /staff/cases/{id}",
                "POST /staff/cases/{id}/claim", "POST /staff/cases/{id}/release", "POST /staff/cases/{id}/classify",
                "POST /staff/cases/{id}/items/{position}/confirm", "POST /staff/cases/{id}/items/{position}/apply-earlier",
                "POST /staff/cases/{id}/items/{position}/trace",
                "POST /staff/cases/{id}/assessed", "POST /staff/cases/{id}/close", "POST /staff/cases/{id}/merge",
                "POST /staff/cases/{id}/notes", "POST /staff/cases/{id}/reply", "GET /staff/cases/{id}/screenshots/{attachment}",
                "GET /staff/cases/{id}/referrals", "POST /staff/cases/{id}/referrals", "POST /staff/cases/{id}/referrals/approve",
                "POST /staff/cases/{id}/referrals/lookup", "POST /staff/cases/{id}/referrals/{referral}/registrar",
                "POST /staff/cases/{id}/referrals/{referral}/police-agreed", "POST /staff/cases/{id}/referrals/{referral}/escalation",
                "POST /staff/cases/{id}/resolve", "GET /staff/iccam/export", "POST /staff/iccam/export")) {
            INVENTORY.put(route, Access.CASEWORK);
        }
        for (String route : List.of("GET /staff/content/media", "GET /staff/content/media/new", "POST /staff/content/media/new",
                "GET /staff/content/media/{id}/delete", "POST /staff/content/media/{id}/delete")) {
            INVENTORY.put(route, Access.EDITOR);
        }
        for (String route : List.of("GET /staff/cases/late", "POST /staff/cases/{id}/assign", "GET /staff/iccam/import", "POST /staff/iccam/import/preview",
                "POST /staff/iccam/import")) {
            INVENTORY.put(route, Access.SUPERVISOR);
        }
        for (String route : List.of("GET /staff/content", "GET /staff/content/", "GET /staff/content/{id}", "POST /staff/content/{id}",
                "POST /staff/content/{id}/submit", "POST /staff/content/{id}/send-back", "POST /staff/content/{id}/publish",
                "POST /staff/content/{id}/end", "POST /staff/content/{id}/archive", "POST /staff/content/{id}/reopen",
                "POST /staff/content/{id}/discard", "POST /staff/content/{id}/translate", "GET /staff/content/{id}/revisions",
                "POST /staff/content/{id}/revisions/{number}/restore")) {
            INVENTORY.put(route, Access.EDITOR);
        }
        for (String route : List.of("GET /staff/stats", "GET /staff/stats/export", "GET /staff/stats/cases", "GET /staff/stats/annual")) {
            INVENTORY.put(route, Access.MANAGEMENT);
        }
    }

    @Autowired
    WebApplicationContext context;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    private MockMvc mvc;
    private final Map<Role, StaffUser> users = new LinkedHashMap<>();

    @BeforeEach
    void accountsOfEveryRole() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        for (Role role : Role.values()) {
            UUID id = UUID.randomUUID();
            String email = role.name().toLowerCase() + "." + id + "@example.org";
            jdbc.sql("""
                    INSERT INTO identity_account (id, email, name, language, roles, agency, password_hash, totp_secret, data_key,
                        totp_confirmed_at, sessions_valid_after, created_at)
                    VALUES (?, ?, ?, 'en', ARRAY[?], ?, 'x', '\\x00', '\\x00', now(), '2000-01-01', now())""")
                    .params(id, email, role.name(), role.name(), role == Role.PARTNER ? "al-police-cybercrime" : null).update();
            users.put(role, new StaffUser(id, role.name(), email, Language.EN, EnumSet.of(role), false, Instant.now()));
        }
    }

    @Test
    void everyRouteIsInTheInventory() {
        Set<String> mapped = mappedRoutes();
        assertThat(new TreeSet<>(mapped)).as("routes without a decision on who may use them").isSubsetOf(INVENTORY.keySet());
        assertThat(INVENTORY.keySet()).as("routes in the inventory that are not mapped (any more)").isSubsetOf(mapped);
    }

    @Test
    void everyRouteRefusesWhoeverItIsNotFor() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String route : mappedRoutes()) {
            Access access = INVENTORY.getOrDefault(route, Access.ADMIN);
            check(route, null, access == Access.EVERYONE, wrong);
            for (Role role : Role.values()) {
                boolean allowed = switch (access) {
                    case EVERYONE, SIGNED_IN -> true;
                    case STAFF -> role != Role.PARTNER;
                    case ADMIN -> role == Role.ADMIN;
                    case PARTNER -> role == Role.PARTNER;
                    case CASEWORK -> role == Role.ANALYST || role == Role.SUPERVISOR;
                    case SUPERVISOR -> role == Role.SUPERVISOR;
                    case EDITOR -> role == Role.EDITOR;
                    case MANAGEMENT -> role == Role.SUPERVISOR || role == Role.ADMIN;
                };
                check(route, role, allowed, wrong);
            }
        }
        assertThat(wrong).isEmpty();
    }

    private void check(String route, Role role, boolean allowed, List<String> wrong) throws Exception {
        String[] parts = route.split(" ", 2);
        String path = parts[1].replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(parts[0]), path).with(csrf()).header("Accept", "text/html");
        if (role != null) {
            StaffUser user = users.get(role);
            request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                    List.of(new SimpleGrantedAuthority(role.authority())))));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String location = response.getHeader("Location");
        boolean refused = response.getStatus() == 401 || response.getStatus() == 403
                || (response.getStatus() == 302 && location != null && location.endsWith("/staff/login"));
        if (refused == allowed) {
            wrong.add(route + " as " + (role == null ? "anonymous" : role) + ": " + response.getStatus() + (allowed ? " (should be allowed)" : " (should be refused)"));
        }
    }

    private Set<String> mappedRoutes() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    routes.add(method.name() + " " + pattern);
                }
            }
        }
        return routes;
    }
}
