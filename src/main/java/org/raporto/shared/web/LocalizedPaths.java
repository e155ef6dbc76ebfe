package org.raporto.shared.web;

import java.util.EnumMap;
import java.util.Map;

import org.raporto.shared.Language;

/**
 * The address of one page in every language, so that the language switch leads to the same page and search
 * engines learn the translations ({@code hreflang}).
 */
public record LocalizedPaths(Map<Language, String> paths) {

    public LocalizedPaths {
        for (Language language : Language.values()) {
            String path = paths.get(language);
            if (path == null || !path.startsWith(language.homePath())) {
                throw new IllegalArgumentException("No path under " + language.homePath() + " in " + paths);
            }
        }
        paths = Map.copyOf(paths);
    }

    /** A page whose slug differs between languages. */
    public static LocalizedPaths of(String albanian, String english) {
        Map<Language, String> paths = new EnumMap<>(Language.class);
        paths.put(Language.SQ, albanian);
        paths.put(Language.EN, english);
        return new LocalizedPaths(paths);
    }

    /** A page with the same address after the language segment, e.g. {@code raporto} for {@code /sq/raporto}. */
    public static LocalizedPaths same(String pathAfterLanguage) {
        Map<Language, String> paths = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            paths.put(language, language.homePath() + pathAfterLanguage);
        }
        return new LocalizedPaths(paths);
    }

    /** The home pages, for pages that have no counterpart in the other language. */
    public static LocalizedPaths home() {
        return same("");
    }

    public String in(Language language) {
        return paths.get(language);
    }
}
