package org.raporto.shared.web;

import java.net.URI;
import java.time.ZoneId;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What differs between countries and installations on every page: the help numbers shown above everything, and
 * where the quick exit leads.
 *
 * @param name         the name of the site, as its visitors know it
 * @param help        the numbers to call when someone is in danger or needs to talk
 * @param quickExitUrl a neutral site that replaces the page at once (absolute http or https address)
 * @param timeZone     the time zone dates are shown in
 * @param publicUrl    where people reach this site (absolute http or https address, without a trailing slash): the
 *                     base of links that leave it, in e-mails; a request's own address cannot be trusted for those
 */
@ConfigurationProperties("raporto.site")
public record SiteProperties(String name, HelpLines help, URI quickExitUrl, ZoneId timeZone, URI publicUrl) {

    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+?[0-9][0-9 ]{1,18}[0-9]");

    public SiteProperties {
        if (name.isBlank()) {
            throw new IllegalArgumentException("raporto.site.name must not be blank");
        }
        requireWebAddress("quick-exit-url", quickExitUrl);
        requireWebAddress("public-url", publicUrl);
        if (publicUrl.getRawQuery() != null || publicUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("raporto.site.public-url must have no query or fragment, not " + publicUrl);
        }
        publicUrl = URI.create(publicUrl.toString().replaceAll("/+$", ""));
    }

    /** The absolute address of one of this site's pages, for a link read outside the site (an e-mail). */
    public String linkTo(String path) {
        return publicUrl + path;
    }

    private static void requireWebAddress(String name, URI address) {
        if (!address.isAbsolute() || address.getHost() == null
                || !(address.getScheme().equals("https") || address.getScheme().equals("http"))) {
            throw new IllegalArgumentException("raporto.site." + name + " must be an absolute http(s) address, not " + address);
        }
    }

    /**
     * @param emergency         the general emergency number (112 in Europe)
     * @param police            the police
     * @param childHelpline     the child helpline (116 111 in Europe)
     * @param childHelplineName the helpline's own name, shown before its number (ALO in Albania); may be blank
     */
    public record HelpLines(String emergency, String police, String childHelpline, String childHelplineName) {

        public HelpLines {
            requirePhoneNumber("emergency", emergency);
            requirePhoneNumber("police", police);
            requirePhoneNumber("child-helpline", childHelpline);
            childHelplineName = childHelplineName.strip();
        }

        private static void requirePhoneNumber(String name, String number) {
            if (!PHONE_NUMBER.matcher(number).matches()) {
                throw new IllegalArgumentException("raporto.site.help." + name + " must be a phone number, not '" + number + "'");
            }
        }
    }
}
