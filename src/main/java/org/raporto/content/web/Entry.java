package org.raporto.content.web;

import org.jspecify.annotations.Nullable;

/**
 * A question with its answer, or a partner with its role, on a page that shows them all.
 *
 * @param anchor its place on the page, the article's slug
 * @param html   the body, rendered and sanitised
 */
public record Entry(String anchor, String title, String summary, String html, @Nullable String link, @Nullable String role) {
}
