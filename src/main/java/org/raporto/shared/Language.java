package org.raporto.shared;

import java.util.Arrays;
import java.util.List;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A language the portal is written in. Albanian comes first: it is the default whenever we cannot tell.
 * The language of a public page is the first segment of its path ({@code /sq/…}, {@code /en/…}).
 */
public enum Language {

    SQ("sq"),
    EN("en");

    public static final Language DEFAULT = SQ;

    private static final List<String> CODES = Arrays.stream(values()).map(Language::code).toList();

    private final String code;
    private final Locale locale;

    Language(String code) {
        this.code = code;
        this.locale = Locale.forLanguageTag(code);
    }

    public String code() {
        return code;
    }

    /** A moment as people read it in this language: {@code 28.11.2026 14:05} in Albanian, {@code 28 Nov 2026, 14:05} in English. */
    public String dateTime(Instant instant, ZoneId zone) {
        DateTimeFormatter format = this == SQ
                ? DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", locale())
                : DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", locale());
        return format.format(instant.atZone(zone));
    }

    public Locale locale() {
        return locale;
    }

    /** The path of this language's home page, {@code /sq/} or {@code /en/}. */
    public String homePath() {
        return "/" + code + "/";
    }

    public static Optional<Language> fromCode(@Nullable String code) {
        return Arrays.stream(values()).filter(language -> language.code.equals(code)).findFirst();
    }

    /** The language named by the first segment of a request path, if it names one. */
    public static Optional<Language> fromPath(@Nullable String path) {
        if (path == null || path.length() < 2 || path.charAt(0) != '/') {
            return Optional.empty();
        }
        int end = path.indexOf('/', 1);
        return fromCode(end < 0 ? path.substring(1) : path.substring(1, end));
    }

    /**
     * The language a visitor prefers by their {@code Accept-Language} header, honouring its weights.
     * Albanian when the header is missing, malformed or names no language we have.
     */
    public static Language negotiate(@Nullable String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return DEFAULT;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            String tag = Locale.lookupTag(ranges, CODES);
            return fromCode(tag).orElse(DEFAULT);
        }
        catch (IllegalArgumentException malformed) {
            return DEFAULT;
        }
    }
}
