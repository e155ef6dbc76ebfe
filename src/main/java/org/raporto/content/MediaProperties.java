package org.raporto.content;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The limits of the media library's uploads. They must stay under the multipart limits
 * ({@code spring.servlet.multipart.max-file-size}, 60 MB), so that a file too large is refused by the upload form with
 * its own message rather than by the server with an error page.
 *
 * @param imageMaxSize   the largest image file taken, before it is re-encoded
 * @param imageMaxPixels the most pixels an image may have (width × height), checked before any pixel is decoded
 * @param pdfMaxSize     the largest PDF taken
 */
@ConfigurationProperties("raporto.content.media")
public record MediaProperties(@DefaultValue("5MB") DataSize imageMaxSize, @DefaultValue("25000000") long imageMaxPixels,
        @DefaultValue("20MB") DataSize pdfMaxSize) {

    public MediaProperties {
        check("image-max-size", imageMaxSize);
        check("pdf-max-size", pdfMaxSize);
        if (imageMaxPixels < 1) {
            throw new IllegalArgumentException("raporto.content.media.image-max-pixels must be at least 1");
        }
    }

    /** The larger of the two limits: no file beyond it needs to be read at all. */
    public long maxSize() {
        return Math.max(imageMaxSize.toBytes(), pdfMaxSize.toBytes());
    }

    private static void check(String name, DataSize size) {
        if (size.toBytes() < 1 || size.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("raporto.content.media." + name + " must be between 1 byte and 2 GB");
        }
    }
}
