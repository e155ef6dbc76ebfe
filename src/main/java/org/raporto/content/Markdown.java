package org.raporto.content;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Markdown made into HTML that is safe to show on a page. Raw HTML in the Markdown is shown as text, never
 * interpreted; the output then passes an allow-list, so that nothing the list does not name survives even if the
 * renderer had a flaw: no script, style, frame, object or embed, no event handler, no address other than
 * {@code http(s)}, {@code mailto} or one of our own. Images come only from our media library ({@code /media/{id}})
 * and need alt text; any other is replaced by its alt text. Links to other hosts get
 * {@code rel="noopener noreferrer nofollow"}. Headings are moved so that the body's highest is an h2, below the page's
 * title, its only h1, and no level is skipped at the top (writers use {@code #} as often as {@code ##} for a first part).
 */
public final class Markdown {

    private static final Pattern OWN_MEDIA = Pattern.compile("/media/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern OTHER_HOST = Pattern.compile("(?i)^(https?:)?//.*");
    static final String EXTERNAL_REL = "noopener noreferrer nofollow";

    private static final AttributeProvider EXTERNAL_LINKS = (node, tagName, attributes) -> {
        if (node instanceof Link && OTHER_HOST.matcher(attributes.getOrDefault("href", "")).matches()) {
            attributes.put("rel", EXTERNAL_REL);
        }
    };
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .attributeProviderFactory(context -> EXTERNAL_LINKS)
            .build();
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em", "code", "pre", "blockquote", "hr", "br", "a", "img")
            .allowUrlProtocols("https", "http", "mailto")
            .allowAttributes("href").onElements("a")
            .allowAttributes("rel").matching(Pattern.compile(Pattern.quote(EXTERNAL_REL))).onElements("a")
            .allowAttributes("src").matching(OWN_MEDIA).onElements("img")
            .allowAttributes("alt", "title").onElements("img")
            .allowAttributes("start").matching(Pattern.compile("[0-9]{1,6}")).onElements("ol")
            .disallowElements("script", "style", "iframe", "object", "embed")
            .toFactory();

    private Markdown() {
    }

    /** The body as HTML fit to be inserted into a page as it is; empty for an empty body. */
    public static String toHtml(String markdown) {
        Node document = PARSER.parse(markdown);
        HighestHeading highest = new HighestHeading();
        document.accept(highest);
        ShiftAndCheck visitor = new ShiftAndCheck(2 - highest.level);
        document.accept(visitor);
        for (Image image : visitor.foreignImages) {
            String alt = textOf(image);
            if (!alt.isBlank()) {
                image.insertBefore(new Text(alt));
            }
            image.unlink();
        }
        return POLICY.sanitize(RENDERER.render(document));
    }

    private static String textOf(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text literal) {
                text.append(literal.getLiteral());
            }
        });
        return text.toString();
    }

    private static final class HighestHeading extends AbstractVisitor {

        int level = 6;

        @Override
        public void visit(Heading heading) {
            level = Math.min(level, heading.getLevel());
        }
    }

    private static final class ShiftAndCheck extends AbstractVisitor {

        final List<Image> foreignImages = new ArrayList<>();
        private final int shift;

        ShiftAndCheck(int shift) {
            this.shift = shift;
        }

        @Override
        public void visit(Heading heading) {
            heading.setLevel(Math.max(2, Math.min(6, heading.getLevel() + shift)));
            visitChildren(heading);
        }

        @Override
        public void visit(Image image) {
            if (!OWN_MEDIA.matcher(image.getDestination()).matches() || textOf(image).isBlank()) {
                foreignImages.add(image);
            }
            visitChildren(image);
        }
    }

}
