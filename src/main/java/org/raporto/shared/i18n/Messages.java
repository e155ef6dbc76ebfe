package org.raporto.shared.i18n;

import java.text.MessageFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.raporto.shared.Language;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The messages of {@code messages_sq.properties} and {@code messages_en.properties}, formatted with their arguments.
 * <p>
 * Spring's message source formats every message with arguments under a lock on one shared {@link MessageFormat}
 * per message; with many requests rendering the same page that lock became the bottleneck (see bench/RESULTS.md).
 * Here each call formats with its own copy of a parsed pattern, so no thread waits for another.
 */
@Component
public class Messages {

    private final MessageSource source;
    private final Map<Key, MessageFormat> patterns = new ConcurrentHashMap<>();

    Messages(MessageSource source) {
        this.source = source;
    }

    /**
     * The message with this key in this language, its {@code {0}}, {@code {1}}… filled with the arguments.
     *
     * @throws org.springframework.context.NoSuchMessageException when the key is missing in that language
     */
    public String get(Language language, String key, Object... arguments) {
        String message = source.getMessage(key, null, language.locale());
        if (arguments.length == 0) {
            return message;
        }
        Key formatKey = new Key(language, message);
        // get before computeIfAbsent: the latter locks its bin even when the pattern is already there.
        MessageFormat pattern = patterns.get(formatKey);
        if (pattern == null) {
            pattern = patterns.computeIfAbsent(formatKey, missing -> new MessageFormat(missing.message(), missing.language().locale()));
        }
        return ((MessageFormat) pattern.clone()).format(arguments);
    }

    private record Key(Language language, String message) {
    }
}
