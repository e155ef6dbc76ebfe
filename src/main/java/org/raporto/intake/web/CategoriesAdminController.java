package org.raporto.intake.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.raporto.audit.Actor;
import org.raporto.intake.Categories;
import org.raporto.intake.Category;
import org.raporto.shared.Language;
import org.raporto.shared.web.FieldError;
import org.raporto.shared.web.SignedIn;
import org.raporto.shared.web.StaffPage;
import org.raporto.shared.web.StaffPages;
import org.raporto.shared.web.Typed;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Administrators edit the report categories: names and guidance in every language, what a report must point at,
 * whether screenshots are taken, the first priority, how long a closed report keeps personal data, who reports are
 * usually passed to, and whether the category is offered. Reports of child sexual
 * abuse always need an address and never take screenshots, whatever is posted.
 */
@Controller
class CategoriesAdminController {

    static final String CATEGORIES = "/staff/admin/categories";

    private final StaffPages pages;
    private final Categories categories;

    CategoriesAdminController(StaffPages pages, Categories categories) {
        this.pages = pages;
        this.categories = categories;
    }

    @GetMapping(CATEGORIES)
    String list(HttpServletRequest request, CsrfToken csrf, Model model) {
        model.addAttribute("page", pages.page(request, "categories.title", false));
        model.addAttribute("csrf", csrf);
        model.addAttribute("categories", categories.all());
        return "intake/admin-categories";
    }

    @GetMapping(CATEGORIES + "/{code}")
    Object edit(HttpServletRequest request, CsrfToken csrf, Model model, @PathVariable String code) {
        return find(code).<Object>map(listed -> form(request, csrf, model, listed, List.of())).orElseGet(() -> redirect(CATEGORIES));
    }

    @PostMapping(CATEGORIES + "/{code}")
    Object save(HttpServletRequest request, CsrfToken csrf, Model model, @PathVariable String code, @AuthenticationPrincipal SignedIn admin,
            @RequestParam Map<String, String> form) {
        Optional<Categories.Listed> found = find(code);
        if (found.isEmpty()) {
            return redirect(CATEGORIES);
        }
        Map<Language, Category.Text> texts = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            texts.put(language, new Category.Text(Typed.clip(form.get("name-" + language.code()), 200), Typed.clip(form.get("guidance-" + language.code()), 3000)));
        }
        Category current = found.get().category();
        Category.Requirement requires = parse(Category.Requirement.class, form.get("requires"), current.requires());
        Category.Priority priority = parse(Category.Priority.class, form.get("priority"), current.priority());
        Set<Category.Recipient> routing = EnumSet.noneOf(Category.Recipient.class);
        for (Category.Recipient recipient : Category.Recipient.values()) {
            if ("true".equals(form.get("routing-" + recipient.name()))) {
                routing.add(recipient);
            }
        }
        String retention = Typed.clip(form.get("retentionDays"), 20).strip();
        boolean active = "true".equals(form.get("active"));
        Category typed = new Category(code, requires, "true".equals(form.get("attachmentsAllowed")), priority,
                retention.matches("[0-9]{1,4}") ? Integer.parseInt(retention) : 0, routing, texts);
        StaffPage page = pages.page(request, "categories.edit.title", true);
        List<FieldError> errors = new ArrayList<>();
        if (typed.retentionDays() < 1 || typed.retentionDays() > Category.LONGEST_RETENTION_DAYS) {
            errors.add(new FieldError("retentionDays", page.t("categories.error.retention")));
        }
        if (code.equals("csam") && (typed.attachmentsAllowed() || requires != Category.Requirement.URL)) {
            errors.add(new FieldError("requires-URL", page.t("categories.error.csam")));
        }
        if (errors.isEmpty()) {
            try {
                categories.change(typed, active, new Actor(admin.id(), admin.name()));
                return redirect(CATEGORIES);
            }
            catch (IllegalArgumentException refused) {
                errors.add(new FieldError("name-" + Language.SQ.code(), page.t("categories.error.texts")));
            }
        }
        model.addAttribute("retentionTyped", retention);
        return form(request, csrf, model, new Categories.Listed(typed, active, true), errors);
    }

    private String form(HttpServletRequest request, CsrfToken csrf, Model model, Categories.Listed listed, List<FieldError> errors) {
        model.addAttribute("page", pages.page(request, "categories.edit.title", !errors.isEmpty()));
        model.addAttribute("csrf", csrf);
        model.addAttribute("listed", listed);
        model.addAttribute("errors", errors);
        model.addAttribute("languages", Language.values());
        model.addAttribute("requirements", Category.Requirement.values());
        model.addAttribute("priorities", Category.Priority.values());
        model.addAttribute("recipients", Category.Recipient.values());
        if (!model.containsAttribute("retentionTyped")) {
            model.addAttribute("retentionTyped", String.valueOf(listed.category().retentionDays()));
        }
        return "intake/admin-category";
    }

    private Optional<Categories.Listed> find(String code) {
        return categories.all().stream().filter(listed -> listed.category().code().equals(code)).findFirst();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, E otherwise) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        return otherwise;
    }

    private static ResponseEntity<Void> redirect(String path) {
        return ResponseEntity.status(303).header(HttpHeaders.LOCATION, path).build();
    }
}
