package org.raporto.content;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTest {

    private static final String MEDIA = "/media/0b6d3f0e-6c1a-4b7e-9d1e-2f4a5b6c7d8e";

    @Test
    void rendersTheUsualMarkdown() {
        String html = Markdown.toHtml("Some **bold** and *soft* text.\n\n- one\n- two\n\n1. first\n\n> quoted\n\n`code`");
        assertThat(html).contains("<strong>bold</strong>", "<em>soft</em>", "<ul><li>one</li><li>two</li></ul>", "<ol><li>first</li></ol>",
                "<blockquote>", "<code>code</code>");
    }

    @Test
    void movesHeadingsSoThatTheBodyBeginsAtH2UnderThePagesOnlyH1() {
        assertThat(Markdown.toHtml("# Title\n\n## Part\n\n###### Deep")).contains("<h2>Title</h2>", "<h3>Part</h3>", "<h6>Deep</h6>")
                .doesNotContain("<h1>", "<h7>");
        assertThat(Markdown.toHtml("## Part\n\n### Sub\n\n## Next")).as("no level skipped after the title")
                .contains("<h2>Part</h2>", "<h3>Sub</h3>", "<h2>Next</h2>");
        assertThat(Markdown.toHtml("#### Deep first\n\n##### Deeper")).contains("<h2>Deep first</h2>", "<h3>Deeper</h3>");
        assertThat(Markdown.toHtml("No heading at all")).doesNotContain("<h");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
            "<style>body{display:none}</style>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<div onclick=\"alert(1)\">x</div>",
            "<svg><script>alert(1)</script></svg>",
            "<<script>script>alert(1)<</script>/script>",
            "<scr\u0000ipt>alert(1)</script>",
            "<p>\n<script>\nalert(1)\n</script>\n</p>",
    })
    void rawHtmlNeverBecomesMarkup(String hostile) {
        String html = Markdown.toHtml(hostile);
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<iframe").doesNotContainIgnoringCase("<object")
                .doesNotContainIgnoringCase("<embed").doesNotContainIgnoringCase("<style").doesNotContainIgnoringCase("<svg")
                .doesNotContainIgnoringCase("<div").doesNotContainIgnoringCase("onerror=").doesNotContainIgnoringCase("onclick=")
                .doesNotContainIgnoringCase("href=\"javascript");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x](java\tscript:alert(1))",
            "[x](&#106;avascript:alert(1))",
            "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "[x](vbscript:msgbox(1))",
            "<javascript:alert(1)>",
            "[x]: javascript:alert(1)\n\n[y][x]",
    })
    void dangerousLinkTargetsAreDropped(String hostile) {
        String html = Markdown.toHtml(hostile);
        // Shown as text, the words are harmless; they must never become a link's target.
        assertThat(html).doesNotContainPattern("(?i)href=\"\\s*(javascript|data|vbscript|&#)");
    }

    @Test
    void linksToOtherHostsCannotFollowUsBack() {
        String html = Markdown.toHtml("[AKEP](https://akep.al/) and [our guide](/sq/udhezues/bullizmi) and [mail](mailto:info@example.org)");
        assertThat(html).containsPattern("<a (rel=\"noopener noreferrer nofollow\" href=\"https://akep.al/\"|href=\"https://akep.al/\" rel=\"noopener noreferrer nofollow\")>AKEP</a>")
                .contains("<a href=\"/sq/udhezues/bullizmi\">our guide</a>")
                .contains("<a href=\"mailto:info&#64;example.org\">mail</a>");
    }

    @Test
    void anAuthorCannotMakeAnInternalLinkLookExternalOrTheReverse() {
        assertThat(Markdown.toHtml("[x](//evil.example/)")).contains("rel=\"noopener noreferrer nofollow\"");
    }

    @Test
    void imagesComeOnlyFromOurMediaLibraryAndNeedAltText() {
        assertThat(Markdown.toHtml("![A child with a tablet](" + MEDIA + ")"))
                .contains("<img src=\"" + MEDIA + "\" alt=\"A child with a tablet\" />");
        assertThat(Markdown.toHtml("![Tracker](https://tracker.example/pixel.gif)")).doesNotContain("<img").contains("Tracker");
        assertThat(Markdown.toHtml("![x](data:image/png;base64,iVBORw0KGgo=)")).doesNotContain("<img").doesNotContain("data:");
        assertThat(Markdown.toHtml("![](" + MEDIA + ")")).doesNotContain("<img");
        assertThat(Markdown.toHtml("![x](" + MEDIA + "/../../staff)")).doesNotContain("<img");
        assertThat(Markdown.toHtml("![x](" + MEDIA + "\" onerror=\"alert(1))")).doesNotContain("<img").doesNotContain("onerror=\"");
    }

    @Test
    void altTextCannotBreakOutOfItsAttribute() {
        String html = Markdown.toHtml("![\" onerror=\"alert(1)](" + MEDIA + ")");
        assertThat(html).doesNotContain("onerror=\"alert").contains("<img");
    }

    @Test
    void unicodeTextSurvivesAndLookAlikeTagsDoNot() {
        assertThat(Markdown.toHtml("Fëmijët çdo ditë — “thonjëza” 😀")).contains("Fëmijët çdo ditë — “thonjëza” &#x1f600;");
        assertThat(Markdown.toHtml("\uFF1Cscript\uFF1Ealert(1)\uFF1C/script\uFF1E")).doesNotContain("<script");
        assertThat(Markdown.toHtml("\u202Egnp.exe")).isEqualTo("<p>\u202Egnp.exe</p>\n");
    }

    @Test
    void deeplyNestedInputIsRenderedWithoutFailing() {
        String nested = "> ".repeat(500) + "deep " + "[".repeat(1000) + "x" + "]".repeat(1000) + "*".repeat(5000);
        assertThat(Markdown.toHtml(nested)).contains("deep").doesNotContain("<script");
    }

    @Test
    void anEmptyBodyIsEmpty() {
        assertThat(Markdown.toHtml("")).isEmpty();
    }
}
