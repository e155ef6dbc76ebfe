package org.raporto.intake;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.raporto.shared.Language;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class CategoriesTest {

    @Autowired
    Categories categories;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theTwelveCategoriesOfTheDesignAreOfferedInOrderWithTextInEveryLanguage() {
        List<Category> active = categories.active();
        assertThat(active).extracting(Category::code).containsExactly("csam", "grooming", "sextortion", "intimate-images",
                "cyberbullying", "hate-speech", "violent-extremism", "self-harm", "fake-profile", "fraud", "adult-content", "other");
        for (Category category : active) {
            for (Language language : Language.values()) {
                assertThat(category.in(language).name()).as(category.code() + " " + language).isNotBlank();
                assertThat(category.in(language).guidance()).as(category.code() + " " + language).isNotBlank();
            }
        }
    }

    @Test
    void childSexualAbuseMaterialNeedsAnAddressAndNeverTakesImages() {
        Category csam = categories.active("csam").orElseThrow();
        assertThat(csam.requires()).isEqualTo(Category.Requirement.URL);
        assertThat(csam.attachmentsAllowed()).isFalse();
        assertThat(csam.priority()).isEqualTo(Category.Priority.URGENT);
    }

    @Test
    @Transactional
    void theDatabaseRefusesImagesForChildSexualAbuseMaterialWhoeverEditsTheCategory() {
        assertThatThrownBy(() -> jdbc.sql("UPDATE intake_category SET attachments_allowed = true WHERE code = 'csam'").update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    @Transactional
    void inactiveCategoriesAreNotOffered() {
        jdbc.sql("UPDATE intake_category SET active = false WHERE code = 'fraud'").update();
        assertThat(categories.active()).extracting(Category::code).doesNotContain("fraud");
        assertThat(categories.active("fraud")).isEmpty();
    }
}
