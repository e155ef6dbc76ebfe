package org.raporto.stats.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.raporto.audit.Actor;
import org.raporto.identity.StaffUser;
import org.raporto.shared.web.StaffPage;
import org.raporto.shared.web.StaffPages;
import org.raporto.stats.CaseList;
import org.raporto.stats.Figures;
import org.raporto.stats.InvalidPeriod;
import org.raporto.stats.Period;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /staff/stats/cases}: the reports of a period as CSV, one row each, filtered by category, channel, outcome and
 * case status — anonymous fields only ({@link CaseList}), in the reader's language, written out as they are read.
 * Every list taken is in the audit log with its filter. A filter value that is none of the dashboard's choices, or a
 * period that is no period, is answered with the reason and status 400.
 */
@Controller
class CaseListController {

    static final String CASES = StatsController.STATS + "/cases";

    private final StaffPages pages;
    private final CaseList caseList;
    private final CaseFilters filters;
    private final ExportAudit audit;

    CaseListController(StaffPages pages, CaseList caseList, CaseFilters filters, ExportAudit audit) {
        this.pages = pages;
        this.caseList = caseList;
        this.filters = filters;
        this.audit = audit;
    }

    @GetMapping(CASES)
    void cases(HttpServletRequest request, HttpServletResponse response, @AuthenticationPrincipal StaffUser user,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String category, @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable String outcome, @RequestParam(required = false) @Nullable String status)
            throws IOException {
        StaffPage page = pages.page(request, "stats.title", false);
        Period period;
        try {
            period = Period.parse(from, to);
        }
        catch (InvalidPeriod invalid) {
            refuse(response, page.t("stats.period.error." + invalid.reason().name()));
            return;
        }
        CaseFilters.Choices choices = filters.choices(page, user.csamClearance());
        CaseList.Filter filter = new CaseList.Filter(chosen(category), chosen(channel), chosen(outcome), chosen(status));
        if (!allowed(filter.category(), choices.categories()) || !allowed(filter.channel(), choices.channels())
                || !allowed(filter.outcome(), choices.outcomes()) || !allowed(filter.status(), choices.statuses())) {
            refuse(response, page.t("stats.cases.unknownFilter"));
            return;
        }
        Map<String, String> labels = new LinkedHashMap<>();
        choices.categories().forEach(option -> labels.put(option.code(), option.label()));
        audit.exportedCases(new Actor(user.id(), user.name()), period, filter, user.csamClearance());

        response.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8).toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("raporto-cases-" + period.from() + "-" + period.to() + ".csv").build().toString());
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        out.write(Csv.line(header(page)));
        try {
            caseList.forEach(period, filter, user.csamClearance(), row -> write(out, cells(row, page, labels)));
        }
        catch (UncheckedIOException gone) {
            // The reader closed the download; there is nobody left to answer.
            return;
        }
        out.flush();
    }

    private static List<String> header(StaffPage page) {
        return List.of("received", "category", "category_name", "channel", "reporter_role", "age_band", "platforms", "outcome",
                "outcome_name", "csam", "case_status", "hosting_countries", "hosting_networks", "hours_to_first_look",
                "hours_to_assessment", "hours_to_referral", "hours_to_removal", "first_look_on_time", "assessment_on_time",
                "monitoring").stream().map(column -> page.t("stats.cases.column." + column)).toList();
    }

    private static List<Object> cells(CaseList.Row row, StaffPage page, Map<String, String> categories) {
        List<Object> cells = new ArrayList<>();
        cells.add(row.received());
        cells.add(row.category());
        cells.add(categories.getOrDefault(row.category(), row.category()));
        cells.add(page.t("casework.channel." + row.channel()));
        cells.add(page.t("report.role." + row.reporterRole()));
        cells.add(page.t("report.age." + row.ageBand()));
        cells.add(row.platforms().stream().map(platform -> page.t("report.platform." + platform)).collect(Collectors.joining("; ")));
        cells.add(row.outcome() == null ? "" : row.outcome());
        cells.add(page.t(CaseFilters.outcomeKey(row.outcome() == null ? Figures.Count.NONE : row.outcome())));
        cells.add(yesNo(row.csam(), page));
        cells.add(page.t("casework.status." + row.status()));
        cells.add(String.join("; ", row.hostingCountries()));
        cells.add(String.join("; ", row.hostingNetworks()));
        for (Duration step : Arrays.asList(row.toFirstLook(), row.toAssessment(), row.toReferral(), row.toRemoval())) {
            cells.add(step == null ? "" : Dashboard.hours(step, page.language().locale()));
        }
        cells.add(row.firstLookOnTime() == null ? "" : yesNo(row.firstLookOnTime(), page));
        cells.add(row.assessmentOnTime() == null ? "" : yesNo(row.assessmentOnTime(), page));
        cells.add(yesNo(row.monitoring(), page));
        return cells;
    }

    private static void write(Writer out, List<Object> cells) {
        try {
            out.write(Csv.line(cells));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String yesNo(boolean value, StaffPage page) {
        return page.t(value ? "stats.cases.yes" : "stats.cases.no");
    }

    /** An empty choice is "all". */
    private static @Nullable String chosen(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static boolean allowed(@Nullable String value, List<CaseFilters.Option> options) {
        return value == null || options.stream().anyMatch(option -> option.code().equals(value));
    }

    private static void refuse(HttpServletResponse response, String reason) throws IOException {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(new MediaType("text", "plain", StandardCharsets.UTF_8).toString());
        response.getWriter().write(reason);
    }
}
