package org.raporto.stats.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.raporto.audit.Actor;
import org.raporto.identity.StaffUser;
import org.raporto.intake.Categories;
import org.raporto.referral.Agencies;
import org.raporto.referral.Agency;
import org.raporto.shared.Language;
import org.raporto.shared.web.SiteProperties;
import org.raporto.shared.web.StaffPage;
import org.raporto.shared.web.StaffPages;
import org.raporto.shared.web.Typed;
import org.raporto.stats.InvalidPeriod;
import org.raporto.stats.Period;
import org.raporto.stats.Statistics;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /staff/stats}: the dashboard of a period (the last 30 days unless chosen) compared with the period before,
 * and each of its tables as CSV. Figures of child sexual abuse material only for accounts with the clearance. A
 * period that is no period (not a date, backwards, too long) is answered with the reason, never with an error page.
 */
@Controller
class StatsController {

    static final String STATS = "/staff/stats";

    private static final Pattern TABLE = Pattern.compile("[a-z]{1,20}");

    private final StaffPages pages;
    private final Statistics statistics;
    private final Categories categories;
    private final Agencies agencies;
    private final ExportAudit audit;
    private final CaseFilters caseFilters;
    private final Clock clock;
    private final SiteProperties site;

    StatsController(StaffPages pages, Statistics statistics, Categories categories, Agencies agencies, ExportAudit audit,
            CaseFilters caseFilters, Clock clock, SiteProperties site) {
        this.pages = pages;
        this.statistics = statistics;
        this.categories = categories;
        this.agencies = agencies;
        this.audit = audit;
        this.caseFilters = caseFilters;
        this.clock = clock;
        this.site = site;
    }

    @GetMapping(STATS)
    String dashboard(HttpServletRequest request, HttpServletResponse response, CsrfToken csrf, Model model,
            @AuthenticationPrincipal StaffUser user, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        LocalDate today = LocalDate.now(clock.withZone(site.timeZone()));
        String askedFrom = from == null ? today.minusDays(29).toString() : from;
        String askedTo = to == null ? today.toString() : to;
        InvalidPeriod.@Nullable Reason error = null;
        Dashboard dashboard = null;
        StaffPage page;
        try {
            Period period = Period.parse(askedFrom, askedTo);
            page = pages.page(request, "stats.title", false);
            dashboard = dashboard(period, user, page);
        }
        catch (InvalidPeriod invalid) {
            error = invalid.reason();
            page = pages.page(request, "stats.title", true);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("page", page);
        model.addAttribute("csrf", csrf);
        model.addAttribute("from", Typed.clip(askedFrom, 10));
        model.addAttribute("to", Typed.clip(askedTo, 10));
        model.addAttribute("error", error == null ? "" : "stats.period.error." + error.name());
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("presets", presets(today, page));
        model.addAttribute("caseFilters", caseFilters.choices(page, user.csamClearance()));
        model.addAttribute("reportYears", AnnualReportController.linkedYears(dashboard == null ? null : dashboard.period(), today));
        return "stats/dashboard";
    }

    @GetMapping(STATS + "/export")
    ResponseEntity<?> export(HttpServletRequest request, @AuthenticationPrincipal StaffUser user, @RequestParam(defaultValue = "") String table,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to) {
        StaffPage page = pages.page(request, "stats.title", false);
        Period period;
        try {
            period = Period.parse(from, to);
        }
        catch (InvalidPeriod invalid) {
            return plain(HttpStatus.BAD_REQUEST, page.t("stats.period.error." + invalid.reason().name()));
        }
        Dashboard dashboard = dashboard(period, user, page);
        if (!TABLE.matcher(table).matches()) {
            return plain(HttpStatus.NOT_FOUND, page.t("stats.export.noSuchTable"));
        }
        Csv csv = new Csv();
        if (table.equals("times")) {
            csv.row(List.of(page.t("stats.column.step"), page.t("stats.column.reports"), page.t("stats.column.median"), page.t("stats.column.p90"),
                    page.t("stats.column.previousMedian"), page.t("stats.column.previousP90")));
            dashboard.times().forEach(step -> csv.row(List.of(page.t(step.labelKey()), step.reports(), step.median(), step.p90(),
                    step.previousMedian(), step.previousP90())));
        }
        else if (table.equals("shares")) {
            csv.row(List.of(page.t("stats.column.measure"), page.t("stats.column.current"), page.t("stats.column.previous"),
                    page.t("stats.column.outOf")));
            dashboard.shares().forEach(share -> csv.row(List.of(page.t(share.labelKey()), share.current(), share.previous(), share.outOf())));
        }
        else {
            Dashboard.Chart chart = dashboard.charts().stream().filter(candidate -> candidate.id().equals(table)).findFirst().orElse(null);
            if (chart == null) {
                return plain(HttpStatus.NOT_FOUND, page.t("stats.export.noSuchTable"));
            }
            csv.row(List.of(page.t("stats.column.label"), page.t("stats.column.code"), page.t("stats.column.current"), page.t("stats.column.previous")));
            chart.rows().forEach(row -> csv.row(List.of(row.label(), row.code(), row.current(), row.previous() == null ? "" : row.previous())));
        }
        audit.exported(new Actor(user.id(), user.name()), table, period, dashboard.withCsam());
        String name = "raporto-" + table + "-" + period.from() + "-" + period.to() + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body("\uFEFF" + csv);
    }

    private Dashboard dashboard(Period period, StaffUser user, StaffPage page) {
        Language language = page.language();
        Map<String, String> categoryNames = new LinkedHashMap<>();
        categories.all().forEach(listed -> categoryNames.put(listed.category().code(), listed.category().in(language).name()));
        Map<String, String> agencyNames = new LinkedHashMap<>();
        for (Agency agency : agencies.all()) {
            agencyNames.put(agency.id(), agency.name());
        }
        return Dashboard.of(statistics.figures(period, user.csamClearance()), language, page::t, categoryNames, agencyNames);
    }

    /** Links to common periods, each as a plain link (no JavaScript needed). */
    private static List<Preset> presets(LocalDate today, StaffPage page) {
        List<Preset> presets = new ArrayList<>();
        presets.add(new Preset("stats.preset.last30Days", today.minusDays(29), today));
        presets.add(new Preset("stats.preset.thisMonth", today.withDayOfMonth(1), today));
        LocalDate lastMonth = today.withDayOfMonth(1).minusMonths(1);
        presets.add(new Preset("stats.preset.lastMonth", lastMonth, lastMonth.plusMonths(1).minusDays(1)));
        presets.add(new Preset("stats.preset.thisYear", today.withDayOfYear(1), today));
        LocalDate lastYear = today.withDayOfYear(1).minusYears(1);
        presets.add(new Preset("stats.preset.lastYear", lastYear, lastYear.plusYears(1).minusDays(1)));
        return presets;
    }

    private static ResponseEntity<String> plain(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8)).body(message);
    }
}
