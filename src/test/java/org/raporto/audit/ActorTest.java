package org.raporto.audit;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActorTest {

    @Test
    void theSystemAndTheUnknownHaveNoAccount() {
        assertThat(Actor.system()).isEqualTo(new Actor(null, "system"));
        assertThat(Actor.unknown()).isEqualTo(new Actor(null, "unknown"));
    }

    @Test
    void keepsANameInAnyScriptAsItIs() {
        UUID id = UUID.randomUUID();
        assertThat(new Actor(id, "Ëndrit Çollaku 🦉").name()).isEqualTo("Ëndrit Çollaku 🦉");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "Ana\u0000", "Ana\uD83E", "\uDD89Ana", "Ana\uDD89\uD83E"})
    void refusesANameThatCannotBeStoredAndHashedAsItIs(String name) {
        assertThatThrownBy(() -> new Actor(UUID.randomUUID(), name)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesANameLongerThanTheLimit() {
        assertThat(new Actor(null, "a".repeat(Actor.MAX_NAME)).name()).hasSize(Actor.MAX_NAME);
        assertThatThrownBy(() -> new Actor(null, "a".repeat(Actor.MAX_NAME + 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("aaa");
    }
}
