package org.raporto.shared.i18n;

import java.nio.charset.StandardCharsets;

import org.raporto.shared.Language;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

    /**
     * {@code messages_sq.properties} and {@code messages_en.properties}; there is deliberately no language-neutral
     * {@code messages.properties}, so a key missing in one language fails loudly instead of showing the other.
     */
    @Bean
    MessageSource messageSource() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setDefaultLocale(Language.DEFAULT.locale());
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
