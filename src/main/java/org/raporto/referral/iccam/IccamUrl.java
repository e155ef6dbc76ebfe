package org.raporto.referral.iccam;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.raporto.referral.iccam.IccamCodes.ActionType;
import org.raporto.referral.iccam.IccamCodes.AgeGroup;
import org.raporto.referral.iccam.IccamCodes.Classification;
import org.raporto.referral.iccam.IccamCodes.ContentType;
import org.raporto.referral.iccam.IccamCodes.Gender;

import inet.ipaddr.IPAddressString;

/**
 * One address of an ICCAM report, with where it is hosted, its assessment and what was done about it. Field names are
 * ICCAM's; {@code hostingOrganization} is written as one object in JSON and as two columns in CSV.
 *
 * @param urlString                     an absolute http or https address of up to 2,048 characters
 * @param isSourceUrl                   whether it is the address the report was first made about
 * @param hostingCountryCode            where the content is hosted (ISO 3166-1 alpha-2); null when not known
 * @param hostingIpAddress              the address it is served from; null when not known
 * @param hostingOrganizationName       the owner of the network that announces that address; null when not known
 * @param hostingAutonomousSystemNumber that network's number; null when not known
 * @param actions                       what was done, at most one of each type, in ICCAM's order of types
 */
public record IccamUrl(String urlString, boolean isSourceUrl, ContentType contentType, @Nullable String hostingCountryCode,
        @Nullable String hostingIpAddress, @Nullable String hostingOrganizationName, @Nullable Long hostingAutonomousSystemNumber,
        Assessment assessment, List<Action> actions) {

    public static final int MAX_URL = 2048;
    public static final int MAX_ORGANIZATION = 200;

    /** @throws IllegalArgumentException when a field breaks the rules above */
    public IccamUrl {
        Objects.requireNonNull(contentType);
        Objects.requireNonNull(assessment);
        if (!isWebAddress(urlString)) {
            throw new IllegalArgumentException("Not an absolute http(s) address of up to " + MAX_URL + " characters");
        }
        if (hostingCountryCode != null && !IccamReport.COUNTRY.matcher(hostingCountryCode).matches()) {
            throw new IllegalArgumentException("Not an ISO 3166-1 alpha-2 code: " + hostingCountryCode);
        }
        if (hostingIpAddress != null && !isIpAddress(hostingIpAddress)) {
            throw new IllegalArgumentException("Not an IP address: " + hostingIpAddress);
        }
        if (hostingOrganizationName != null && (hostingOrganizationName.isBlank() || hostingOrganizationName.length() > MAX_ORGANIZATION
                || hostingOrganizationName.chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException("A network's name has 1 to " + MAX_ORGANIZATION + " characters, none of them a control");
        }
        if (hostingAutonomousSystemNumber != null && (hostingAutonomousSystemNumber < 0 || hostingAutonomousSystemNumber > 4294967295L)) {
            throw new IllegalArgumentException("Not an autonomous system number: " + hostingAutonomousSystemNumber);
        }
        Set<ActionType> types = EnumSet.noneOf(ActionType.class);
        for (Action action : actions) {
            if (!types.add(action.actionType())) {
                throw new IllegalArgumentException("An action of type " + action.actionType() + " appears twice");
            }
        }
        actions = actions.stream().sorted(Comparator.comparing(Action::actionType)).toList();
    }

    public static boolean isWebAddress(String text) {
        if (text.length() > MAX_URL || text.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            return false;
        }
        try {
            java.net.URI uri = new java.net.URI(text);
            return uri.isAbsolute() && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getRawAuthority() != null && !uri.getRawAuthority().isEmpty();
        }
        catch (java.net.URISyntaxException malformed) {
            return false;
        }
    }

    public static boolean isIpAddress(String text) {
        return text.length() <= 45 && new IPAddressString(text).isIPAddress();
    }

    /** The action of this type, if it was taken. */
    public @Nullable Action action(ActionType type) {
        return actions.stream().filter(action -> action.actionType() == type).findFirst().orElse(null);
    }

    /**
     * An analyst's assessment of the content at the address, in ICCAM's terms.
     *
     * @param virtualContentCategorization       drawn, rendered or generated rather than photographed
     * @param childModelingCategorization        child modelling (posed, clothed or partly clothed)
     * @param userGeneratedContentCategorization made by the child, or seemingly by the child
     */
    public record Assessment(Classification classification, AgeGroup ageCategorization, Gender genderCategorization,
            boolean virtualContentCategorization, boolean childModelingCategorization, boolean userGeneratedContentCategorization) {

        public Assessment {
            Objects.requireNonNull(classification);
            Objects.requireNonNull(ageCategorization);
            Objects.requireNonNull(genderCategorization);
        }
    }

    /**
     * One thing done about the address.
     *
     * @param actionDate     when, to the second
     * @param newCountryCode for {@link ActionType#MO}, the country the content moved to; null for the others, and when
     *                       not known
     */
    public record Action(ActionType actionType, Instant actionDate, @Nullable String newCountryCode) {

        public Action {
            Objects.requireNonNull(actionType);
            actionDate = actionDate.truncatedTo(ChronoUnit.SECONDS);
            if (newCountryCode != null && (actionType != ActionType.MO || !IccamReport.COUNTRY.matcher(newCountryCode).matches())) {
                throw new IllegalArgumentException("Only a move has a new country, an ISO 3166-1 alpha-2 code");
            }
        }
    }
}
