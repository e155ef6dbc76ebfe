package org.raporto.referral.iccam;

import java.util.List;
import java.util.stream.Stream;

/**
 * The two ways an ICCAM exchange file is written. CSV has one row per address with the report's fields repeated, in
 * {@link #COLUMNS}; JSON has an object {@code {"reports": [...]}} with the addresses of each report in its
 * {@code urls}. The columns and fields that are not ICCAM's own names (its API nests or lists them) are:
 * <ul>
 * <li>{@code reportingHotlineCountryCode}: the sending hotline's country;</li>
 * <li>{@code hostingOrganizationName}, {@code hostingAutonomousSystemNumber}: ICCAM's {@code hostingOrganization}
 * object ({@code organizationName}, {@code autonomousSystemNumber}) as two columns;</li>
 * <li>{@code actionLEA} … {@code actionNI}: ICCAM's {@code actions} list ({@code actionType}, {@code actionDate}) as
 * one column per type holding the action's date, and {@code newCountryCode}, the country of a move (MO);</li>
 * <li>{@code sourceUrlPaymentMethods}: ICCAM's list of numbers, separated by {@code ;}.</li>
 * </ul>
 * Codes are ICCAM's numbers ({@link IccamCodes}), dates ISO 8601 in UTC to the second ({@code 2026-11-28T09:15:00Z}),
 * booleans {@code true} or {@code false}.
 */
public enum IccamFormat {

    JSON("application/json", "json"),
    CSV("text/csv", "csv");

    static final List<String> REPORT_COLUMNS = List.of("hotlineReference", "hotlineReceivedDate", "reportingHotlineCountryCode",
            "sourceUrlSiteType", "sourceUrlCommerciality", "sourceUrlPaymentMethods");
    static final List<String> URL_COLUMNS = List.of("urlString", "isSourceUrl", "contentType", "hostingCountryCode", "hostingIpAddress",
            "hostingOrganizationName", "hostingAutonomousSystemNumber", "classification", "ageCategorization", "genderCategorization",
            "virtualContentCategorization", "childModelingCategorization", "userGeneratedContentCategorization", "actionLEA", "actionISP",
            "actionCR", "actionCU", "actionMO", "newCountryCode", "actionNI");
    /** Every column of the CSV form, in order. */
    public static final List<String> COLUMNS = Stream.concat(REPORT_COLUMNS.stream(), URL_COLUMNS.stream()).toList();
    /** The columns without which a file is refused; the others have defaults (not determined, false, none). */
    public static final List<String> REQUIRED = List.of("hotlineReference", "hotlineReceivedDate", "urlString", "classification");

    private final String mediaType;
    private final String extension;

    IccamFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }
}
