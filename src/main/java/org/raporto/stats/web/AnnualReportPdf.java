package org.raporto.stats.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.raporto.intake.Categories;
import org.raporto.referral.Agencies;
import org.raporto.shared.Language;
import org.raporto.shared.i18n.Messages;
import org.raporto.shared.pdf.HtmlPdf;
import org.raporto.shared.web.SiteProperties;
import org.raporto.stats.Figures;
import org.raporto.stats.InvalidPeriod;
import org.raporto.stats.Period;
import org.raporto.stats.PublicFigures;
import org.raporto.stats.Statistics;
import org.springframework.stereotype.Component;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * The annual report of a year as a tagged PDF in one language ({@link AnnualReport}, template {@code stats/annual}).
 * Its figures come from the same calls as the public page ({@link Statistics#publicYear}) and the dashboard
 * ({@link Statistics#figures}) for that calendar year and the one before, child sexual abuse material counted as the
 * public page counts it.
 */
@Component
class AnnualReportPdf {

    /** The first year a report can be made for; the last is this one. */
    static final int FIRST_YEAR = 2000;

    private final Statistics statistics;
    private final Categories categories;
    private final Agencies agencies;
    private final Messages messages;
    private final TemplateEngine templates;
    private final SiteProperties site;
    private final Clock clock;

    AnnualReportPdf(Statistics statistics, Categories categories, Agencies agencies, Messages messages, TemplateEngine templates,
            SiteProperties site, Clock clock) {
        this.statistics = statistics;
        this.categories = categories;
        this.agencies = agencies;
        this.messages = messages;
        this.templates = templates;
        this.site = site;
        this.clock = clock;
    }

    /** @throws InvalidPeriod when the year is before {@link #FIRST_YEAR} or after 2099 */
    byte[] render(int year, Language language) {
        return HtmlPdf.render(html(year, language), site.publicUrl().toString(), Bars.factory());
    }

    /** The report as the XHTML the PDF is made of. */
    String html(int year, Language language) {
        Dashboard.Words words = (key, arguments) -> messages.get(language, key, arguments);
        Map<String, String> categoryNames = new LinkedHashMap<>();
        categories.all().forEach(listed -> categoryNames.put(listed.category().code(), listed.category().in(language).name()));
        Map<String, String> agencyKinds = new LinkedHashMap<>();
        agencies.all().forEach(agency -> agencyKinds.put(agency.id(), agency.kind().name()));
        PublicFigures published = statistics.publicYear(year);
        Figures.Totals figures = statistics.figures(Period.year(year), true).current();
        PublicFigures previousPublished = null;
        Figures.@Nullable Totals previous = null;
        try {
            previousPublished = statistics.publicYear(year - 1);
            previous = statistics.figures(Period.year(year - 1), true).current();
        }
        catch (InvalidPeriod beforeTheRecords) {
            // The year 2000 has no year before it to compare with.
        }
        AnnualReport report = AnnualReport.of(published, figures, previousPublished, previous, new Labels(language, words, categoryNames),
                agencyKinds, site.name(), LocalDate.now(clock.withZone(site.timeZone())));
        StringOutput html = new StringOutput();
        templates.render("stats/annual.jte", Map.of("report", report, "t", words, "lang", language.code()), html);
        return html.toString();
    }
}
