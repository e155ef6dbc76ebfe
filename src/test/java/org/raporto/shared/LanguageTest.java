package org.raporto.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en-US,en;q=0.9       | EN",
            "en                   | EN",
            "sq-AL,sq;q=0.9,en;q=0.8 | SQ",
            "sq                   | SQ",
            "de-DE,de;q=0.9,en;q=0.5 | EN",
            "en;q=0.2,sq;q=0.9    | SQ",
            "fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5 | EN",
    })
    void negotiatesByWeightedPreference(String header, Language expected) {
        assertThat(Language.negotiate(header)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "de", "*", "zh-CN,ja;q=0.5", ";;;===", "en;q=abc", "ë;q=1", "en;q=0"})
    void prefersAlbanianWhenUnsure(String header) {
        assertThat(Language.negotiate(header)).isEqualTo(Language.SQ);
    }

    @Test
    void prefersAlbanianForAnOversizedHeader() {
        assertThat(Language.negotiate("x".repeat(8000))).isEqualTo(Language.SQ);
        assertThat(Language.negotiate("de,".repeat(3000) + "en")).isEqualTo(Language.EN);
    }

    @ParameterizedTest
    @CsvSource({"/sq/, SQ", "/en/about, EN", "/sq, SQ", "/en/raporto/hapi-2, EN"})
    void readsTheLanguageFromTheFirstPathSegment(String path, Language expected) {
        assertThat(Language.fromPath(path)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/staff/cases", "/english/", "/SQ/", "/sqx/", "sq/", "/de/"})
    void findsNoLanguageInOtherPaths(String path) {
        assertThat(Language.fromPath(path)).isEmpty();
    }

    @Test
    void albanianIsTheDefault() {
        assertThat(Language.DEFAULT).isEqualTo(Language.SQ);
        assertThat(Language.values()[0]).isEqualTo(Language.SQ);
    }
}
