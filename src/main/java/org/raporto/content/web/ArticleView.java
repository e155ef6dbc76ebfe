package org.raporto.content.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an article page shows.
 *
 * @param html          the body, rendered and sanitised: safe to insert as it is
 * @param reportable    whether one of its topics has a report category, so the RAPORTO! box is shown
 * @param download      a manual's PDF in the media library; null when there is none
 * @param link          a resource's or partner's address on another site; null when there is none
 */
public record ArticleView(String title, String summary, String html, String date, String isoDate, int readingMinutes, List<Link> topics,
        List<Card> related, boolean reportable, @Nullable String download, @Nullable String link) {

    public record Link(String name, String path) {
    }
}
