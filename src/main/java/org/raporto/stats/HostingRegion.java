package org.raporto.stats;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of the world where illegal content was hosted, as the public statistics show it: the continents of the
 * United Nations' geoscheme (M49), with the Americas split into North (Central America and the Caribbean included)
 * and South, and Cyprus counted in Europe as a member of the European Union. A country not listed — Antarctica, or a
 * code not assigned — is {@link #OTHER}.
 */
public enum HostingRegion {

    EUROPE("AD AL AT AX BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE LI LT LU LV MC MD ME MK MT NL "
            + "NO PL PT RO RS RU SE SI SJ SK SM UA VA XK"),
    NORTH_AMERICA("AG AI AW BB BL BM BQ BS BZ CA CR CU CW DM DO GD GL GP GT HN HT JM KN KY LC MF MQ MS MX NI PA PM PR SV SX TC "
            + "TT US VC VG VI"),
    SOUTH_AMERICA("AR BO BR CL CO EC FK GF GS GY PE PY SR UY VE"),
    ASIA("AE AF AM AZ BD BH BN BT CN GE HK ID IL IN IO IQ IR JO JP KG KH KP KR KW KZ LA LB LK MM MN MO MV MY NP OM PH PK PS QA "
            + "SA SG SY TH TJ TL TM TR TW UZ VN YE"),
    AFRICA("AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW KE KM LR LS LY MA MG ML MR MU MW MZ NA NE NG RE "
            + "RW SC SD SH SL SN SO SS ST SZ TD TG TN TZ UG YT ZA ZM ZW"),
    OCEANIA("AS AU CC CK CX FJ FM GU HM KI MH MP NC NF NR NU NZ PF PG PN PW SB TK TO TV UM VU WF WS"),
    OTHER("");

    private static final Map<String, HostingRegion> BY_COUNTRY = new HashMap<>();

    static {
        for (HostingRegion region : values()) {
            for (String country : region.countries) {
                if (BY_COUNTRY.put(country, region) != null) {
                    throw new ExceptionInInitializerError("Country in two regions: " + country);
                }
            }
        }
    }

    private final List<String> countries;

    HostingRegion(String countries) {
        this.countries = countries.isEmpty() ? List.of() : Arrays.asList(countries.split(" "));
    }

    /** The region of an ISO 3166-1 alpha-2 country code. */
    public static HostingRegion of(String country) {
        return BY_COUNTRY.getOrDefault(country, OTHER);
    }
}
