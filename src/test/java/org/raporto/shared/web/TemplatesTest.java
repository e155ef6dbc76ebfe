package org.raporto.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.raporto.shared.Language;

import static org.assertj.core.api.Assertions.assertThat;

/** Every visible word of every template comes from the message bundles, and every key a template names exists. */
class TemplatesTest {

    private static final Path TEMPLATES = Path.of("src/main/jte");
    private static final Pattern MESSAGE_KEY = Pattern.compile("\\.t\\(\"([A-Za-z0-9_.-]+)\"\\s*[,)]");

    @Test
    void templatesHoldNoLiteralText() throws IOException {
        Map<Path, List<String>> literal = new LinkedHashMap<>();
        for (Path template : templates()) {
            List<String> words = TemplateText.literalWords(Files.readString(template, StandardCharsets.UTF_8));
            if (!words.isEmpty()) {
                literal.put(template, words);
            }
        }
        assertThat(literal).as("words written into templates instead of messages_*.properties").isEmpty();
    }

    @Test
    void everyMessageKeyNamedInATemplateExistsInBothLanguages() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (Path template : templates()) {
            Matcher key = MESSAGE_KEY.matcher(Files.readString(template, StandardCharsets.UTF_8));
            while (key.find()) {
                for (Language language : Language.values()) {
                    if (!MessageBundles.of(language).containsKey(key.group(1))) {
                        missing.add(language.code() + ": " + key.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void findsLiteralTextBetweenTags() {
        assertThat(TemplateText.literalWords("<p>Raporto tani</p>")).containsExactly("Raporto", "tani");
    }

    @Test
    void findsLiteralTextInReadableAttributes() {
        assertThat(TemplateText.literalWords("<img src=\"x.png\" alt=\"Logo\"><nav aria-label=\"Main\"></nav>"))
                .containsExactly("alt=\"Logo\"", "aria-label=\"Main\"");
    }

    @Test
    void findsLiteralTextInsideContentBlocksOfTemplateCalls() {
        String template = """
                @param Page page
                @template.layout.page(page = page, content = @`
                    <h1>${page.t("home.title")}</h1>
                    <p>Hello</p>
                `)
                """;
        assertThat(TemplateText.literalWords(template)).containsExactly("Hello");
    }

    @Test
    void ignoresCodeExpressionsConditionsAndLoops() {
        String template = """
                @import org.raporto.shared.web.Page
                @param Page page
                <!DOCTYPE html>
                <html lang="${page.language().code()}">
                @if(page.title().equals("a (b)"))
                <p title="${page.t("x")}">${page.t("y", "literal in code")}</p>
                @elseif(page.is(null))
                <span>&nbsp;·&middot;</span>
                @else
                <br>
                @endif
                @for(var item : java.util.List.of("one", "two"))
                <li>${item}</li>
                @endfor
                <%-- a comment with words --%>
                <script src="/js/a.js"></script>
                """;
        assertThat(TemplateText.literalWords(template)).isEmpty();
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            List<Path> templates = files.filter(file -> file.toString().endsWith(".jte")).sorted().toList();
            assertThat(templates).as("templates under " + TEMPLATES.toAbsolutePath()).isNotEmpty();
            return templates;
        }
    }
}
