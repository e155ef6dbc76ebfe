package org.raporto.shared.web;

import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.raporto.shared.Language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Both languages are complete at all times, and every message can be formatted. */
class MessageBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    private final Properties albanian = MessageBundles.of(Language.SQ);
    private final Properties english = MessageBundles.of(Language.EN);

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(english.stringPropertyNames()).as("keys only in Albanian are missing in English")
                .containsAll(albanian.stringPropertyNames());
        assertThat(albanian.stringPropertyNames()).as("keys only in English are missing in Albanian")
                .containsAll(english.stringPropertyNames());
    }

    @Test
    void noMessageIsEmpty() {
        for (Properties bundle : new Properties[] {albanian, english}) {
            assertThat(bundle.stringPropertyNames()).allSatisfy(key -> assertThat(bundle.getProperty(key)).as(key).isNotBlank());
        }
    }

    @Test
    void translationsUseTheSamePlaceholders() {
        for (String key : albanian.stringPropertyNames()) {
            assertThat(placeholders(english.getProperty(key, ""))).as(key).isEqualTo(placeholders(albanian.getProperty(key)));
        }
    }

    @Test
    void messagesWithArgumentsAreValidMessageFormatPatterns() {
        for (Properties bundle : new Properties[] {albanian, english}) {
            for (String key : bundle.stringPropertyNames()) {
                String message = bundle.getProperty(key);
                if (!placeholders(message).isEmpty()) {
                    assertThat(message).as(key + ": a ' in a message with arguments swallows text; write ’").doesNotContain("'");
                    assertThatCode(() -> new MessageFormat(message)).as(key).doesNotThrowAnyException();
                }
            }
        }
    }

    private static Set<String> placeholders(String message) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(message);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
