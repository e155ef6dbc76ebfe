package org.raporto.stats.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.raporto.audit.Actor;
import org.raporto.identity.StaffUser;
import org.raporto.shared.Language;
import org.raporto.shared.web.SiteProperties;
import org.raporto.shared.web.StaffPage;
import org.raporto.shared.web.StaffPages;
import org.raporto.stats.Period;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /staff/stats/annual?year=…&lang=sq|en}: the annual report of a year as a PDF to publish, in the audit log as
 * an export. A year that is no year from 2000 to this one, or a language that is not one of the site's, is answered
 * with a page giving the reason in the reader's language, and status 400.
 */
@Controller
public class AnnualReportController {

    static final String ANNUAL = StatsController.STATS + "/annual";

    private final AnnualReportPdf pdf;
    private final StaffPages pages;
    private final ExportAudit audit;
    private final Clock clock;
    private final SiteProperties site;

    AnnualReportController(AnnualReportPdf pdf, StaffPages pages, ExportAudit audit, Clock clock, SiteProperties site) {
        this.pdf = pdf;
        this.pages = pages;
        this.audit = audit;
        this.clock = clock;
        this.site = site;
    }

    @GetMapping(ANNUAL)
    ResponseEntity<byte[]> annual(@AuthenticationPrincipal StaffUser user, @RequestParam(required = false) @Nullable String year,
            @RequestParam(required = false) @Nullable String lang) {
        int current = LocalDate.now(clock.withZone(site.timeZone())).getYear();
        if (year == null || !year.matches("[0-9]{4}") || Integer.parseInt(year) < AnnualReportPdf.FIRST_YEAR || Integer.parseInt(year) > current) {
            throw new Refused("stats.annual.wrongYear", String.valueOf(AnnualReportPdf.FIRST_YEAR), String.valueOf(current));
        }
        Language language = Language.fromCode(lang).filter(known -> known.code().equals(lang))
                .orElseThrow(() -> new Refused("stats.annual.wrongLanguage"));
        int chosen = Integer.parseInt(year);
        byte[] report = pdf.render(chosen, language);
        // The report counts every report, abuse material too, as the public page does.
        audit.exported(new Actor(user.id(), user.name()), "annual-" + language.code(), Period.year(chosen), true);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("raporto-" + chosen + "-" + language.code() + ".pdf").build().toString())
                .body(report);
    }

    /** A year or language that is not one: the reason, in the reader's language, on a page of its own. */
    @ExceptionHandler(Refused.class)
    ModelAndView refused(Refused refused, HttpServletRequest request, CsrfToken csrf) {
        StaffPage page = pages.page(request, "stats.title", true);
        ModelAndView view = new ModelAndView("stats/refused", HttpStatus.BAD_REQUEST);
        view.addObject("page", page);
        view.addObject("csrf", csrf);
        view.addObject("reason", page.t(refused.key, refused.arguments));
        return view;
    }

    /** Why a request for a report is refused: a message key and its arguments. */
    static final class Refused extends RuntimeException {

        private final String key;
        private final Object[] arguments;

        Refused(String key, Object... arguments) {
            super(key, null, false, false);
            this.key = key;
            this.arguments = arguments;
        }
    }

    /**
     * The years the dashboard links reports of: the year its period ends in (this year at the latest) and the four
     * before it, from 2000 on, newest first.
     */
    static List<Integer> linkedYears(@Nullable Period shown, LocalDate today) {
        int last = Math.min(shown == null ? today.getYear() : shown.to().getYear(), today.getYear());
        return IntStream.iterate(last, year -> year >= Math.max(AnnualReportPdf.FIRST_YEAR, last - 4), year -> year - 1).boxed().toList();
    }

    /** The address of a year's report in a language. */
    public static String href(int year, String language) {
        return ANNUAL + "?year=" + year + "&lang=" + language;
    }
}
