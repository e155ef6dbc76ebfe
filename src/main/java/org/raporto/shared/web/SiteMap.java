package org.raporto.shared.web;

/**
 * The public addresses that the shared layout links to, in every language. Controllers map these very constants,
 * so a link in the navigation cannot point where no page is.
 */
public final class SiteMap {

    public static final String ABOUT_SQ = "/sq/rreth-nesh";
    public static final String ABOUT_EN = "/en/about";

    public static final LocalizedPaths HOME = LocalizedPaths.home();
    public static final LocalizedPaths ABOUT = LocalizedPaths.of(ABOUT_SQ, ABOUT_EN);
    /** RAPORTO!, the same word in every language: it is the rubric's name. */
    public static final LocalizedPaths REPORT = LocalizedPaths.same("raporto");

    private SiteMap() {
    }
}
