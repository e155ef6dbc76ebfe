package org.raporto.referral.iccam;

import java.util.Optional;

/**
 * ICCAM's code lists, each value with the number ICCAM gives it. ICCAM v3 serves its lookups from its own API to
 * member hotlines only; the numbers here are those ICCAM published with its API version 2, which hotline software
 * (AbuseIO SCART) still maps v3 to. A hotline whose ICCAM lookups differ maps them on its side.
 */
public final class IccamCodes {

    private IccamCodes() {
    }

    /** A value of one of ICCAM's code lists. */
    public interface Coded {

        /** ICCAM's number for it. */
        int id();
    }

    /** The value of a code list with this number, if there is one. */
    public static <E extends Enum<E> & Coded> Optional<E> of(Class<E> list, int id) {
        for (E value : list.getEnumConstants()) {
            if (value.id() == id) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** {@code sourceUrlSiteType}: what kind of site the reported address is on. */
    public enum SiteType implements Coded {
        NOT_DETERMINED(1), WEBSITE(2), FILE_HOST(3), IMAGE_STORE(4), IMAGE_BOARD(5), FORUM(6), BANNER_SITE(7), LINK_SITE(8),
        SOCIAL_NETWORKING(9), REDIRECTOR(10), WEB_ARCHIVE(11), SEARCH_PROVIDER(18), IMAGE_HOST(20), BLOG(22), WEBPAGE(23), NOT_APPLICABLE(24);

        private final int id;

        SiteType(int id) {
            this.id = id;
        }

        @Override
        public int id() {
            return id;
        }
    }

    /** {@code sourceUrlCommerciality}: whether the material is sold. */
    public enum Commerciality implements Coded {
        NOT_DETERMINED(1), COMMERCIAL(2), NON_COMMERCIAL(3);

        private final int id;

        Commerciality(int id) {
            this.id = id;
        }

        @Override
        public int id() {
            return id;
        }
    }

    /** {@code sourceUrlPaymentMethods}: how commercial material is paid for. */
    public enum PaymentMethod implements Coded {
        NOT_DETERMINED(1), AMEX(2), DINERS(3), MASTERCARD(4), PAYPAL(5), VISA(6), WESTERN_UNION(7), OTHER(8), NONE(9), SMS(10),
        EMAIL(11), LIBERTY_RESERVE(12), BITCOIN(13);

        private final int id;

        PaymentMethod(int id) {
            this.id = id;
        }

        @Override
        public int id() {
            return id;
        }
    }

    /** {@code contentType}: a single image or video, or a page that shows several. */
    public enum ContentType implements Coded {
        MEDIA(1), WEBSITE(2);

        private final int id;

        ContentType(int id) {
            this.id = id;
        }

        @Override
        public int id() {
            return id;
        }
    }

    /**
     * {@code classification}: illegal everywhere (INHOPE's baseline), illegal in the assessing hotline's country,
     * doubtful, or not illegal (ICCAM's "ignore").
     */
    public enum Classification implements Coded {
        BASELINE(1), NATIONAL(2), DOUBTFUL(3), NOT_ILLEGAL(4);

        private final int id;

        Classification(int id) {
            this.id = id;
        }

        @Override
        public int id() {
            return id;
        }

        /** Whether the material is, or may be, child sexual abuse material. */
        public boolean isCsam() {
            return this != NOT_ILLEGAL;
        }
    }

    /** {@code ageCategorization}: the age group of the youngest victim. */
    public enum AgeGroup implements Coded {
        NOT_DETERMINED(1), INFANT(2), PRE_PUBESCENT(3), PUBESCENT(4);

        private final int id;

        AgeGroup(int id) {
            this.id = id;
        }

        @Override
        public int id() {
            return id;
        }
    }

    /** {@code genderCategorization}: the gender of the victims shown. */
    public enum Gender implements Coded {
        NOT_DETERMINED(1), FEMALE(2), MALE(3), BOTH(4);

        private final int id;

        Gender(int id) {
            this.id = id;
        }

        @Override
        public int id() {
            return id;
        }
    }

    /**
     * {@code actionType}: what was done about an address. LEA: referred to law enforcement; ISP: a notice to the hosting
     * provider; CR: the content was removed; CU: the content is unavailable (gone, but not known to be removed by the
     * host: the page answers with an error, or needs a login); MO: the content moved to another country; NI: not
     * illegal, nothing to do.
     */
    public enum ActionType implements Coded {
        LEA(1), ISP(2), CR(3), CU(4), MO(5), NI(7);

        private final int id;

        ActionType(int id) {
            this.id = id;
        }

        @Override
        public int id() {
            return id;
        }
    }
}
