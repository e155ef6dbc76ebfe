package org.raporto.content;

import org.jspecify.annotations.Nullable;
import org.raporto.shared.Language;

/**
 * A subject articles are about (data in {@code content_topic}).
 *
 * @param reportCategory the report category a reader of this topic may want to report in; null when there is none,
 *                       and then its articles show no RAPORTO! box
 */
public record Topic(String code, String nameSq, String nameEn, String slugSq, String slugEn, @Nullable String reportCategory) {

    public String name(Language language) {
        return language == Language.SQ ? nameSq : nameEn;
    }

    public String slug(Language language) {
        return language == Language.SQ ? slugSq : slugEn;
    }

    public boolean reportable() {
        return reportCategory != null;
    }
}
