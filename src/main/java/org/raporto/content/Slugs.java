package org.raporto.content;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The last segment of an article's address, made of its title: lower-case ASCII letters and digits joined by hyphens. */
public final class Slugs {

    /** As the schema checks it. */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern OTHER = Pattern.compile("[^a-z0-9]+");
    static final int MAX_LENGTH = 120;

    private Slugs() {
    }

    public static boolean isSlug(String text) {
        return text.length() <= MAX_LENGTH && SLUG.matcher(text).matches();
    }

    /**
     * The slug of a title: accents folded ({@code ë → e}, {@code ç → c}), anything else that is not a letter or digit
     * made a hyphen, at most 120 characters cut at a hyphen; empty when the title has no letter or digit in ASCII.
     */
    public static String of(String title) {
        String folded = MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFKD)).replaceAll("")
                .replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("đ", "d").replace("ł", "l")
                .toLowerCase(Locale.ROOT);
        String slug = OTHER.matcher(folded).replaceAll("-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH);
            int lastHyphen = slug.lastIndexOf('-');
            slug = lastHyphen > 0 ? slug.substring(0, lastHyphen) : slug;
        }
        return slug;
    }
}
