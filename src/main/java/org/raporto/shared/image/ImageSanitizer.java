package org.raporto.shared.image;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.imageio.IIOImage;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageInputStreamImpl;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;

/**
 * Takes an uploaded file as an image only if its content is a JPEG, PNG or WebP image within the limits, and keeps
 * nothing of the file but its pixels: the image is decoded and encoded again, which drops metadata (location,
 * camera, software), trailing data and anything a polyglot file hides in it.
 * <p>
 * The limits stop decompression bombs before they cost memory: the file's size first, then the dimensions its
 * header declares (read before any pixel is decoded), then the number of scans of a progressive JPEG. Damaged data
 * can still keep a decoder busy far longer than its pixels justify (a WebP of fifty bytes, cut short, decoded for
 * minutes), so decoding stops at a time limit. Only a few images are decoded at a time, so that many uploads at once
 * cannot exhaust memory; beyond that an upload is refused as {@link ImageRefused.Reason#BUSY}.
 * <p>
 * Images are decoded in memory only: ImageIO's default would copy the upload to a temporary file in clear.
 */
public class ImageSanitizer {

    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    /** 10 MB per file. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    /** 40 megapixels. */
    public static final long MAX_PIXELS = 40_000_000L;
    /** No real screenshot or photo is longer on a side; a longer side is a bomb in the making. */
    static final int MAX_SIDE = 30_000;
    /** Progressive JPEGs have about ten scans; thousands make a small file that decodes for minutes. */
    static final int MAX_JPEG_SCANS = 100;
    /** Decoding 40 megapixels takes a second or two; ten leave room for a slow server. */
    static final Duration MAX_DECODE_TIME = Duration.ofSeconds(10);
    private static final float JPEG_QUALITY = 0.9f;

    private final int maxBytes;
    private final long maxPixels;
    private final Semaphore decoding;
    private final Duration wait;
    private final Duration decodeTime;

    public ImageSanitizer() {
        this(MAX_BYTES, MAX_PIXELS, Math.max(1, Runtime.getRuntime().availableProcessors()), Duration.ofSeconds(20), MAX_DECODE_TIME);
    }

    /**
     * With limits of its own, for uploads that need other limits than screenshots (the media library's): at most
     * {@code maxBytes} per file and {@code maxPixels} per image, checked before any pixel is decoded.
     */
    public ImageSanitizer(int maxBytes, long maxPixels) {
        this(maxBytes, maxPixels, Math.max(1, Runtime.getRuntime().availableProcessors()), Duration.ofSeconds(20), MAX_DECODE_TIME);
    }

    ImageSanitizer(int maxBytes, long maxPixels, int concurrentDecodes, Duration wait) {
        this(maxBytes, maxPixels, concurrentDecodes, wait, MAX_DECODE_TIME);
    }

    /**
     * @param decodeTime how long one image may take to decode; beyond it the upload is refused as unreadable
     */
    ImageSanitizer(int maxBytes, long maxPixels, int concurrentDecodes, Duration wait, Duration decodeTime) {
        this.maxBytes = maxBytes;
        this.maxPixels = maxPixels;
        this.decoding = new Semaphore(concurrentDecodes, true);
        this.wait = wait;
        this.decodeTime = decodeTime;
    }

    /**
     * @throws ImageRefused when the upload is not taken, with the reason to tell the person who sent it
     */
    public CleanImage clean(byte[] upload) {
        if (upload.length == 0) {
            throw new ImageRefused(ImageRefused.Reason.EMPTY);
        }
        if (upload.length > maxBytes) {
            throw new ImageRefused(ImageRefused.Reason.TOO_LARGE);
        }
        Format format = Format.of(upload);
        if (format == Format.JPEG && scans(upload) > MAX_JPEG_SCANS) {
            throw new ImageRefused(ImageRefused.Reason.UNREADABLE);
        }
        if (format == Format.WEBP && cutShort(upload)) {
            throw new ImageRefused(ImageRefused.Reason.UNREADABLE);
        }
        try {
            if (!decoding.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ImageRefused(ImageRefused.Reason.BUSY);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageRefused(ImageRefused.Reason.BUSY);
        }
        try {
            BufferedImage pixels = decode(upload, format, System.nanoTime() + decodeTime.toNanos());
            return encode(pixels, format);
        }
        finally {
            decoding.release();
        }
    }

    private BufferedImage decode(byte[] upload, Format format, long deadline) {
        ImageReader reader = format.reader();
        try (ImageInputStream in = new GuardedInput(upload, deadline)) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width < 1 || height < 1) {
                throw new ImageRefused(ImageRefused.Reason.UNREADABLE);
            }
            if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > maxPixels) {
                throw new ImageRefused(ImageRefused.Reason.TOO_MANY_PIXELS);
            }
            BufferedImage decoded = reader.read(0);
            return upright(decoded, format == Format.JPEG ? orientation(upload, deadline) : 1);
        }
        catch (IOException | RuntimeException broken) {
            // Decoders answer damaged input with any runtime exception; all of them mean the same to the reporter.
            if (broken instanceof ImageRefused refused) {
                throw refused;
            }
            throw new ImageRefused(ImageRefused.Reason.UNREADABLE);
        }
        finally {
            reader.dispose();
        }
    }

    /** Draws the pixels onto a plain RGB(A) canvas, turned the way the camera's orientation tag says. */
    private static BufferedImage upright(BufferedImage decoded, int orientation) {
        int width = decoded.getWidth();
        int height = decoded.getHeight();
        boolean turned = orientation >= 5 && orientation <= 8;
        boolean alpha = decoded.getColorModel().hasAlpha();
        BufferedImage canvas = new BufferedImage(turned ? height : width, turned ? width : height,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = canvas.createGraphics();
        try {
            graphics.setComposite(AlphaComposite.Src);
            graphics.drawImage(decoded, transform(orientation, width, height), null);
        }
        finally {
            graphics.dispose();
        }
        return canvas;
    }

    /** The EXIF orientations 1–8: how a stored image of this size maps onto the upright one. */
    private static AffineTransform transform(int orientation, int w, int h) {
        return switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> new AffineTransform();
        };
    }

    /**
     * PNG keeps screenshots' text sharp; photographs, and anything PNG would make larger than the upload limit, are
     * stored as JPEG (on white where they were transparent).
     */
    private CleanImage encode(BufferedImage image, Format source) {
        if (source == Format.PNG || image.getColorModel().hasAlpha()) {
            byte[] png = write(image, "png", null);
            if (png.length <= maxBytes) {
                return new CleanImage(png, PNG, image.getWidth(), image.getHeight());
            }
        }
        BufferedImage opaque = image;
        if (image.getColorModel().hasAlpha()) {
            opaque = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D graphics = opaque.createGraphics();
            try {
                graphics.drawImage(image, 0, 0, Color.WHITE, null);
            }
            finally {
                graphics.dispose();
            }
        }
        return new CleanImage(write(opaque, "jpeg", JPEG_QUALITY), JPEG, opaque.getWidth(), opaque.getHeight());
    }

    private static byte[] write(BufferedImage image, String format, Float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            if (quality != null) {
                parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                parameters.setCompressionQuality(quality);
            }
            // No metadata is given, so none is written.
            writer.write(null, new IIOImage(image, null, null), parameters);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not encode an image in memory", e);
        }
        finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The camera's orientation tag, 1 (as stored) when there is none or it cannot be read. */
    private static int orientation(byte[] jpeg, long deadline) {
        try (ImageInputStream in = new GuardedInput(jpeg, deadline)) {
            List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(in, com.twelvemonkeys.imageio.metadata.jpeg.JPEG.APP1, "Exif");
            if (exif.isEmpty()) {
                return 1;
            }
            InputStream data = exif.get(0).data();
            // The identifier "Exif\0" is followed by one byte of padding before the TIFF structure.
            if (data.read() < 0) {
                return 1;
            }
            try (ImageInputStream tiff = new GuardedInput(data.readAllBytes(), deadline)) {
                Entry entry = new TIFFReader().read(tiff).getEntryById(TIFF.TAG_ORIENTATION);
                return entry != null && entry.getValue() instanceof Number number ? number.intValue() : 1;
            }
        }
        catch (IOException | RuntimeException unreadable) {
            return 1;
        }
    }

    /**
     * A WebP whose RIFF header declares more bytes than the file has was cut short: its decoder would read on past the
     * end as if it were zeros. Bytes after the declared end are allowed; they are dropped with the rest of the file.
     */
    private static boolean cutShort(byte[] webp) {
        long declared = (webp[4] & 0xFFL) | (webp[5] & 0xFFL) << 8 | (webp[6] & 0xFFL) << 16 | (webp[7] & 0xFFL) << 24;
        return declared + 8 > webp.length;
    }

    /** Start-of-scan markers: in the compressed data every 0xFF is followed by 0x00 or a restart marker. */
    private static int scans(byte[] jpeg) {
        int scans = 0;
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if (jpeg[i] == (byte) 0xFF && jpeg[i + 1] == (byte) 0xDA) {
                scans++;
            }
        }
        return scans;
    }

    /**
     * The upload as decoders read it: from memory, only until the deadline, and not on and on past its end. Every
     * decoder, native or not, reads through here, so a decoder lost in garbage stops with an {@link IIOException},
     * which is not the end-of-file that some decoders take for more zeros.
     */
    private static final class GuardedInput extends ImageInputStreamImpl {

        /** A sound decoder looks a few bytes past the end at most; one that keeps trying is decoding nothing. */
        private static final int MAX_READS_PAST_END = 1000;

        private final byte[] bytes;
        private final long deadline;
        private int reads;
        private int readsPastEnd;

        GuardedInput(byte[] bytes, long deadline) {
            this.bytes = bytes;
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            checkTime();
            bitOffset = 0;
            if (streamPos >= bytes.length) {
                return pastEnd();
            }
            return bytes[(int) streamPos++] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, buffer.length);
            checkTime();
            bitOffset = 0;
            if (length == 0) {
                return 0;
            }
            if (streamPos >= bytes.length) {
                return pastEnd();
            }
            int n = (int) Math.min(length, bytes.length - streamPos);
            System.arraycopy(bytes, (int) streamPos, buffer, offset, n);
            streamPos += n;
            return n;
        }

        @Override
        public long length() {
            return bytes.length;
        }

        private int pastEnd() throws IIOException {
            if (++readsPastEnd > MAX_READS_PAST_END) {
                throw new IIOException("Reading on past the end of the image");
            }
            return -1;
        }

        /** The clock is read once in a thousand reads: WebP is read a byte at a time. */
        private void checkTime() throws IIOException {
            if ((++reads & 0x3FF) == 0 && System.nanoTime() - deadline > 0) {
                throw new IIOException("Decoding took longer than allowed");
            }
        }
    }

    /** The formats taken, recognised by their first bytes. */
    private enum Format {
        JPEG, PNG, WEBP;

        static Format of(byte[] bytes) {
            if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
                return JPEG;
            }
            if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
                return PNG;
            }
            if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
                return WEBP;
            }
            throw new ImageRefused(ImageRefused.Reason.NOT_AN_IMAGE);
        }

        ImageReader reader() {
            if (this == WEBP) {
                // Made directly rather than found through ImageIO's registry, which does not see plugins inside
                // the application's jar in every class loader.
                return new WebPImageReaderSpi().createReaderInstance(null);
            }
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(name().toLowerCase(java.util.Locale.ROOT));
            return readers.next();
        }

        private static boolean startsWith(byte[] bytes, int offset, int... expected) {
            if (bytes.length < offset + expected.length) {
                return false;
            }
            for (int i = 0; i < expected.length; i++) {
                if ((bytes[offset + i] & 0xFF) != expected[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
