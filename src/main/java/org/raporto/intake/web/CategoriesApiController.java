package org.raporto.intake.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.raporto.intake.Categories;
import org.raporto.intake.Category;
import org.raporto.shared.Language;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The report categories for apps and partners: what each is called, what it requires, whether it takes images. */
@RestController
class CategoriesApiController {

    private final Categories categories;

    CategoriesApiController(Categories categories) {
        this.categories = categories;
    }

    @GetMapping("/api/v1/categories")
    ResponseEntity<List<CategoryJson>> categories() {
        List<CategoryJson> body = categories.active().stream().map(CategoryJson::of).toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    /**
     * One category as the API shows it.
     *
     * @param names    name per language code
     * @param guidance guidance per language code
     */
    record CategoryJson(String code, Map<String, String> names, Map<String, String> guidance, Category.Requirement requires,
            boolean attachmentsAllowed) {

        static CategoryJson of(Category category) {
            Map<String, String> names = new TreeMap<>();
            Map<String, String> guidance = new TreeMap<>();
            for (Language language : Language.values()) {
                names.put(language.code(), category.in(language).name());
                guidance.put(language.code(), category.in(language).guidance());
            }
            return new CategoryJson(category.code(), names, guidance, category.requires(), category.attachmentsAllowed());
        }
    }
}
