package org.raporto.intake.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.raporto.intake.FollowUp;
import org.raporto.intake.Receipt;
import org.raporto.intake.ReportId;
import org.raporto.shared.Language;
import org.raporto.shared.i18n.Messages;
import org.raporto.shared.web.FieldError;
import org.raporto.shared.web.Pages;
import org.raporto.shared.web.RateLimits;
import org.raporto.shared.web.SiteMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Following a report with its receipt. The receipt is posted, never put in an address; once it has opened a report,
 * the session remembers which report (not the receipt) until the reporter leaves or the session ends.
 */
@Controller
class FollowUpController {

    private static final String OPEN_REPORT = FollowUpController.class.getName() + ".report";
    private static final String JUST_SENT = FollowUpController.class.getName() + ".sent";

    private final Pages pages;
    private final Messages messages;
    private final FollowUp followUp;
    private final ScreenshotUploads uploads;
    private final ProofOfWorkField proof;
    private final RateLimits limits;
    private final IntakeLimits intakeLimits;
    private final TooManyAttempts tooMany;

    FollowUpController(Pages pages, Messages messages, FollowUp followUp, ScreenshotUploads uploads, ProofOfWorkField proof,
            RateLimits limits, IntakeLimits intakeLimits, TooManyAttempts tooMany) {
        this.proof = proof;
        this.uploads = uploads;
        this.pages = pages;
        this.messages = messages;
        this.followUp = followUp;
        this.limits = limits;
        this.intakeLimits = intakeLimits;
        this.tooMany = tooMany;
    }

    @GetMapping({SiteMap.FOLLOW_UP_SQ, SiteMap.FOLLOW_UP_EN})
    String show(Language language, HttpSession session, CsrfToken csrf, Model model) {
        return render(language, session, csrf, model, null, "", "");
    }

    @PostMapping({SiteMap.FOLLOW_UP_SQ, SiteMap.FOLLOW_UP_EN})
    Object act(Language language, HttpServletRequest request, HttpSession session, CsrfToken csrf, Model model,
            @RequestParam(defaultValue = "open") String action,
            @RequestParam(defaultValue = "") String receipt,
            @RequestParam(defaultValue = "") String message,
            @RequestParam(name = "altcha", required = false) @Nullable String altcha,
            @RequestParam(name = "screenshot", required = false) @Nullable MultipartFile file) {
        switch (action) {
            case "leave" -> {
                session.invalidate();
                return redirect(SiteMap.FOLLOW_UP.in(language));
            }
            case "reply" -> {
                Optional<ReportId> open = openReport(session);
                if (open.isEmpty()) {
                    return redirect(SiteMap.FOLLOW_UP.in(language));
                }
                if (!limits.tryAcquire(intakeLimits.followUps(), request)) {
                    return tooMany.page(language, SiteMap.FOLLOW_UP);
                }
                String text = message.strip();
                // A file sent where the page offers none is not taken.
                boolean withScreenshot = ScreenshotUploads.chosen(file) && followUp.acceptsScreenshots(open.get());
                if (text.isEmpty() && !withScreenshot) {
                    return render(language, session, csrf, model, new FieldError("message", messages.get(language, "followUp.error.empty")), "", message);
                }
                if (text.length() > FollowUp.MAX_MESSAGE) {
                    return render(language, session, csrf, model,
                            new FieldError("message", messages.get(language, "followUp.error.tooLong", FollowUp.MAX_MESSAGE)), "", shortened(message));
                }
                List<UUID> sent = List.of();
                if (withScreenshot) {
                    ScreenshotUploads.Outcome upload = uploads.take(language, request, file);
                    if (upload.error() != null) {
                        return render(language, session, csrf, model, upload.error(), "", shortened(message));
                    }
                    sent = List.of(upload.screenshot().upload());
                }
                followUp.reply(open.get(), text, sent);
                session.setAttribute(JUST_SENT, Boolean.TRUE);
                return redirect(SiteMap.FOLLOW_UP.in(language));
            }
            default -> {
                // Every try counts, right or wrong, so that receipts cannot be guessed.
                switch (proof.check(altcha, request, intakeLimits.followUps(), intakeLimits.followUpsWithoutProof())) {
                    case LIMITED -> {
                        return tooMany.page(language, SiteMap.FOLLOW_UP);
                    }
                    case FAILED -> {
                        return render(language, session, csrf, model, new FieldError("altcha", messages.get(language, "proofOfWork.failed")),
                                shortened(receipt), "");
                    }
                    default -> {
                    }
                }
                Optional<Receipt> parsed = Receipt.parse(receipt);
                Optional<ReportId> report = parsed.flatMap(followUp::find);
                if (report.isEmpty()) {
                    String key = parsed.isEmpty() ? "followUp.error.mistyped" : "followUp.error.notFound";
                    return render(language, session, csrf, model, new FieldError("receipt", messages.get(language, key)), shortened(receipt), "");
                }
                // A session that can read a report gets a new id: an id seen before the receipt was typed is useless.
                request.changeSessionId();
                session.setAttribute(OPEN_REPORT, report.get());
                return redirect(SiteMap.FOLLOW_UP.in(language));
            }
        }
    }

    private String render(Language language, HttpSession session, CsrfToken csrf, Model model, @Nullable FieldError error,
            String typedReceipt, String typedMessage) {
        Optional<FollowUp.ReporterView> report = openReport(session).flatMap(followUp::view);
        String titleKey = report.isPresent() ? "followUp.report.title" : "followUp.title";
        model.addAttribute("page", pages.page(language, titleKey, SiteMap.FOLLOW_UP, error != null));
        model.addAttribute("report", report.orElse(null));
        model.addAttribute("errors", error == null ? List.of() : List.of(error));
        model.addAttribute("typedReceipt", typedReceipt);
        model.addAttribute("typedMessage", typedMessage);
        model.addAttribute("csrf", csrf);
        // Said once, after the redirect that follows sending: "your message was sent".
        model.addAttribute("justSent", session.getAttribute(JUST_SENT) != null);
        model.addAttribute("proofOfWork", report.isEmpty() ? proof.widget(language) : null);
        session.removeAttribute(JUST_SENT);
        return "intake/follow-up";
    }

    private static Optional<ReportId> openReport(HttpSession session) {
        return session.getAttribute(OPEN_REPORT) instanceof ReportId id ? Optional.of(id) : Optional.empty();
    }

    private static String shortened(String text) {
        return text.length() > FollowUp.MAX_MESSAGE + 1000 ? text.substring(0, FollowUp.MAX_MESSAGE + 1000) : text;
    }

    private static ResponseEntity<Void> redirect(String path) {
        return ResponseEntity.status(303).header(HttpHeaders.LOCATION, path).build();
    }
}
