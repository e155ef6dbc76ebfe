package org.raporto.casework;

import org.jspecify.annotations.Nullable;

/**
 * An analyst's assessment of one reported item, compatible with INHOPE's ICCAM v3: the outcome, the kind of harm, and
 * for child sexual abuse material the victim's age group and gender, the type of site, whether it is commercial and
 * how it is paid for, and whether the material is virtual, child modelling or user generated.
 *
 * @param harmCategory  the report category this item belongs to, which may differ from the one the reporter chose
 * @param paymentMethod for commercial material, how it is sold (free text of up to 200 characters, never content)
 */
public record Classification(Outcome outcome, @Nullable String harmCategory, @Nullable AgeGroup ageGroup, @Nullable Gender gender,
        @Nullable SiteType siteType, @Nullable Boolean commercial, @Nullable String paymentMethod, boolean virtual,
        boolean childModelling, boolean userGenerated) {

    public static final int MAX_PAYMENT_METHOD = 200;

    /**
     * @throws IllegalArgumentException when ICCAM's fields are missing for child sexual abuse material, or given for
     *                                  anything else
     */
    public Classification {
        paymentMethod = paymentMethod == null || paymentMethod.isBlank() ? null : paymentMethod.strip();
        if (outcome == Outcome.BASELINE_CSAM) {
            if (ageGroup == null || gender == null || siteType == null || commercial == null) {
                throw new IllegalArgumentException("Child sexual abuse material needs age group, gender, site type and whether it is commercial");
            }
            if (paymentMethod != null && (!commercial || paymentMethod.length() > MAX_PAYMENT_METHOD)) {
                throw new IllegalArgumentException("A payment method only for commercial material, up to 200 characters");
            }
        }
        else if (ageGroup != null || gender != null || siteType != null || commercial != null || paymentMethod != null || virtual
                || childModelling || userGenerated) {
            throw new IllegalArgumentException("ICCAM's fields are only for child sexual abuse material");
        }
    }

    /** An outcome without ICCAM's fields. */
    public static Classification of(Outcome outcome, @Nullable String harmCategory) {
        return new Classification(outcome, harmCategory, null, null, null, null, null, false, false, false);
    }

    /** What an item was found to be. */
    public enum Outcome {
        /** Child sexual abuse material illegal everywhere (INHOPE's baseline). */
        BASELINE_CSAM,
        /** Illegal under Albanian law. */
        NATIONAL_ILLEGAL,
        HARMFUL_NOT_ILLEGAL,
        NOT_ACTIONABLE,
        OUT_OF_REMIT,
        /** The same content as an item assessed before. */
        DUPLICATE;

        public boolean isCsam() {
            return this == BASELINE_CSAM;
        }
    }

    /** ICCAM's age groups of the victim. */
    public enum AgeGroup {
        INFANT, PRE_PUBESCENT, PUBESCENT, NOT_DETERMINED
    }

    /** ICCAM's gender of the victims shown. */
    public enum Gender {
        FEMALE, MALE, BOTH, NOT_DETERMINED
    }

    /** ICCAM's site types. */
    public enum SiteType {
        WEBSITE, FILE_HOST, IMAGE_STORE, IMAGE_BOARD, FORUM, BANNER_SITE, LINK_SITE, SOCIAL_NETWORKING, REDIRECTOR, WEB_ARCHIVE,
        SEARCH_PROVIDER, IMAGE_HOST, BLOG
    }
}
