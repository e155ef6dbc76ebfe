package org.raporto.audit.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.raporto.audit.Actor;
import org.raporto.audit.AuditAction;
import org.raporto.audit.AuditEntry;
import org.raporto.audit.AuditLog;
import org.raporto.audit.AuditQuery;
import org.raporto.audit.ChainHead;
import org.raporto.audit.ChainVerification;
import org.raporto.shared.web.SignedIn;
import org.raporto.shared.web.SiteProperties;
import org.raporto.shared.web.StaffPages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * {@code /staff/admin/audit}: the newest entries first, filtered by action, object and dates, fifty to a page;
 * and "verify the chain", which walks the whole log and names the first broken link, if any. A verification is
 * itself audited.
 */
@Controller
class AuditController {

    static final String AUDIT = "/staff/admin/audit";
    private static final int PAGE = 50;
    private static final String RESULT = AuditController.class.getName() + ".result";

    private final StaffPages pages;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final ZoneId zone;

    AuditController(StaffPages pages, AuditLog audit, TransactionTemplate transactions, SiteProperties site) {
        this.pages = pages;
        this.audit = audit;
        this.transactions = transactions;
        this.zone = site.timeZone();
    }

    @GetMapping(AUDIT)
    String list(HttpServletRequest request, CsrfToken csrf, Model model, @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String object, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, @RequestParam(required = false) @Nullable Long before) {
        Optional<AuditAction> chosen = java.util.Arrays.stream(AuditAction.values()).filter(known -> known.name().equals(action)).findFirst();
        Optional<LocalDate> fromDate = date(from);
        Optional<LocalDate> toDate = date(to);
        AuditQuery query = AuditQuery.newest(PAGE + 1).withAction(chosen.orElse(null))
                .onObject(null, object.isBlank() || object.length() > 200 ? null : object.strip())
                .between(fromDate.map(day -> day.atStartOfDay(zone).toInstant()).orElse(null),
                        toDate.map(day -> day.plusDays(1).atStartOfDay(zone).toInstant()).orElse(null));
        if (before != null) {
            query = query.olderThan(before);
        }
        List<AuditEntry> found = audit.find(query);
        boolean more = found.size() > PAGE;
        List<AuditEntry> shown = more ? found.subList(0, PAGE) : found;
        boolean badDates = (!from.isBlank() && fromDate.isEmpty()) || (!to.isBlank() && toDate.isEmpty());
        model.addAttribute("page", pages.page(request, "audit.title", badDates));
        model.addAttribute("csrf", csrf);
        model.addAttribute("entries", shown);
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("filter", new AuditFilter(chosen.map(Enum::name).orElse(""), object, from, to, badDates));
        model.addAttribute("older", more ? olderLink(chosen.map(Enum::name).orElse(""), object, from, to, shown.get(shown.size() - 1).seq()) : null);
        HttpSession session = request.getSession(false);
        model.addAttribute("verification", session == null ? null : session.getAttribute(RESULT));
        if (session != null) {
            session.removeAttribute(RESULT);
        }
        return "audit/log";
    }

    @PostMapping(AUDIT + "/verify")
    ResponseEntity<Void> verify(HttpServletRequest request, @AuthenticationPrincipal SignedIn admin,
            @RequestParam(defaultValue = "") String seq, @RequestParam(defaultValue = "") String hash) {
        Optional<ChainHead> expected = head(seq, hash);
        ChainVerification result = expected.map(audit::verify).orElseGet(audit::verify);
        transactions.executeWithoutResult(status -> audit.record(new Actor(admin.id(), admin.name()), AuditAction.AUDIT_VERIFIED, null, null,
                result.intact() ? Map.of("entries", String.valueOf(result.entries()), "headSeq", String.valueOf(result.head().seq()))
                        : Map.of("brokenAt", String.valueOf(result.brokenLink().seq()), "flaw", result.brokenLink().flaw().name())));
        request.getSession().setAttribute(RESULT, result);
        return ResponseEntity.status(303).header(HttpHeaders.LOCATION, AUDIT).build();
    }

    private static Optional<ChainHead> head(String seq, String hash) {
        if (seq.isBlank() || hash.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ChainHead(Long.parseLong(seq.strip()), hash.strip().toLowerCase(java.util.Locale.ROOT)));
        }
        catch (IllegalArgumentException notAHead) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return text.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(text.strip()));
        }
        catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    private static String olderLink(String action, String object, String from, String to, long before) {
        return AUDIT + "?action=" + encode(action) + "&object=" + encode(object) + "&from=" + encode(from) + "&to=" + encode(to)
                + "&before=" + before;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
