package org.raporto.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.raporto.shared.Language;

/** Reads the message bundles as files, the way translators see them. */
final class MessageBundles {

    private MessageBundles() {
    }

    static Properties of(Language language) {
        String name = "/messages_" + language.code() + ".properties";
        try (InputStream in = MessageBundles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("No " + name + " on the classpath");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
