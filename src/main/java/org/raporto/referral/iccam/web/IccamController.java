package org.raporto.referral.iccam.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.raporto.casework.Analyst;
import org.raporto.identity.StaffUser;
import org.raporto.referral.iccam.IccamExports;
import org.raporto.referral.iccam.IccamFormat;
import org.raporto.referral.iccam.IccamImports;
import org.raporto.referral.iccam.IccamProblem;
import org.raporto.referral.iccam.IccamReader;
import org.raporto.referral.iccam.IccamWriter;
import org.raporto.shared.web.FieldError;
import org.raporto.shared.web.SiteProperties;
import org.raporto.shared.web.StaffPage;
import org.raporto.shared.web.StaffPages;
import org.raporto.shared.web.Typed;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Export of assessed reports in ICCAM's terms (analysts and supervisors), chosen in the queue, by reference or by the
 * days they were received; and import of the reports another hotline forwarded (supervisors), checked first and then
 * imported whole. Nothing here needs JavaScript.
 */
@Controller
class IccamController {

    static final String EXPORT = "/staff/iccam/export";
    static final String IMPORT = "/staff/iccam/import";
    static final String PREVIEW = "/staff/iccam/import/preview";

    private static final int MAX_REFERENCES_TEXT = 20_000;

    private final StaffPages pages;
    private final IccamExports exports;
    private final IccamImports imports;
    private final SiteProperties site;

    IccamController(StaffPages pages, IccamExports exports, IccamImports imports, SiteProperties site) {
        this.pages = pages;
        this.exports = exports;
        this.imports = imports;
        this.site = site;
    }

    @GetMapping(EXPORT)
    String exportPage(HttpServletRequest request, CsrfToken csrf, Model model) {
        return exportPage(request, csrf, model, Map.of("format", IccamFormat.JSON.name()), List.of());
    }

    /** The file, or the page again with what is wrong. */
    @PostMapping(EXPORT)
    Object export(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser user,
            @RequestParam(name = "report", required = false) @Nullable List<String> chosen, @RequestParam(defaultValue = "") String references,
            @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "JSON") String format) {
        StaffPage page = pages.page(request, "iccam.export.title", true);
        IccamFormat as = Arrays.stream(IccamFormat.values()).filter(candidate -> candidate.name().equals(format)).findFirst().orElse(IccamFormat.JSON);
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("references", Typed.clip(references, MAX_REFERENCES_TEXT));
        typed.put("from", Typed.clip(from, 10));
        typed.put("to", Typed.clip(to, 10));
        typed.put("format", as.name());
        IccamExports.Selection selection;
        List<UUID> ids = chosen == null ? List.of()
                : chosen.stream().limit(IccamExports.MAX_REPORTS + 1L).map(IccamController::uuid).filter(Objects::nonNull).toList();
        if (!ids.isEmpty()) {
            selection = new IccamExports.Selection.Chosen(ids);
        }
        else if (!typed.get("references").isBlank()) {
            selection = new IccamExports.Selection.Named(List.of(typed.get("references").split("[\\s,;]+")));
        }
        else if (!typed.get("from").isBlank() || !typed.get("to").isBlank()) {
            LocalDate first = date(typed.get("from"));
            LocalDate last = date(typed.get("to"));
            if (first == null || last == null || last.isBefore(first)) {
                return exportPage(request, csrf, model, typed, List.of(new FieldError("from", page.t("iccam.export.error.dates"))));
            }
            selection = new IccamExports.Selection.Received(first, last, site.timeZone());
        }
        else {
            return exportPage(request, csrf, model, typed, List.of(new FieldError("references", page.t("iccam.export.error.nothingChosen"))));
        }
        IccamExports.Export export;
        try {
            export = exports.export(selection, as, Analyst.of(user));
        }
        catch (IccamExports.TooMany tooMany) {
            return exportPage(request, csrf, model, typed, List.of(new FieldError("references", page.t("iccam.export.error.tooMany", IccamExports.MAX_REPORTS))));
        }
        if (!export.missing().isEmpty()) {
            return exportPage(request, csrf, model, typed,
                    List.of(new FieldError("references", page.t("iccam.export.error.missing", String.join(", ", export.missing())))));
        }
        if (export.reports().isEmpty()) {
            return exportPage(request, csrf, model, typed, List.of(new FieldError("references", page.t("iccam.export.error.empty"))));
        }
        String name = "iccam-" + exports.hotlineCountry().toLowerCase(Locale.ROOT) + "-" + LocalDate.now(site.timeZone()) + "-"
                + export.reports().size() + "." + as.extension();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(as.mediaType() + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(IccamWriter.write(export.reports(), as));
    }

    @GetMapping(IMPORT)
    String importPage(HttpServletRequest request, CsrfToken csrf, Model model, @RequestParam(defaultValue = "") String created,
            @RequestParam(defaultValue = "") String skipped) {
        String done = created.matches("[0-9]{1,4}") && skipped.matches("[0-9]{1,4}") ? created + "/" + skipped : "";
        return importPage(request, csrf, model, "", List.of(), null, done);
    }

    /** Reads the uploaded file and shows what importing it would do. */
    @PostMapping(PREVIEW)
    String preview(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser user,
            @RequestParam(required = false) @Nullable MultipartFile file, @RequestParam(defaultValue = "") String country) throws IOException {
        StaffPage page = pages.page(request, "iccam.import.title", true);
        String typedCountry = Typed.clip(country, 2).strip().toUpperCase(Locale.ROOT);
        List<FieldError> errors = new ArrayList<>();
        if (!typedCountry.isEmpty() && !typedCountry.matches("[A-Z]{2}")) {
            errors.add(new FieldError("country", page.t("iccam.import.error.country")));
        }
        if (file == null || file.isEmpty()) {
            errors.add(new FieldError("file", page.t("iccam.import.error.file")));
        }
        if (!errors.isEmpty()) {
            return importPage(request, csrf, model, Typed.clip(country, 2), errors, null, "");
        }
        // A file too large is refused by its size, before it is read.
        byte[] bytes = file.getSize() > IccamReader.MAX_BYTES ? new byte[IccamReader.MAX_BYTES + 1] : file.getBytes();
        return preview(request, csrf, model, user, bytes, typedCountry);
    }

    /** Imports the file checked before, carried in the preview's form. */
    @PostMapping(IMPORT)
    Object importFile(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser user,
            @RequestParam(defaultValue = "") String content, @RequestParam(defaultValue = "") String country) {
        StaffPage page = pages.page(request, "iccam.import.title", true);
        byte[] bytes = IccamImports.carried(content);
        String typedCountry = Typed.clip(country, 2).toUpperCase(Locale.ROOT);
        if (bytes == null || !(typedCountry.isEmpty() || typedCountry.matches("[A-Z]{2}"))) {
            return importPage(request, csrf, model, "", List.of(new FieldError("file", page.t("iccam.import.error.lost"))), null, "");
        }
        try {
            IccamImports.Imported imported = imports.importAll(IccamReader.read(bytes), typedCountry.isEmpty() ? null : typedCountry, Analyst.of(user));
            return ResponseEntity.status(303)
                    .header(HttpHeaders.LOCATION, IMPORT + "?created=" + imported.created().size() + "&skipped=" + imported.skipped().size()).build();
        }
        catch (IccamImports.Refused refused) {
            return preview(request, csrf, model, user, bytes, typedCountry);
        }
    }

    private String preview(HttpServletRequest request, CsrfToken csrf, Model model, StaffUser user, byte[] bytes, String country) {
        IccamImports.Preview preview = imports.preview(IccamReader.read(bytes), country.isEmpty() ? null : country, Analyst.of(user));
        String carried = preview.acceptable() ? IccamImports.carry(bytes) : "";
        ImportView shown = new ImportView(preview, problems(preview, pages.page(request, "iccam.import.title", false)),
                carried.length() > IccamImports.MAX_CARRIED ? "" : carried, carried.length() > IccamImports.MAX_CARRIED);
        return importPage(request, csrf, model, country, List.of(), shown, "");
    }

    private String importPage(HttpServletRequest request, CsrfToken csrf, Model model, String country, List<FieldError> errors,
            @Nullable ImportView preview, String done) {
        boolean refused = preview != null && !preview.preview().acceptable();
        model.addAttribute("page", pages.page(request, "iccam.import.title", !errors.isEmpty() || refused));
        model.addAttribute("csrf", csrf);
        model.addAttribute("country", country);
        model.addAttribute("errors", errors);
        model.addAttribute("shown", preview);
        model.addAttribute("done", done);
        return "referral/iccam/import";
    }

    private String exportPage(HttpServletRequest request, CsrfToken csrf, Model model, Map<String, String> typed, List<FieldError> errors) {
        model.addAttribute("page", pages.page(request, "iccam.export.title", !errors.isEmpty()));
        model.addAttribute("csrf", csrf);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("formats", IccamFormat.values());
        return "referral/iccam/export";
    }

    /** The problems as the page says them: where, and what. */
    private static List<ImportView.Problem> problems(IccamImports.Preview preview, StaffPage page) {
        List<ImportView.Problem> shown = new ArrayList<>();
        for (IccamProblem problem : preview.problems()) {
            String where;
            if (problem.line() > 0) {
                where = page.t("iccam.where.line", problem.line());
            }
            else if (problem.report() > 0 && problem.url() > 0) {
                where = page.t("iccam.where.url", problem.report(), problem.url());
            }
            else if (problem.report() > 0) {
                where = page.t("iccam.where.report", problem.report());
            }
            else {
                where = page.t("iccam.where.file");
            }
            shown.add(new ImportView.Problem(where, page.t(problem.messageKey(), problem.field(), problem.value())));
        }
        return shown;
    }

    private static @Nullable UUID uuid(String text) {
        try {
            return text.length() == 36 ? UUID.fromString(text) : null;
        }
        catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private static @Nullable LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        }
        catch (DateTimeParseException malformed) {
            return null;
        }
    }
}
