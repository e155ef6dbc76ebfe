package org.raporto.content.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.raporto.audit.Actor;
import org.raporto.content.ArticleType;
import org.raporto.content.Articles;
import org.raporto.content.ContentPaths;
import org.raporto.content.Markdown;
import org.raporto.content.MediaLibrary;
import org.raporto.content.editing.Draft;
import org.raporto.content.editing.EditedArticle;
import org.raporto.content.editing.Editorial;
import org.raporto.content.editing.EditorialRefused;
import org.raporto.content.editing.Revision;
import org.raporto.content.editing.RevisionDiff;
import org.raporto.identity.StaffUser;
import org.raporto.shared.Language;
import org.raporto.shared.web.FieldError;
import org.raporto.shared.web.SiteProperties;
import org.raporto.shared.web.StaffPage;
import org.raporto.shared.web.StaffPages;
import org.raporto.shared.web.Typed;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The editors' pages, {@code /staff/content}: the list, the editor with its preview, the workflow's steps and the
 * revision history. The editor's form is sent as multipart, so that a long article is never cut by the size limit of
 * ordinary forms; a refused form comes back with everything typed, and a step that cannot be taken says why.
 */
@Controller
class EditorialController {

    static final String CONTENT = "/staff/content";
    private static final String NEW = "new";
    /** The steps a confirmation is shown for after the redirect. */
    private static final List<String> DONE = List.of("saved", "submitted", "sentBack", "published", "endChanged", "archived", "reopened",
            "discarded", "restored");
    /** The newest files of the library the editor offers to attach; an older one already attached is added. */
    private static final int MEDIA_CHOICES = 500;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final StaffPages pages;
    private final Editorial editorial;
    private final Articles articles;
    private final MediaLibrary media;
    private final SiteProperties site;
    private final Clock clock;

    EditorialController(StaffPages pages, Editorial editorial, Articles articles, MediaLibrary media, SiteProperties site, Clock clock) {
        this.pages = pages;
        this.editorial = editorial;
        this.articles = articles;
        this.media = media;
        this.site = site;
        this.clock = clock;
    }

    @GetMapping({CONTENT, CONTENT + "/"})
    String list(HttpServletRequest request, Model model, CsrfToken csrf, @RequestParam(defaultValue = "") String lang,
            @RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String shown,
            @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") String page) {
        Editorial.Filter filter = new Editorial.Filter(Language.fromCode(lang).orElse(null), parse(ArticleType.class, type),
                parse(Editorial.Shown.class, shown), Typed.clip(q, 200));
        model.addAttribute("page", pages.page(request, "content.staff.list.title", false));
        model.addAttribute("csrf", csrf);
        model.addAttribute("filter", filter);
        model.addAttribute("listing", editorial.list(filter, page.matches("[0-9]{1,5}") ? Integer.parseInt(page) : 1));
        model.addAttribute("now", clock.instant());
        return "content/staff-list";
    }

    @GetMapping(CONTENT + "/{id}")
    String edit(HttpServletRequest request, Model model, CsrfToken csrf, @AuthenticationPrincipal StaffUser editor, @PathVariable String id,
            @RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String lang,
            @RequestParam(defaultValue = "") String done, @RequestParam(defaultValue = "") String refused) {
        if (id.equals(NEW)) {
            ArticleType chosen = Optional.ofNullable(parse(ArticleType.class, type)).orElse(ArticleType.GUIDE);
            Language language = Language.fromCode(lang).orElse(Language.SQ);
            return editor(request, model, csrf, editor, new EditorView(null, language, ArticleForm.empty(chosen), 0, EditorView.Steps.EMPTY, List.of(), null, "", ""));
        }
        EditedArticle article = article(id);
        EditorView view = new EditorView(article, article.language(), ArticleForm.of(article.draft()), article.version(), EditorView.Steps.EMPTY, List.of(), null,
                DONE.contains(done) ? done : "", refusal(refused));
        return editor(request, model, csrf, editor, view);
    }

    /** Saves, or shows the preview of what was typed without saving ({@code action=preview}). */
    @PostMapping(CONTENT + "/{id}")
    Object save(HttpServletRequest request, Model model, CsrfToken csrf, @AuthenticationPrincipal StaffUser editor, @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form) {
        boolean isNew = id.equals(NEW);
        EditedArticle article = isNew ? null : article(id);
        Language language = isNew ? Language.fromCode(Typed.clip(form.getFirst("language"), 5)).orElse(Language.SQ) : article.language();
        ArticleForm typed = ArticleForm.typed(form);
        int version = version(form.getFirst("version"));
        ArticleForm.Parsed parsed = typed.parse();
        if ("preview".equals(form.getFirst("action"))) {
            String preview = Markdown.toHtml(Typed.clip(typed.body(), Draft.MAX_BODY));
            return editor(request, model, csrf, editor, new EditorView(article, language, typed, version, EditorView.Steps.EMPTY, errors(parsed.problems()), preview, "", ""));
        }
        List<String> problems = new ArrayList<>(parsed.problems());
        String refused = "";
        if (parsed.draft() != null) {
            try {
                EditedArticle saved = isNew ? editorial.create(language, parsed.draft(), actor(editor))
                        : editorial.save(article.id(), version, parsed.draft(), actor(editor));
                return redirect(saved.id(), "done=saved");
            }
            catch (EditorialRefused refusal) {
                problems.addAll(refusal.fields());
                refused = refusal.reason() == EditorialRefused.Reason.INVALID ? "" : refusal.reason().name();
            }
        }
        // Saved over by someone else: the typed text stays, and saving again (having looked) replaces theirs.
        int next = refused.equals(EditorialRefused.Reason.STALE.name()) ? article(id).version() : version;
        return editor(request, model, csrf, editor, new EditorView(isNew ? null : article(id), language, typed, next, EditorView.Steps.EMPTY, errors(problems),
                null, "", refused));
    }

    @PostMapping(CONTENT + "/{id}/submit")
    Object submit(@AuthenticationPrincipal StaffUser editor, @PathVariable String id, @RequestParam(defaultValue = "") String version) {
        UUID article = article(id).id();
        return step(article, "submitted", () -> editorial.submit(article, version(version), actor(editor)));
    }

    @PostMapping(CONTENT + "/{id}/send-back")
    Object sendBack(HttpServletRequest request, Model model, CsrfToken csrf, @AuthenticationPrincipal StaffUser reviewer, @PathVariable String id,
            @RequestParam(defaultValue = "") String version, @RequestParam(defaultValue = "") String note) {
        EditedArticle article = article(id);
        String typed = Typed.clip(note, 2 * Editorial.MAX_NOTE);
        try {
            editorial.sendBack(article.id(), version(version), typed, actor(reviewer));
            return redirect(article.id(), "done=sentBack");
        }
        catch (EditorialRefused refusal) {
            return refused(request, model, csrf, reviewer, article, refusal.fields(), refusal, new EditorView.Steps("", "", typed));
        }
    }

    @PostMapping(CONTENT + "/{id}/publish")
    Object publish(HttpServletRequest request, Model model, CsrfToken csrf, @AuthenticationPrincipal StaffUser reviewer, @PathVariable String id,
            @RequestParam(defaultValue = "") String version, @RequestParam(defaultValue = "") String publishAt,
            @RequestParam(defaultValue = "") String unpublishAt) {
        EditedArticle article = article(id);
        EditorView.Steps typed = new EditorView.Steps(Typed.clip(publishAt, 30), Typed.clip(unpublishAt, 30), "");
        List<String> problems = new ArrayList<>();
        Instant start = time(typed.publishAt(), "publishAt", problems);
        Instant end = time(typed.unpublishAt(), "unpublishAt", problems);
        if (!problems.isEmpty()) {
            return refused(request, model, csrf, reviewer, article, problems, null, typed);
        }
        try {
            editorial.publish(article.id(), version(version), start, end, actor(reviewer));
            return redirect(article.id(), "done=published");
        }
        catch (EditorialRefused refusal) {
            return refused(request, model, csrf, reviewer, article, refusal.fields(), refusal, typed);
        }
    }

    @PostMapping(CONTENT + "/{id}/end")
    Object end(HttpServletRequest request, Model model, CsrfToken csrf, @AuthenticationPrincipal StaffUser editor, @PathVariable String id,
            @RequestParam(defaultValue = "") String version, @RequestParam(defaultValue = "") String unpublishAt) {
        EditedArticle article = article(id);
        EditorView.Steps typed = new EditorView.Steps("", Typed.clip(unpublishAt, 30), "");
        List<String> problems = new ArrayList<>();
        Instant end = time(typed.unpublishAt(), "unpublishAt", problems);
        if (!problems.isEmpty()) {
            return refused(request, model, csrf, editor, article, problems, null, typed);
        }
        try {
            editorial.endAt(article.id(), version(version), end, actor(editor));
            return redirect(article.id(), "done=endChanged");
        }
        catch (EditorialRefused refusal) {
            return refused(request, model, csrf, editor, article, refusal.fields(), refusal, typed);
        }
    }

    @PostMapping(CONTENT + "/{id}/archive")
    Object archive(@AuthenticationPrincipal StaffUser editor, @PathVariable String id, @RequestParam(defaultValue = "") String version) {
        UUID article = article(id).id();
        return step(article, "archived", () -> editorial.archive(article, version(version), actor(editor)));
    }

    @PostMapping(CONTENT + "/{id}/reopen")
    Object reopen(@AuthenticationPrincipal StaffUser editor, @PathVariable String id, @RequestParam(defaultValue = "") String version) {
        UUID article = article(id).id();
        return step(article, "reopened", () -> editorial.reopen(article, version(version), actor(editor)));
    }

    @PostMapping(CONTENT + "/{id}/discard")
    Object discard(@AuthenticationPrincipal StaffUser editor, @PathVariable String id, @RequestParam(defaultValue = "") String version) {
        UUID article = article(id).id();
        return step(article, "discarded", () -> editorial.discardChanges(article, version(version), actor(editor)));
    }

    @PostMapping(CONTENT + "/{id}/translate")
    Object translate(@AuthenticationPrincipal StaffUser editor, @PathVariable String id) {
        UUID translation = editorial.translate(article(id).id(), actor(editor));
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", CONTENT + "/" + translation).build();
    }

    @GetMapping(CONTENT + "/{id}/revisions")
    String revisions(HttpServletRequest request, Model model, CsrfToken csrf, @PathVariable String id,
            @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to) {
        EditedArticle article = article(id);
        List<Revision> revisions = editorial.revisions(article.id());
        Revision newer = pick(revisions, to, revisions.get(0));
        Revision older = pick(revisions, from, revisions.size() > 1 && newer == revisions.get(0) ? revisions.get(1) : newer);
        model.addAttribute("page", pages.page(request, "content.staff.revisions.title", false));
        model.addAttribute("csrf", csrf);
        model.addAttribute("article", article);
        model.addAttribute("revisions", revisions);
        model.addAttribute("older", older);
        model.addAttribute("newer", newer);
        model.addAttribute("diff", RevisionDiff.between(older.draft(), newer.draft()));
        return "content/staff-revisions";
    }

    @PostMapping(CONTENT + "/{id}/revisions/{number}/restore")
    Object restore(@AuthenticationPrincipal StaffUser editor, @PathVariable String id, @PathVariable String number,
            @RequestParam(defaultValue = "") String version) {
        EditedArticle article = article(id);
        if (!number.matches("[0-9]{1,6}") || editorial.revision(article.id(), Integer.parseInt(number)).isEmpty()) {
            throw notFound();
        }
        return step(article.id(), "restored", () -> editorial.restore(article.id(), version(version), Integer.parseInt(number), actor(editor)));
    }

    // Rendering.

    private String editor(HttpServletRequest request, Model model, CsrfToken csrf, StaffUser editor, EditorView view) {
        StaffPage page = pages.page(request, view.article() == null ? "content.staff.editor.new" : "content.staff.editor.title",
                !view.errors().isEmpty() || !view.refused().isEmpty());
        EditedArticle article = view.article();
        EditorView.Steps steps = view.steps();
        if (article != null && steps == EditorView.Steps.EMPTY) {
            steps = new EditorView.Steps(local(article.publishAt()), local(article.unpublishAt()), "");
        }
        List<FieldError> errors = view.errors().stream().map(error -> new FieldError(error.field(), page.t(error.message()))).toList();
        model.addAttribute("page", page);
        model.addAttribute("csrf", csrf);
        model.addAttribute("view", new EditorView(article, view.language(), view.form(), view.version(), steps, errors, view.preview(), view.done(),
                view.refused()));
        model.addAttribute("topics", articles.topics());
        model.addAttribute("media", mediaChoices(view.form().mediaId()));
        model.addAttribute("translation", article == null ? null : editorial.translation(article).orElse(null));
        Instant now = clock.instant();
        Draft live = article == null ? null : article.live() != null ? article.live() : article.draft();
        model.addAttribute("publicPath", article != null && article.isPublic(now) ? ContentPaths.of(article.language(), live.type(), live.slug()) : null);
        model.addAttribute("zone", site.timeZone());
        model.addAttribute("now", now);
        model.addAttribute("ownWork", article != null && editorial.isOwnWork(article, actor(editor)));
        return "content/staff-editor";
    }

    private List<MediaLibrary.Item> mediaChoices(String attached) {
        List<MediaLibrary.Item> choices = new ArrayList<>(media.page(1, MEDIA_CHOICES).items());
        try {
            UUID id = UUID.fromString(attached.strip());
            if (choices.stream().noneMatch(item -> item.id().equals(id))) {
                media.describe(id).ifPresent(choices::add);
            }
        }
        catch (IllegalArgumentException e) {
            // Nothing attached, or what was typed is no file: the list stays as it is and the error says so.
        }
        return choices;
    }

    /** A workflow step refused: the editor again, with the reason or the problems, and the step's form as typed. */
    private String refused(HttpServletRequest request, Model model, CsrfToken csrf, StaffUser user, EditedArticle stale, List<String> problems,
            @Nullable EditorialRefused refusal, EditorView.Steps typed) {
        EditedArticle article = article(stale.id().toString());
        String reason = refusal != null && refusal.reason() != EditorialRefused.Reason.INVALID ? refusal.reason().name() : "";
        return editor(request, model, csrf, user, new EditorView(article, article.language(), ArticleForm.of(article.draft()), article.version(), typed,
                errors(problems), null, "", reason));
    }

    /** Codes to errors whose message is still a key: the page translates them. */
    private static List<FieldError> errors(List<String> problems) {
        return problems.stream().distinct().map(code -> new FieldError(code.replaceAll("\\..*", ""), "content.staff.error." + code)).toList();
    }

    private Object step(UUID id, String done, Runnable step) {
        try {
            step.run();
            return redirect(id, "done=" + done);
        }
        catch (EditorialRefused refusal) {
            return redirect(id, "refused=" + refusal.reason().name());
        }
    }

    private static ResponseEntity<Void> redirect(UUID id, String query) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", CONTENT + "/" + id + "?" + query).build();
    }

    // Reading what was sent.

    private EditedArticle article(String id) {
        try {
            return editorial.find(UUID.fromString(id)).orElseThrow(EditorialController::notFound);
        }
        catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    private static Revision pick(List<Revision> revisions, String number, Revision otherwise) {
        return revisions.stream().filter(revision -> Integer.toString(revision.number()).equals(number)).findFirst().orElse(otherwise);
    }

    /** A {@code datetime-local} value in the site's time zone; empty means none. */
    private @Nullable Instant time(String typed, String field, List<String> problems) {
        if (typed.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(typed.strip()).atZone(site.timeZone()).toInstant();
        }
        catch (DateTimeParseException e) {
            problems.add(field + ".invalid");
            return null;
        }
    }

    private String local(@Nullable Instant instant) {
        return instant == null ? "" : LOCAL.format(instant.atZone(site.timeZone()).truncatedTo(ChronoUnit.MINUTES));
    }

    private static int version(@Nullable String typed) {
        return typed != null && typed.matches("[0-9]{1,9}") ? Integer.parseInt(typed) : -1;
    }

    private static String refusal(String typed) {
        return Arrays.stream(EditorialRefused.Reason.values()).map(Enum::name).filter(typed::equals).findFirst().orElse("");
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, String typed) {
        return Arrays.stream(type.getEnumConstants()).filter(value -> value.name().equals(typed)).findFirst().orElse(null);
    }

    private static Actor actor(StaffUser user) {
        return new Actor(user.id(), user.name());
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
