package org.raporto.content.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.raporto.audit.Actor;
import org.raporto.content.MediaLibrary;
import org.raporto.identity.StaffUser;
import org.raporto.shared.Language;
import org.raporto.shared.i18n.Messages;
import org.raporto.shared.web.FieldError;
import org.raporto.shared.web.StaffPage;
import org.raporto.shared.web.StaffPages;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Editors keep the media library: the files with their texts and the Markdown that shows each in an article, an upload
 * form (plain multipart, no JavaScript needed) that names each problem beside its field and keeps the texts typed, and
 * deleting with a confirmation, refused while an article uses the file.
 */
@Controller
class MediaAdminController {

    static final String LIBRARY = "/staff/content/media";
    static final String NEW = LIBRARY + "/new";
    static final int PAGE_SIZE = 20;

    private final StaffPages pages;
    private final MediaLibrary media;
    private final Messages messages;

    MediaAdminController(StaffPages pages, MediaLibrary media, Messages messages) {
        this.pages = pages;
        this.media = media;
        this.messages = messages;
    }

    @GetMapping(LIBRARY)
    String list(HttpServletRequest request, CsrfToken csrf, Model model, @RequestParam(defaultValue = "1") String page,
            @RequestParam(defaultValue = "") String stored, @RequestParam(defaultValue = "") String existing,
            @RequestParam(defaultValue = "") String deleted) {
        StaffPage staffPage = pages.page(request, "content.media.title", false);
        MediaLibrary.Listing listing = media.page(number(page), PAGE_SIZE);
        model.addAttribute("page", staffPage);
        model.addAttribute("csrf", csrf);
        model.addAttribute("listing", listing);
        model.addAttribute("rows", listing.items().stream().map(item -> row(staffPage.language(), item)).toList());
        model.addAttribute("stored", id(stored.isEmpty() ? existing : stored).flatMap(media::describe)
                .map(item -> row(staffPage.language(), item)).orElse(null));
        model.addAttribute("existing", !existing.isEmpty());
        model.addAttribute("deleted", !deleted.isEmpty());
        return "content/staff-media";
    }

    @GetMapping(NEW)
    String form(HttpServletRequest request, CsrfToken csrf, Model model) {
        return form(request, csrf, model, "", "", List.of());
    }

    @PostMapping(NEW)
    Object upload(HttpServletRequest request, CsrfToken csrf, Model model,
            @AuthenticationPrincipal StaffUser editor, @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "") String altSq, @RequestParam(defaultValue = "") String altEn) {
        byte[] bytes;
        try {
            // Beyond the larger limit nothing is read: the file is too large whatever it is.
            if (file != null && file.getSize() > media.limits().maxSize()) {
                return refused(request, csrf, model, altSq, altEn, List.of(new MediaLibrary.Problem("file", "TOO_LARGE")));
            }
            bytes = file == null ? new byte[0] : file.getBytes();
        }
        catch (IOException unreadable) {
            return refused(request, csrf, model, altSq, altEn, List.of(new MediaLibrary.Problem("file", "UNREADABLE")));
        }
        try {
            MediaLibrary.Stored stored = media.store(new MediaLibrary.Upload(bytes, file == null ? null : file.getOriginalFilename(), altSq, altEn),
                    new Actor(editor.id(), editor.name()));
            String outcome = stored.existing() ? "existing" : "stored";
            return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", LIBRARY + "?" + outcome + "=" + stored.item().id()).build();
        }
        catch (MediaLibrary.Refused refused) {
            return refused(request, csrf, model, altSq, altEn, refused.problems());
        }
    }

    @GetMapping(LIBRARY + "/{id}/delete")
    String confirmDelete(HttpServletRequest request, CsrfToken csrf, Model model, @PathVariable String id) {
        MediaLibrary.Item item = id(id).flatMap(media::describe).orElseThrow(MediaAdminController::notFound);
        return confirmation(request, csrf, model, item, media.usedBy(item.id()));
    }

    @PostMapping(LIBRARY + "/{id}/delete")
    Object delete(HttpServletRequest request, CsrfToken csrf, Model model,
            @AuthenticationPrincipal StaffUser editor, @PathVariable String id) {
        MediaLibrary.Item item = id(id).flatMap(media::describe).orElseThrow(MediaAdminController::notFound);
        try {
            if (!media.delete(item.id(), new Actor(editor.id(), editor.name()))) {
                throw notFound();
            }
        }
        catch (MediaLibrary.InUse inUse) {
            return confirmation(request, csrf, model, item, inUse.articles());
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", LIBRARY + "?deleted=1").build();
    }

    private String refused(HttpServletRequest request, CsrfToken csrf, Model model, String altSq, String altEn,
            List<MediaLibrary.Problem> problems) {
        Language language = pages.language(request);
        List<FieldError> errors = problems.stream().map(problem -> new FieldError(problem.field(), message(language, problem))).toList();
        return form(request, csrf, model, altSq, altEn, errors);
    }

    private String form(HttpServletRequest request, CsrfToken csrf, Model model, String altSq, String altEn, List<FieldError> errors) {
        StaffPage page = pages.page(request, "content.media.new.title", !errors.isEmpty());
        model.addAttribute("page", page);
        model.addAttribute("csrf", csrf);
        model.addAttribute("altSq", clip(altSq));
        model.addAttribute("altEn", clip(altEn));
        model.addAttribute("errors", errors);
        model.addAttribute("limits", messages.get(page.language(), "content.media.field.fileHint",
                MediaSizes.format(messages, page.language(), media.limits().imageMaxSize().toBytes()),
                MediaSizes.format(messages, page.language(), media.limits().pdfMaxSize().toBytes()),
                media.limits().imageMaxPixels() / 1_000_000.0));
        return "content/staff-media-new";
    }

    private String confirmation(HttpServletRequest request, CsrfToken csrf, Model model, MediaLibrary.Item item, List<String> usedBy) {
        StaffPage page = pages.page(request, "content.media.delete.title", !usedBy.isEmpty());
        model.addAttribute("page", page);
        model.addAttribute("csrf", csrf);
        model.addAttribute("row", row(page.language(), item));
        model.addAttribute("usedBy", usedBy);
        return "content/staff-media-delete";
    }

    private String message(Language language, MediaLibrary.Problem problem) {
        if (problem.field().equals("file") && problem.reason().equals("TOO_LARGE")) {
            return messages.get(language, "content.media.error.file.TOO_LARGE", MediaSizes.format(messages, language, media.limits().imageMaxSize().toBytes()),
                    MediaSizes.format(messages, language, media.limits().pdfMaxSize().toBytes()));
        }
        if (problem.field().equals("file") && problem.reason().equals("TOO_MANY_PIXELS")) {
            return messages.get(language, "content.media.error.file.TOO_MANY_PIXELS", media.limits().imageMaxPixels() / 1_000_000.0);
        }
        if (problem.reason().equals("TOO_LONG")) {
            return messages.get(language, "content.media.error." + problem.field() + ".TOO_LONG", MediaLibrary.MAX_TEXT);
        }
        return messages.get(language, "content.media.error." + problem.field() + "." + problem.reason());
    }

    private MediaRow row(Language language, MediaLibrary.Item item) {
        return new MediaRow(item, MediaSizes.format(messages, language, item.size()), item.markdown(Language.SQ), item.markdown(Language.EN));
    }

    /** Texts typed come back as typed, but no longer than a form could usefully show. */
    private static String clip(String typed) {
        int most = 2 * MediaLibrary.MAX_TEXT;
        return typed.codePointCount(0, typed.length()) > most ? typed.substring(0, typed.offsetByCodePoints(0, most)) : typed;
    }

    private static Optional<UUID> id(String id) {
        try {
            return id.isEmpty() ? Optional.empty() : Optional.of(UUID.fromString(id));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static int number(String page) {
        try {
            return Math.max(1, Integer.parseInt(page));
        }
        catch (NumberFormatException e) {
            return 1;
        }
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
