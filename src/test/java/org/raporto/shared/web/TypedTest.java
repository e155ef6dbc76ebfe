package org.raporto.shared.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TypedTest {

    @Test
    void keepsWhatFitsMakesLineEndsOneAndTakesNothingForNull() {
        assertThat(Typed.clip(null, 10)).isEmpty();
        assertThat(Typed.clip("një\r\ndy", 10)).isEqualTo("një\ndy");
        assertThat(Typed.clip("abcdef", 3)).isEqualTo("abc");
        assertThat(Typed.clip("", 0)).isEmpty();
    }

    @Test
    void neverCutsACharacterInTwo() {
        String emoji = "ab🙂";
        assertThat(emoji.length()).isEqualTo(4);
        assertThat(Typed.clip(emoji, 3)).isEqualTo("ab");
        assertThat(Typed.clip(emoji, 4)).isEqualTo(emoji);
        assertThat(Typed.clip("🙂", 1)).isEmpty();
    }
}
