package org.raporto.shared.image;

/** Why an upload is not taken as an image; nothing of it is kept. */
public class ImageRefused extends RuntimeException {

    private final Reason reason;

    ImageRefused(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Each reason has its own message for the person who uploaded the file. */
    public enum Reason {
        /** Nothing was sent. */
        EMPTY,
        /** More bytes than allowed. */
        TOO_LARGE,
        /** Not a JPEG, PNG or WebP image by its content, whatever its name says. */
        NOT_AN_IMAGE,
        /** More pixels than allowed, or a side longer than allowed: a decompression bomb or close to one. */
        TOO_MANY_PIXELS,
        /** Looks like an image but does not decode. */
        UNREADABLE,
        /** Too many images are being decoded right now; trying again in a moment works. */
        BUSY
    }
}
