package org.raporto.referral.iccam;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.raporto.referral.iccam.IccamCodes.Commerciality;
import org.raporto.referral.iccam.IccamCodes.PaymentMethod;
import org.raporto.referral.iccam.IccamCodes.SiteType;

/**
 * One report as ICCAM v3 exchanges it between hotlines: the general fields of the report and its addresses. Field
 * names are ICCAM's; the one it has no public name for is listed below.
 *
 * @param hotlineReference            the reference the sending hotline knows the report by (ours: {@code R-2026-000123})
 * @param hotlineReceivedDate         when the sending hotline received it, to the second
 * @param reportingHotlineCountryCode the sending hotline's country (ISO 3166-1 alpha-2); null when the file does not say.
 *                                    Our name: ICCAM knows the sender from its account, a file does not
 * @param sourceUrlSiteType           the kind of site of the reported address
 * @param sourceUrlPaymentMethods     how commercial material is paid for; never empty
 * @param urls                        the addresses, one to {@link #MAX_URLS}, each once
 */
public record IccamReport(String hotlineReference, Instant hotlineReceivedDate, @Nullable String reportingHotlineCountryCode,
        SiteType sourceUrlSiteType, Commerciality sourceUrlCommerciality, List<PaymentMethod> sourceUrlPaymentMethods, List<IccamUrl> urls) {

    /** As many addresses as one report may hold in Raporto. */
    public static final int MAX_URLS = 20;
    public static final int MAX_REFERENCE = 100;

    static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern REFERENCE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._/:#-]*");

    /** @throws IllegalArgumentException when a field breaks the rules above */
    public IccamReport {
        Objects.requireNonNull(sourceUrlSiteType);
        Objects.requireNonNull(sourceUrlCommerciality);
        if (!isReference(hotlineReference)) {
            throw new IllegalArgumentException("A hotline reference has 1 to " + MAX_REFERENCE + " letters, digits and . _ / : # - or spaces");
        }
        hotlineReceivedDate = hotlineReceivedDate.truncatedTo(ChronoUnit.SECONDS);
        if (reportingHotlineCountryCode != null && !COUNTRY.matcher(reportingHotlineCountryCode).matches()) {
            throw new IllegalArgumentException("Not an ISO 3166-1 alpha-2 code: " + reportingHotlineCountryCode);
        }
        sourceUrlPaymentMethods = List.copyOf(sourceUrlPaymentMethods.isEmpty() ? List.of(PaymentMethod.NOT_DETERMINED)
                : sourceUrlPaymentMethods.stream().distinct().toList());
        urls = List.copyOf(urls);
        if (urls.isEmpty() || urls.size() > MAX_URLS) {
            throw new IllegalArgumentException("A report has 1 to " + MAX_URLS + " addresses");
        }
        if (new HashSet<>(urls.stream().map(IccamUrl::urlString).toList()).size() != urls.size()) {
            throw new IllegalArgumentException("An address appears twice in one report");
        }
    }

    public static boolean isReference(String text) {
        return text.length() <= MAX_REFERENCE && REFERENCE.matcher(text).matches();
    }

    /** Whether an address of it is, or may be, child sexual abuse material. */
    public boolean isCsam() {
        return urls.stream().anyMatch(url -> url.assessment().classification().isCsam());
    }
}
