package org.raporto.fuzz;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.raporto.shared.image.TestImages;

/** Files to upload as screenshots: images, images that are bombs or damaged or more than images, and no images at all. */
public final class HostileFiles {

    private static final List<String> CONTENT_TYPES = List.of("image/png", "image/jpeg", "image/webp", "image/gif", "image/svg+xml",
            "text/html", "application/octet-stream", "application/pdf", "application/zip", "", "image/png; charset=\"<script>\"",
            "../../x", "image/png\r\nX-Injected: 1", "multipart/form-data; boundary=x");

    /** What hides in an image or poses as one: markup, a PDF with a script, an archive, an SVG, a program. */
    private static final List<byte[]> PAYLOADS = List.of(latin1("<html><script>alert(7734)</script></html>"),
            latin1("%PDF-1.7\n1 0 obj<</JS(alert(7734))>>endobj"), TestImages.zip("x.php", "<?php system($_GET['c']); ?>"),
            latin1("<?xml version=\"1.0\"?><svg onload=\"alert(7734)\"/>"), latin1("GIF89a\u0001\u0000\u0001\u0000"), latin1("MZ\u0090\u0000"),
            latin1("#!/bin/sh\nrm -rf /\n"), latin1("\u0089PN"), latin1("RIFF\u0000\u0000\u0000\u0000WAVEfmt "), latin1(Hostile.SECRET));

    private HostileFiles() {
    }

    /**
     * A file to upload.
     *
     * @param mayBeTaken whether the sanitiser may take it as an image: it is one, or begins with a whole one; every
     *                   other file must be refused and nothing of it kept
     */
    public record File(String kind, byte[] content, String contentType, boolean mayBeTaken) {
    }

    public static Gen<File> file() {
        return random -> {
            String type = Gen.oneOf(CONTENT_TYPES).next(random);
            Kind kind = Gen.oneOf(Kind.values()).next(random);
            return new File(kind.name(), kind.content(random), type, kind.mayBeTaken());
        };
    }

    /**
     * The file with a few of the mistakes that damaged files and decoder fuzzers make: bytes changed, slipped in, taken
     * out, repeated, the end cut off. The first two bytes stay, so that most of it still looks like an image.
     */
    public static byte[] mutated(byte[] file, Random random) {
        byte[] mutated = file;
        for (int i = 0, changes = 1 + random.nextInt(4); i < changes && mutated.length > 4; i++) {
            int at = 2 + random.nextInt(mutated.length - 2);
            switch (random.nextInt(6)) {
                case 0 -> mutated[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> mutated[at] = Gen.oneOf((byte) 0, (byte) 0xFF, (byte) 0x7F, (byte) 0x80).next(random);
                case 2 -> mutated = Hostile.concat(List.of(Arrays.copyOf(mutated, at), Hostile.noise(16).next(random),
                        Arrays.copyOfRange(mutated, at, mutated.length)));
                case 3 -> mutated = Hostile.concat(List.of(Arrays.copyOf(mutated, at),
                        Arrays.copyOfRange(mutated, Math.min(mutated.length, at + 1 + random.nextInt(32)), mutated.length)));
                case 4 -> mutated = Hostile.concat(List.of(Arrays.copyOf(mutated, at),
                        Arrays.copyOfRange(mutated, 2 + random.nextInt(at - 1), at), Arrays.copyOfRange(mutated, at, mutated.length)));
                default -> mutated = Arrays.copyOf(mutated, at);
            }
        }
        return mutated;
    }

    /** The kinds of file, each with its way of being made. */
    private enum Kind {
        PNG, JPEG, PROGRESSIVE_JPEG, WEBP, POLYGLOT, GIFAR, MARKUP_FIRST, PNG_BOMB, PNG_BOMB_WITHIN_LIMITS, JPEG_DECLARING_HUGE,
        WEBP_DECLARING_HUGE, WEBP_CANVAS_MISMATCH, MANY_SCANS, TRUNCATED, MUTATED, WRONG_MAGIC, EMPTY, NOISE;

        byte[] content(Random random) {
            switch (this) {
                case PNG -> {
                    return TestImages.png(1 + random.nextInt(300), 1 + random.nextInt(300), new Color(random.nextInt()));
                }
                case JPEG -> {
                    return TestImages.jpeg(1 + random.nextInt(300), 1 + random.nextInt(300), new Color(random.nextInt()));
                }
                case PROGRESSIVE_JPEG -> {
                    return TestImages.progressiveJpeg(8 + random.nextInt(200), 8 + random.nextInt(200));
                }
                case WEBP -> {
                    // The noisy one costs ten times the others to decode: it comes less often.
                    return TestImages.webp(Gen.oneOf("pattern-lossless.webp", "pattern-lossy.webp").orElse(80, Gen.constant("noise-alpha.webp"))
                            .next(random));
                }
                case POLYGLOT -> {
                    // A whole image first, then what a browser or an unzipper would find: to be dropped on re-encoding.
                    return Hostile.concat(List.of(image(random), Gen.oneOf(PAYLOADS).next(random)));
                }
                case GIFAR -> {
                    return Hostile.concat(List.of(image(random), TestImages.zip("evil.html", "<script>alert(7734)</script>")));
                }
                case MARKUP_FIRST -> {
                    return Hostile.concat(List.of(Gen.oneOf(PAYLOADS).next(random), image(random)));
                }
                case PNG_BOMB -> {
                    return Gen.oneOf(List.of(new int[] {10_000, 10_000}, new int[] {1, 40_000}, new int[] {7_000, 7_000}))
                            .map(size -> TestImages.pngBomb(size[0], size[1])).next(random);
                }
                case PNG_BOMB_WITHIN_LIMITS -> {
                    // Allowed, and decoded, but only a few at a time; small enough to try often.
                    return TestImages.pngBomb(600, 600);
                }
                case JPEG_DECLARING_HUGE -> {
                    return TestImages.jpegDeclaring(Gen.oneOf(65_535, 30_001, 7_000).next(random), Gen.oneOf(65_535, 7_000).next(random));
                }
                case WEBP_DECLARING_HUGE -> {
                    return TestImages.webpDeclaring(Gen.oneOf(16_384, 7_000).next(random), Gen.oneOf(16_384, 7_000).next(random));
                }
                case WEBP_CANVAS_MISMATCH -> {
                    return TestImages.webpOnCanvas(TestImages.webpDeclaring(16_384, 16_384), 1 + random.nextInt(64), 1 + random.nextInt(64));
                }
                case MANY_SCANS -> {
                    return TestImages.manyScans(Gen.oneOf(101, 1000, 5000).next(random));
                }
                case TRUNCATED -> {
                    byte[] image = image(random);
                    return Arrays.copyOf(image, 1 + random.nextInt(image.length - 1));
                }
                case MUTATED -> {
                    return mutated(image(random), random);
                }
                case WRONG_MAGIC -> {
                    return Gen.oneOf(PAYLOADS).next(random).clone();
                }
                case EMPTY -> {
                    return new byte[0];
                }
                default -> {
                    return Hostile.noise(4096).next(random);
                }
            }
        }

        /**
         * Whether the sanitiser may take it: a JPEG cut short decodes as far as it goes, and a changed byte may be one
         * that changes nothing. A WebP is decoded at the size of its canvas, whatever its bitstream claims, so a small
         * canvas over a huge bitstream is a small image. Everything else is refused.
         */
        boolean mayBeTaken() {
            return switch (this) {
                case PNG, JPEG, PROGRESSIVE_JPEG, WEBP, POLYGLOT, GIFAR, PNG_BOMB_WITHIN_LIMITS, TRUNCATED, MUTATED, WEBP_CANVAS_MISMATCH -> true;
                default -> false;
            };
        }

        private static byte[] image(Random random) {
            return Gen.<byte[]>either(r -> TestImages.png(1 + r.nextInt(100), 1 + r.nextInt(100), Color.ORANGE),
                    r -> TestImages.jpeg(1 + r.nextInt(100), 1 + r.nextInt(100), Color.CYAN),
                    r -> TestImages.progressiveJpeg(8 + r.nextInt(64), 8 + r.nextInt(64)),
                    r -> TestImages.withExif(TestImages.jpeg(20, 10, Color.RED), 1 + r.nextInt(8), "Camera"),
                    r -> TestImages.webp(Gen.oneOf("pattern-lossless.webp", "pattern-lossy.webp").next(r))).next(random);
        }
    }

    /** Byte for byte: these payloads are binary formats written as text. */
    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
