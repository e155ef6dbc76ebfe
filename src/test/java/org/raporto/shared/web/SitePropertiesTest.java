package org.raporto.shared.web;

import java.net.URI;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.raporto.shared.Language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SitePropertiesTest {

    @Test
    void linksStartWithThePublicAddressWhateverItsTrailingSlash() {
        assertThat(site("https://raporto.example.al/").linkTo(SiteMap.FOLLOW_UP.in(Language.SQ)))
                .isEqualTo("https://raporto.example.al/sq/raporto/ndiq");
        assertThat(site("https://example.al/hotline").linkTo("/en/")).isEqualTo("https://example.al/hotline/en/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"raporto.example.al", "/sq/", "ftp://example.al", "https://example.al/?x=1", "https://example.al/#top", "https:example"})
    void refusesAPublicAddressThatIsNotAnAbsoluteWebAddress(String publicUrl) {
        assertThatThrownBy(() -> site(publicUrl)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("raporto.site.public-url");
    }

    private static SiteProperties site(String publicUrl) {
        return new SiteProperties("Raporto", new SiteProperties.HelpLines("112", "129", "116 111", "ALO"),
                URI.create("https://www.google.com/"), ZoneId.of("Europe/Tirane"), URI.create(publicUrl));
    }
}
