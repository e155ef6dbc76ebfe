package org.raporto.content;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTest {

    @Test
    void foldsAlbanianLetters() {
        assertThat(Slugs.of("Çfarë është bullizmi në internet?")).isEqualTo("cfare-eshte-bullizmi-ne-internet");
        assertThat(Slugs.of("FËMIJË DHE ÇËSHTJE")).isEqualTo("femije-dhe-ceshtje");
    }

    @Test
    void joinsWordsWithSingleHyphensAndTrimsThem() {
        assertThat(Slugs.of("  --Screen   time: 10 tips!--  ")).isEqualTo("screen-time-10-tips");
        assertThat(Slugs.of("Straße & Smørrebrød")).isEqualTo("strasse-smorrebrod");
    }

    @Test
    void aTitleWithoutLettersOrDigitsHasNoSlug() {
        assertThat(Slugs.of("?!… 😀")).isEmpty();
        assertThat(Slugs.of("Детство")).isEmpty();
    }

    @Test
    void longTitlesAreCutAtAWordBoundary() {
        String slug = Slugs.of("word ".repeat(60));
        assertThat(slug).hasSizeLessThanOrEqualTo(120).endsWith("word").doesNotEndWith("-");
        assertThat(Slugs.isSlug(slug)).isTrue();
    }

    @Test
    void recognisesSlugsAsTheSchemaDoes() {
        assertThat(Slugs.isSlug("bullizmi-ne-internet")).isTrue();
        assertThat(Slugs.isSlug("Bullizmi")).isFalse();
        assertThat(Slugs.isSlug("a--b")).isFalse();
        assertThat(Slugs.isSlug("-a")).isFalse();
        assertThat(Slugs.isSlug("")).isFalse();
        assertThat(Slugs.isSlug("a".repeat(121))).isFalse();
    }
}
