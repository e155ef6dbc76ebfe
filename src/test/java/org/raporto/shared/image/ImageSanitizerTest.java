package org.raporto.shared.image;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageSanitizerTest {

    private final ImageSanitizer sanitizer = new ImageSanitizer();

    @Test
    void reEncodesPngAsPngWithTheSamePixels() throws IOException {
        CleanImage clean = sanitizer.clean(TestImages.png(40, 30, Color.RED));

        assertThat(clean.mediaType()).isEqualTo(ImageSanitizer.PNG);
        assertThat(clean.width()).isEqualTo(40);
        assertThat(clean.height()).isEqualTo(30);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(clean.bytes()));
        assertThat(new Color(decoded.getRGB(5, 5))).isEqualTo(Color.RED);
    }

    @Test
    void dropsTextChunksAndWhateverFollowsTheImage() {
        byte[] polyglot = concat(TestImages.withTextChunk(TestImages.png(20, 20, Color.BLUE), "Author", "secret-author"),
                "<script>alert(1)</script>PK\u0003\u0004hidden.zip".getBytes(StandardCharsets.UTF_8));

        CleanImage clean = sanitizer.clean(polyglot);

        String output = new String(clean.bytes(), StandardCharsets.ISO_8859_1);
        assertThat(output).doesNotContain("secret-author").doesNotContain("script").doesNotContain("hidden.zip");
    }

    @Test
    void reEncodesJpegWithoutItsExifButTurnedTheWayTheCameraSaid() throws IOException {
        byte[] photo = TestImages.withExif(TestImages.jpeg(60, 20, Color.GREEN), 6, "SecretCamera 3000");

        CleanImage clean = sanitizer.clean(photo);

        assertThat(clean.mediaType()).isEqualTo(ImageSanitizer.JPEG);
        assertThat(new String(clean.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("SecretCamera").doesNotContain("Exif");
        // Orientation 6 is a quarter turn: the stored 60×20 is shown 20×60.
        assertThat(clean.width()).isEqualTo(20);
        assertThat(clean.height()).isEqualTo(60);
        assertThat(ImageIO.read(new ByteArrayInputStream(clean.bytes())).getHeight()).isEqualTo(60);
    }

    @Test
    void readsLossyAndLosslessWebp() throws IOException {
        for (String name : new String[] {"pattern-lossy.webp", "pattern-lossless.webp"}) {
            CleanImage clean = sanitizer.clean(resource(name));

            assertThat(clean.width()).isEqualTo(64);
            assertThat(clean.height()).isEqualTo(48);
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(clean.bytes()));
            Color left = new Color(decoded.getRGB(5, 20));
            assertThat(left.getRed()).isGreaterThan(180);
            assertThat(left.getBlue()).isLessThan(80);
        }
    }

    @Test
    void refusesAHeaderDeclaringMorePixelsThanAllowedBeforeDecodingAnything() {
        // 10,000 × 10,000 would take 400 MB once decoded; the file is a few bytes.
        assertThatThrownBy(() -> sanitizer.clean(TestImages.pngHeaderOnly(10_000, 10_000)))
                .isInstanceOfSatisfying(ImageRefused.class, refused -> assertThat(refused.reason()).isEqualTo(ImageRefused.Reason.TOO_MANY_PIXELS));
        assertThatThrownBy(() -> sanitizer.clean(TestImages.pngHeaderOnly(1, 40_000)))
                .isInstanceOfSatisfying(ImageRefused.class, refused -> assertThat(refused.reason()).isEqualTo(ImageRefused.Reason.TOO_MANY_PIXELS));
    }

    @Test
    void refusesWhatIsNotAJpegPngOrWebpWhateverItIsCalled() {
        for (String content : new String[] {"GIF89a\u0001\u0000\u0001\u0000", "<html><script>x</script>", "%PDF-1.7", "MZ\u0090\u0000",
                "RIFF\u0000\u0000\u0000\u0000WAVEfmt ", "\u0089PN"}) {
            assertThatThrownBy(() -> sanitizer.clean(content.getBytes(StandardCharsets.ISO_8859_1)))
                    .isInstanceOfSatisfying(ImageRefused.class, refused -> assertThat(refused.reason()).isEqualTo(ImageRefused.Reason.NOT_AN_IMAGE));
        }
        assertThatThrownBy(() -> sanitizer.clean(new byte[0]))
                .isInstanceOfSatisfying(ImageRefused.class, refused -> assertThat(refused.reason()).isEqualTo(ImageRefused.Reason.EMPTY));
    }

    @Test
    void refusesDamagedImages() {
        byte[] png = TestImages.png(50, 50, Color.ORANGE);
        byte[] truncated = java.util.Arrays.copyOf(png, png.length / 2);
        byte[] jpeg = TestImages.jpeg(50, 50, Color.ORANGE);
        byte[] garbled = jpeg.clone();
        for (int i = 30; i < garbled.length - 2; i += 3) {
            garbled[i] = (byte) 0xFF;
        }
        byte[] webpHeaderOnly = java.util.Arrays.copyOf(resource("pattern-lossy.webp"), 20);

        for (byte[] damaged : new byte[][] {truncated, garbled, webpHeaderOnly}) {
            assertThatThrownBy(() -> sanitizer.clean(damaged))
                    .isInstanceOfSatisfying(ImageRefused.class, refused -> assertThat(refused.reason()).isEqualTo(ImageRefused.Reason.UNREADABLE));
        }
    }

    @Test
    void refusesProgressiveJpegBombsByTheirNumberOfScans() {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        bomb.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0});
        for (int i = 0; i < 500; i++) {
            bomb.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0});
        }

        assertThatThrownBy(() -> sanitizer.clean(bomb.toByteArray()))
                .isInstanceOfSatisfying(ImageRefused.class, refused -> assertThat(refused.reason()).isEqualTo(ImageRefused.Reason.UNREADABLE));
    }

    @Test
    void refusesAWebpCutShortAtOnceRatherThanDecodingZerosForHalfAMinute() {
        // Found by the fuzz tests: the lossless WebP missing twelve bytes of its 50 took 34 s to "decode" and was taken.
        byte[] webp = resource("pattern-lossless.webp");
        byte[] cutShort = concat(java.util.Arrays.copyOf(webp, 36), java.util.Arrays.copyOfRange(webp, 48, 50));

        long started = System.nanoTime();
        assertThatThrownBy(() -> sanitizer.clean(cutShort))
                .isInstanceOfSatisfying(ImageRefused.class, refused -> assertThat(refused.reason()).isEqualTo(ImageRefused.Reason.UNREADABLE));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void stopsADecoderThatReadsOnPastTheEndOfTheData() {
        // Found by the fuzz tests: three bytes slipped into a lossless WebP's header make it declare 10,560 × 1,721
        // pixels with data for almost none; the decoder read on past the end for two minutes, then took it.
        byte[] webp = resource("pattern-lossless.webp");
        byte[] garbled = concat(concat(java.util.Arrays.copyOf(webp, 22), new byte[] {0x29, (byte) 0xAE, 0x11}),
                java.util.Arrays.copyOfRange(webp, 22, webp.length));

        long started = System.nanoTime();
        assertThatThrownBy(() -> sanitizer.clean(garbled))
                .isInstanceOfSatisfying(ImageRefused.class, refused -> assertThat(refused.reason()).isEqualTo(ImageRefused.Reason.UNREADABLE));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void stopsDecodingAtTheTimeLimit() {
        byte[] noise = resource("noise-alpha.webp");
        ImageSanitizer impatient = new ImageSanitizer(ImageSanitizer.MAX_BYTES, ImageSanitizer.MAX_PIXELS, 1, Duration.ofSeconds(1), Duration.ZERO);

        assertThatThrownBy(() -> impatient.clean(noise))
                .isInstanceOfSatisfying(ImageRefused.class, refused -> assertThat(refused.reason()).isEqualTo(ImageRefused.Reason.UNREADABLE));
        assertThat(sanitizer.clean(noise).width()).as("within the default limit").isPositive();
    }

    @Test
    void refusesFilesLargerThanTheLimitWithoutReadingThem() {
        ImageSanitizer small = new ImageSanitizer(1000, ImageSanitizer.MAX_PIXELS, 1, Duration.ofSeconds(1));

        assertThatThrownBy(() -> small.clean(TestImages.png(400, 400, Color.RED)))
                .isInstanceOfSatisfying(ImageRefused.class, refused -> assertThat(refused.reason()).isEqualTo(ImageRefused.Reason.TOO_LARGE));
    }

    @Test
    void storesAsJpegOnWhiteWhatPngWouldMakeLargerThanTheLimit() {
        // Half-transparent noise: 42 kB as lossy WebP, several hundred as PNG.
        byte[] noise = resource("noise-alpha.webp");
        ImageSanitizer limited = new ImageSanitizer(100_000, ImageSanitizer.MAX_PIXELS, 1, Duration.ofSeconds(1));

        CleanImage clean = limited.clean(noise);

        assertThat(clean.mediaType()).isEqualTo(ImageSanitizer.JPEG);
        assertThat(clean.size()).isLessThanOrEqualTo(100_000);
        assertThat(sanitizer.clean(noise).mediaType()).isEqualTo(ImageSanitizer.PNG);
    }

    private static byte[] resource(String name) {
        try (InputStream in = ImageSanitizerTest.class.getResourceAsStream("/images/" + name)) {
            return in.readAllBytes();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        return ByteBuffer.allocate(first.length + second.length).put(first).put(second).array();
    }
}
