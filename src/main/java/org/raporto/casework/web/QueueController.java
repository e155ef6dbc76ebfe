package org.raporto.casework.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.raporto.casework.Analyst;
import org.raporto.casework.CaseStatus;
import org.raporto.casework.Cases;
import org.raporto.casework.Deadlines;
import org.raporto.casework.Queue;
import org.raporto.casework.QueueFilter;
import org.raporto.identity.StaffUser;
import org.raporto.intake.Categories;
import org.raporto.intake.Channel;
import org.raporto.intake.ReportId;
import org.raporto.shared.web.StaffPage;
import org.raporto.shared.web.StaffPages;
import org.raporto.shared.web.Typed;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The queue of reports, with its filters in the address so that a filtered view can be bookmarked and shared; "take
 * next"; and the supervisors' list of late reports. Filters that do not parse are ignored, never an error.
 */
@Controller
class QueueController {

    private final StaffPages pages;
    private final Queue queue;
    private final Cases cases;
    private final Categories categories;
    private final Deadlines deadlines;

    QueueController(StaffPages pages, Queue queue, Cases cases, Categories categories, Deadlines deadlines) {
        this.deadlines = deadlines;
        this.pages = pages;
        this.queue = queue;
        this.cases = cases;
        this.categories = categories;
    }

    @GetMapping(CasePaths.QUEUE)
    String queue(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser user,
            @RequestParam MultiValueMap<String, String> params) {
        Analyst analyst = Analyst.of(user);
        QueueFilter filter = filter(params, analyst, false);
        return show(request, csrf, model, analyst, filter, params, "casework.queue.title");
    }

    @GetMapping(CasePaths.LATE)
    String late(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser user,
            @RequestParam MultiValueMap<String, String> params) {
        Analyst analyst = Analyst.of(user);
        return show(request, csrf, model, analyst, filter(params, analyst, true), params, "casework.sla.late.title");
    }

    /** Takes the most urgent unclaimed report and opens it; with none left, back to the queue, which says so. */
    @PostMapping(CasePaths.NEXT)
    Object next(@AuthenticationPrincipal StaffUser user) {
        return cases.takeNext(Analyst.of(user))
                .map(id -> CasePaths.redirect(CasePaths.of(id)))
                .orElseGet(() -> CasePaths.redirect(CasePaths.QUEUE + "?empty=1"));
    }

    private String show(HttpServletRequest request, CsrfToken csrf, Model model, Analyst analyst, QueueFilter filter,
            MultiValueMap<String, String> params, String titleKey) {
        StaffPage page = pages.page(request, titleKey, false);
        Queue.Page rows = queue.page(filter, first(params, "after"), analyst);
        model.addAttribute("page", page);
        model.addAttribute("csrf", csrf);
        model.addAttribute("filter", filter);
        model.addAttribute("rows", rows);
        Map<ReportId, Deadlines.Pending> pending = new HashMap<>();
        rows.rows().forEach(row -> deadlines.pending(row).ifPresent(deadline -> pending.put(row.id(), deadline)));
        model.addAttribute("pending", pending);
        model.addAttribute("counts", queue.counts(analyst));
        model.addAttribute("categoryNames", names(categories, page));
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("query", query(params));
        model.addAttribute("late", titleKey.equals("casework.sla.late.title"));
        model.addAttribute("empty", "1".equals(first(params, "empty")));
        model.addAttribute("me", analyst.id());
        return "casework/queue";
    }

    /** The categories' names in the page's language, by code, in the hotline's order. */
    static Map<String, String> names(Categories categories, StaffPage page) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Categories.Listed listed : categories.all()) {
            String name = listed.category().in(page.language()).name();
            names.put(listed.category().code(), name.isBlank() ? listed.category().code() : name);
        }
        return names;
    }

    private static QueueFilter filter(MultiValueMap<String, String> params, Analyst analyst, boolean late) {
        Set<CaseStatus> statuses = EnumSet.noneOf(CaseStatus.class);
        for (String name : params.getOrDefault("status", List.of())) {
            for (CaseStatus status : CaseStatus.values()) {
                if (status.name().equals(name)) {
                    statuses.add(status);
                }
            }
        }
        String assignee = first(params, "assignee");
        UUID holder = "me".equals(assignee) ? analyst.id() : null;
        Channel channel = null;
        for (Channel candidate : Channel.values()) {
            if (candidate.name().equals(first(params, "channel"))) {
                channel = candidate;
            }
        }
        String country = first(params, "country");
        return new QueueFilter(statuses, blankToNull(Typed.clip(first(params, "category"), 40)), channel, holder, "nobody".equals(assignee),
                late || "late".equals(first(params, "sla")), date(first(params, "from")), date(first(params, "to")),
                country != null && country.strip().matches("[A-Za-z]{2}") ? country : null, Typed.clip(first(params, "q"), QueueFilter.MAX_TEXT));
    }

    /** The filter's own parameters, to carry into the next page's address. */
    private static String query(MultiValueMap<String, String> params) {
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            if (param.getKey().equals("after") || param.getKey().equals("empty")) {
                continue;
            }
            for (String value : param.getValue()) {
                query.append('&').append(encode(Typed.clip(param.getKey(), 20))).append('=').append(encode(Typed.clip(value, 200)));
            }
        }
        return query.toString();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static @Nullable String first(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null || value.isBlank() ? null : value;
    }

    private static @Nullable String blankToNull(String text) {
        return text.isBlank() ? null : text;
    }

    private static @Nullable LocalDate date(@Nullable String text) {
        if (text == null || text.length() > 10) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        }
        catch (DateTimeParseException malformed) {
            return null;
        }
    }
}
