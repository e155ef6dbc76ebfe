package org.raporto.content.web;

import org.raporto.shared.Language;

/**
 * Where a search result leads: the public address of an article by its type and slug. The article pages' own
 * addressing replaces this class when they land; until then it follows their agreed scheme ({@code /sq/udhezues/{slug}},
 * {@code /en/guides/{slug}} for guides, and the same pattern for the other types).
 */
final class ContentSearchLinks {

    private ContentSearchLinks() {
    }

    static String article(Language language, String type, String slug) {
        boolean sq = language == Language.SQ;
        String home = language.homePath();
        return switch (type) {
            case "GUIDE" -> home + (sq ? "udhezues/" : "guides/") + slug;
            case "MANUAL" -> home + (sq ? "manuale/" : "manuals/") + slug;
            case "NEWS" -> home + (sq ? "lajme/" : "news/") + slug;
            case "RESOURCE" -> home + (sq ? "burime/" : "resources/") + slug;
            case "FAQ" -> home + (sq ? "pyetje" : "faq") + "#" + slug;
            case "PARTNER" -> home + (sq ? "partneret" : "partners") + "#" + slug;
            default -> home + (sq ? "faqe/" : "pages/") + slug;
        };
    }
}
