package org.raporto.shared.web;

/**
 * The public addresses that the shared layout links to, in every language. Controllers map these very constants,
 * so a link in the navigation cannot point where no page is.
 */
public final class SiteMap {

    public static final String ABOUT_SQ = "/sq/rreth-nesh";
    public static final String ABOUT_EN = "/en/about";
    public static final String FOLLOW_UP_SQ = "/sq/raporto/ndiq";
    public static final String FOLLOW_UP_EN = "/en/raporto/follow-up";
    public static final String API_SQ = "/sq/api";
    public static final String API_EN = "/en/api";
    public static final String NEWS_SQ = "/sq/lajme";
    public static final String NEWS_EN = "/en/news";
    public static final String FAQ_SQ = "/sq/pyetje";
    public static final String FAQ_EN = "/en/faq";
    public static final String PARTNERS_SQ = "/sq/partneret";
    public static final String PARTNERS_EN = "/en/partners";
    public static final String NEWS_RSS_SQ = "/sq/lajme/rss.xml";
    public static final String NEWS_RSS_EN = "/en/news/rss.xml";
    public static final String NEWS_ATOM_SQ = "/sq/lajme/atom.xml";
    public static final String NEWS_ATOM_EN = "/en/news/atom.xml";

    public static final LocalizedPaths HOME = LocalizedPaths.home();
    public static final LocalizedPaths ABOUT = LocalizedPaths.of(ABOUT_SQ, ABOUT_EN);
    /** RAPORTO!, the same word in every language: it is the rubric's name. */
    public static final LocalizedPaths REPORT = LocalizedPaths.same("raporto");
    /** Following a report with its receipt; e-mails to reporters link here. */
    public static final LocalizedPaths FOLLOW_UP = LocalizedPaths.of(FOLLOW_UP_SQ, FOLLOW_UP_EN);
    /** The reporting API described for the people who write apps and partners' systems against it. */
    public static final LocalizedPaths API = LocalizedPaths.of(API_SQ, API_EN);
    /** The portal's content (module content): the news, the questions people ask, the partners. */
    public static final LocalizedPaths NEWS = LocalizedPaths.of(NEWS_SQ, NEWS_EN);
    public static final LocalizedPaths FAQ = LocalizedPaths.of(FAQ_SQ, FAQ_EN);
    public static final String SEARCH_SQ = "/sq/kerko";
    public static final String SEARCH_EN = "/en/search";
    public static final LocalizedPaths SEARCH = LocalizedPaths.of(SEARCH_SQ, SEARCH_EN);
    public static final LocalizedPaths PARTNERS = LocalizedPaths.of(PARTNERS_SQ, PARTNERS_EN);
    /** The news as RSS 2.0 and as Atom, which every public page announces in its head. */
    public static final LocalizedPaths NEWS_RSS = LocalizedPaths.of(NEWS_RSS_SQ, NEWS_RSS_EN);
    public static final LocalizedPaths NEWS_ATOM = LocalizedPaths.of(NEWS_ATOM_SQ, NEWS_ATOM_EN);
    public static final String STATISTICS_SQ = "/sq/statistika";
    public static final String STATISTICS_EN = "/en/statistics";
    /** The public statistics (module stats). */
    public static final LocalizedPaths STATISTICS = LocalizedPaths.of(STATISTICS_SQ, STATISTICS_EN);

    private SiteMap() {
    }
}
