package org.raporto.stats.web;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;

import org.raporto.shared.Language;

/**
 * The words for the codes the figures count by, in the reader's language: one place, so that the dashboard, the public
 * page and the annual report name every row alike.
 */
public record Labels(Language language, Dashboard.Words words, Map<String, String> categories) {

    public String category(String code) {
        return categories.getOrDefault(code, code);
    }

    public String channel(String code) {
        return words.apply("casework.channel." + code);
    }

    public String role(String code) {
        return words.apply("report.role." + code);
    }

    public String age(String code) {
        return words.apply("report.age." + code);
    }

    public String outcome(String code) {
        return words.apply(CaseFilters.outcomeKey(code));
    }

    public String region(String code) {
        return words.apply("stats.region." + code);
    }

    public String country(String code) {
        return new Locale("", code).getDisplayCountry(language.locale());
    }

    /** {@code code} is the month's number, 1 to 12. */
    public String month(String code) {
        return Month.of(Integer.parseInt(code)).getDisplayName(TextStyle.FULL_STANDALONE, language.locale());
    }

    public String removal(String band) {
        return words.apply("stats.public.removal." + band);
    }

    public String agencyKind(String kind) {
        return words.apply("referral.kind." + kind);
    }

    public String referralStatus(String status) {
        return words.apply("stats.referral.status." + status);
    }
}
