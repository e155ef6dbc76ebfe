package org.raporto.stats.web;

import java.util.List;
import java.util.stream.Stream;

/** The message keys of the methodology's paragraphs, in order: the public page and the annual report say the same. */
public final class Methodology {

    /** What the public page explains. */
    public static final List<String> PUBLIC = List.of("stats.public.method.counted", "stats.public.method.outcome",
            "stats.public.method.removal", "stats.public.method.regions", "stats.public.method.small", "stats.public.method.csam",
            "stats.public.method.privacy");

    /** The public page's paragraphs, then those on what only the annual report has: times, shares, the year before. */
    public static final List<String> ANNUAL = Stream.concat(PUBLIC.stream(),
            Stream.of("stats.annual.method.derived", "stats.annual.method.times", "stats.annual.method.previous")).toList();

    private Methodology() {
    }
}
