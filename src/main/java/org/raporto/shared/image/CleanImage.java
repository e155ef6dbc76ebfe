package org.raporto.shared.image;

/**
 * An image re-encoded from its pixels alone: no metadata, no trailing data, nothing the original file carried but
 * what it showed.
 *
 * @param bytes     the encoded image
 * @param mediaType {@code image/png} or {@code image/jpeg}
 */
public record CleanImage(byte[] bytes, String mediaType, int width, int height) {

    public CleanImage {
        if (!mediaType.equals(ImageSanitizer.PNG) && !mediaType.equals(ImageSanitizer.JPEG)) {
            throw new IllegalArgumentException("Not a re-encoded media type: " + mediaType);
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("An image has at least one pixel");
        }
    }

    public int size() {
        return bytes.length;
    }
}
