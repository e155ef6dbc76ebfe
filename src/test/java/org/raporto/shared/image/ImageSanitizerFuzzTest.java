package org.raporto.shared.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.raporto.fuzz.Fuzz;
import org.raporto.fuzz.Hostile;
import org.raporto.fuzz.HostileFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sanitiser against thousands of files: images, bombs, polyglots, damaged and mutated images, no images at all.
 * Each is taken as a clean image or refused with a reason, and nothing else happens: no other exception, no decoding
 * that outlasts {@link Fuzz#MAX_TRY_TIME}.
 */
class ImageSanitizerFuzzTest {

    private final ImageSanitizer sanitizer = new ImageSanitizer();

    @Test
    void everyFileIsTakenAsACleanImageOrRefusedWithAReason() {
        Map<String, Integer> outcomes = Fuzz.check("image-sanitizer", 1000, (fuzz, random) -> {
            HostileFiles.File file = random.nextInt(100) < 40
                    ? new HostileFiles.File("MUTATED", HostileFiles.mutated(HostileFiles.file().next(random).content(), random), "", true)
                    : HostileFiles.file().next(random);
            byte[] content = fuzz.input(file.kind(), file.content());
            CleanImage clean;
            try {
                clean = sanitizer.clean(content);
            }
            catch (ImageRefused refused) {
                fuzz.noted(refused.reason().name());
                return;
            }
            fuzz.noted("taken");
            assertThat(file.mayBeTaken()).as("a %s is taken", file.kind()).isTrue();
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(clean.bytes()));
            assertThat(decoded.getWidth()).isEqualTo(clean.width());
            assertThat(decoded.getHeight()).isEqualTo(clean.height());
            assertThat(clean.size()).isLessThanOrEqualTo(ImageSanitizer.MAX_BYTES);
            assertThat(new String(clean.bytes(), StandardCharsets.ISO_8859_1)).as("nothing but pixels kept")
                    .doesNotContain(Hostile.SCRIPT_MARK, "<?php", "PK\u0003\u0004", "%PDF", "Exif", "Camera", Hostile.SECRET);
        });

        assertThat(outcomes).as("every way out was reached").containsKeys("taken", "NOT_AN_IMAGE", "TOO_MANY_PIXELS", "UNREADABLE", "EMPTY");
    }
}
