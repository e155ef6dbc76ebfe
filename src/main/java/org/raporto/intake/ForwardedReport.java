package org.raporto.intake;

import java.util.List;
import java.util.regex.Pattern;

import org.raporto.tracing.CanonicalUrl;

/**
 * A report another hotline forwarded (INHOPE's ICCAM exchange): its addresses, the category the hotline's assessment
 * puts it in, and who forwarded it under which reference. There is no reporter: no description, contact or receipt.
 *
 * @param hotlineCountry   the forwarding hotline's country (ISO 3166-1 alpha-2)
 * @param hotlineReference the forwarding hotline's reference, which with its country identifies the report
 */
public record ForwardedReport(String category, List<CanonicalUrl> urls, String hotlineCountry, String hotlineReference) {

    public static final int MAX_REFERENCE = 100;

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    /** @throws IllegalArgumentException when there is no address, or the country or reference is malformed */
    public ForwardedReport {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("A forwarded report has at least one address");
        }
        if (!COUNTRY.matcher(hotlineCountry).matches()) {
            throw new IllegalArgumentException("Not an ISO 3166-1 alpha-2 code: " + hotlineCountry);
        }
        if (hotlineReference.isBlank() || hotlineReference.length() > MAX_REFERENCE || hotlineReference.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("A hotline reference has 1 to " + MAX_REFERENCE + " characters, none of them a control");
        }
    }

    /**
     * What became of a forwarded report.
     *
     * @param id        the report
     * @param reference our reference of the report
     * @param created   false when the same hotline had forwarded it under the same reference before: nothing was stored
     */
    public record Received(ReportId id, String reference, boolean created) {
    }
}
