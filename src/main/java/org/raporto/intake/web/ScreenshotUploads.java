package org.raporto.intake.web;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.raporto.intake.Screenshot;
import org.raporto.intake.Screenshots;
import org.raporto.shared.Language;
import org.raporto.shared.i18n.Messages;
import org.raporto.shared.image.ImageRefused;
import org.raporto.shared.image.ImageSanitizer;
import org.raporto.shared.web.FieldError;
import org.raporto.shared.web.RateLimits;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletRequest;

/** Files posted with the report form or a follow-up message, taken as screenshots or refused with a reason. */
@Component
class ScreenshotUploads {

    private final Screenshots screenshots;
    private final Messages messages;
    private final RateLimits limits;
    private final IntakeLimits intakeLimits;

    ScreenshotUploads(Screenshots screenshots, Messages messages, RateLimits limits, IntakeLimits intakeLimits) {
        this.screenshots = screenshots;
        this.messages = messages;
        this.limits = limits;
        this.intakeLimits = intakeLimits;
    }

    /** A file input left empty still sends a part, without a name or content. */
    static boolean chosen(@Nullable MultipartFile file) {
        return file != null && !(file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty()));
    }

    /** Each upload is decoded, so each counts against the address's limit. */
    Outcome take(Language language, HttpServletRequest request, MultipartFile file) {
        String name = fileName(file);
        if (file.getSize() > ImageSanitizer.MAX_BYTES) {
            return Outcome.refused(messages.get(language, "report.error.screenshot.TOO_LARGE", name));
        }
        if (!limits.tryAcquire(intakeLimits.screenshots(), request)) {
            return Outcome.refused(messages.get(language, "report.error.screenshot.LIMITED", name));
        }
        try {
            return new Outcome(screenshots.upload(file.getBytes()), null);
        }
        catch (ImageRefused refused) {
            return Outcome.refused(messages.get(language, "report.error.screenshot." + refused.reason().name(), name));
        }
        catch (IOException unreadable) {
            return Outcome.refused(messages.get(language, "report.error.screenshot.UNREADABLE", name));
        }
    }

    void discard(Screenshot screenshot) {
        screenshots.discard(screenshot.upload());
    }

    /** The name the reporter's device gave the file, without any folder, short enough to show. */
    private static String fileName(MultipartFile file) {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).replaceAll("\\p{Cc}", "");
        if (name.isBlank()) {
            return "?";
        }
        return name.length() > 80 ? name.substring(0, 77) + "…" : name;
    }

    /** Either the screenshot taken or the error to show, in the field named {@code screenshot}. */
    record Outcome(@Nullable Screenshot screenshot, @Nullable FieldError error) {

        static Outcome refused(String message) {
            return new Outcome(null, new FieldError("screenshot", message));
        }
    }
}
