package org.raporto.shared.image;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Images made for tests, including the damaged and hostile ones. */
public final class TestImages {

    /** Bombs take a moment to compress; the fuzz tests send the same ones many times. */
    private static final Map<String, byte[]> MADE = new ConcurrentHashMap<>();

    private TestImages() {
    }

    public static byte[] png(int width, int height, Color colour) {
        return write(filled(width, height, colour), "png");
    }

    public static byte[] jpeg(int width, int height, Color colour) {
        return write(filled(width, height, colour), "jpeg");
    }

    /** A PNG whose header declares the size but which holds no pixels. */
    public static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        png.writeBytes(chunk("IHDR", header.array()));
        png.writeBytes(chunk("IEND", new byte[0]));
        return png.toByteArray();
    }

    /** The PNG with a text chunk after its header. */
    public static byte[] withTextChunk(byte[] png, String keyword, String text) {
        byte[] data = (keyword + "\u0000" + text).getBytes(StandardCharsets.ISO_8859_1);
        int afterHeader = 8 + 8 + 13 + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterHeader);
        out.writeBytes(chunk("tEXt", data));
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }

    /** The JPEG with an EXIF segment holding an orientation and a camera model. */
    public static byte[] withExif(byte[] jpeg, int orientation, String model) {
        byte[] modelBytes = (model + "\u0000").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 2 * 12 + 4 + modelBytes.length).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0110).putShort((short) 2).putInt(modelBytes.length).putInt(8 + 2 + 2 * 12 + 4);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        tiff.put(modelBytes);
        byte[] prefix = "Exif\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1);
        byte[] exif = ByteBuffer.allocate(prefix.length + tiff.capacity()).put(prefix).put(tiff.array()).array();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) ((exif.length + 2) >> 8), (byte) (exif.length + 2)});
        out.writeBytes(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A photograph-like JPEG, written progressively: about ten scans. */
    public static byte[] progressiveJpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | ((x ^ y) & 0xFF));
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            parameters.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(image, null, null), parameters);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /**
     * A real PNG bomb: a grey image of this size whose pixels are all zero, so that its data compresses about a
     * thousand to one (10,000 × 10,000 is 100 MB of pixels in 100 kB).
     */
    public static byte[] pngBomb(int width, int height) {
        return MADE.computeIfAbsent("png-bomb-" + width + "x" + height, key -> {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            try (DeflaterOutputStream deflated = new DeflaterOutputStream(data, new Deflater(Deflater.BEST_COMPRESSION))) {
                byte[] row = new byte[1 + width];
                for (int y = 0; y < height; y++) {
                    deflated.write(row);
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                    .put((byte) 0).put((byte) 0).put((byte) 0);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
            png.writeBytes(chunk("IHDR", header.array()));
            png.writeBytes(chunk("IDAT", data.toByteArray()));
            png.writeBytes(chunk("IEND", new byte[0]));
            return png.toByteArray();
        });
    }

    /** A small real JPEG whose frame header declares another size (up to 65,535 on a side). */
    public static byte[] jpegDeclaring(int width, int height) {
        byte[] jpeg = jpeg(16, 16, Color.MAGENTA);
        for (int i = 2; i + 9 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && ((jpeg[i + 1] & 0xFF) == 0xC0 || (jpeg[i + 1] & 0xFF) == 0xC2)) {
                ByteBuffer.wrap(jpeg, i + 5, 4).putShort((short) height).putShort((short) width);
                return jpeg;
            }
        }
        throw new IllegalStateException("No frame header in the JPEG ImageIO wrote");
    }

    /**
     * A JPEG with more scans than any encoder writes: each scan of a progressive JPEG passes over the whole image again,
     * so a few kilobytes of them decode for minutes.
     */
    public static byte[] manyScans(int scans) {
        byte[] jpeg = progressiveJpeg(32, 32);
        int firstScan = indexOf(jpeg, new byte[] {(byte) 0xFF, (byte) 0xDA});
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        bomb.write(jpeg, 0, firstScan);
        for (int i = 0; i < scans; i++) {
            // A DC refinement scan of one component, with a little entropy-coded data.
            bomb.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDA, 0, 8, 1, 1, 0, 0, 0, 0x10, 0x55, (byte) 0xAA});
        }
        bomb.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
        return bomb.toByteArray();
    }

    /** One of the WebP images in the test resources: pattern-lossless.webp, pattern-lossy.webp, noise-alpha.webp. */
    public static byte[] webp(String name) {
        return MADE.computeIfAbsent("webp-" + name, key -> {
            try (InputStream in = TestImages.class.getResourceAsStream("/images/" + name)) {
                if (in == null) {
                    throw new IllegalArgumentException("No test image " + name);
                }
                return in.readAllBytes();
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).clone();
    }

    /** The lossless WebP with its bitstream declaring another size (up to 16,384 on a side) over the same data. */
    public static byte[] webpDeclaring(int width, int height) {
        byte[] webp = webp("pattern-lossless.webp");
        // The VP8L header: a signature byte, then 14 bits each of width - 1 and height - 1, least significant first.
        long bits = (width - 1L) | (height - 1L) << 14 | (webp[24] & 0xFFL) >> 4 << 28;
        for (int i = 0; i < 4; i++) {
            webp[21 + i] = (byte) (bits >> (8 * i));
        }
        return webp;
    }

    /**
     * A WebP whose extended header (VP8X) declares one canvas over a bitstream of another size: readers that check one
     * and decode the other are open to bombs.
     */
    public static byte[] webpOnCanvas(byte[] simpleWebp, int canvasWidth, int canvasHeight) {
        byte[] bitstream = Arrays.copyOfRange(simpleWebp, 12, simpleWebp.length);
        ByteBuffer vp8x = ByteBuffer.allocate(18).order(ByteOrder.LITTLE_ENDIAN).put("VP8X".getBytes(StandardCharsets.US_ASCII)).putInt(10)
                .putInt(0).put((byte) (canvasWidth - 1)).put((byte) ((canvasWidth - 1) >> 8)).put((byte) ((canvasWidth - 1) >> 16))
                .put((byte) (canvasHeight - 1)).put((byte) ((canvasHeight - 1) >> 8)).put((byte) ((canvasHeight - 1) >> 16));
        int size = 4 + vp8x.capacity() + bitstream.length;
        return ByteBuffer.allocate(8 + size).order(ByteOrder.LITTLE_ENDIAN).put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(size)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII)).put(vp8x.array()).put(bitstream).array();
    }

    /** A ZIP archive holding one file: appended to an image, the file is both (a "GIFAR"). */
    public static byte[] zip(String name, String content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("Not found");
    }

    private static BufferedImage filled(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(colour);
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        return image;
    }

    private static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue()).array();
    }
}
