package org.raporto.content;

import java.util.Arrays;
import java.util.Optional;

import org.raporto.shared.Language;

/** Whom an article is written for; each has a hub page at {@code /{lang}/per/{slug}}. */
public enum Audience {

    CHILDREN_6_9("femije-6-9", "children-6-9"),
    CHILDREN_10_12("femije-10-12", "children-10-12"),
    TEENS_13_17("te-rinj-13-17", "teens-13-17"),
    PARENTS("prinder", "parents"),
    TEACHERS("mesues", "teachers"),
    PROFESSIONALS("profesioniste", "professionals");

    private final String slugSq;
    private final String slugEn;

    Audience(String slugSq, String slugEn) {
        this.slugSq = slugSq;
        this.slugEn = slugEn;
    }

    /** The last segment of this audience's hub address in that language. */
    public String slug(Language language) {
        return language == Language.SQ ? slugSq : slugEn;
    }

    public static Optional<Audience> fromSlug(Language language, String slug) {
        return Arrays.stream(values()).filter(audience -> audience.slug(language).equals(slug)).findFirst();
    }
}
