package org.raporto.content.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an article page shows.
 *
 * @param html          the body, rendered and sanitised: safe to insert as it is
 * @param reportable    whether one of its topics has a report category, so the RAPORTO! box is shown
 * @param download      the article's PDF in the media library (a manual's); null when there is none
 * @param downloadKey   the message key of the download link, which takes the file's size
 * @param downloadSize  the PDF's size as people read it ("240 KB"); null when there is no PDF
 * @param link          a resource's or partner's address on another site; null when there is none
 */
public record ArticleView(String title, String summary, String html, String date, String isoDate, int readingMinutes, List<Link> topics,
        List<Card> related, boolean reportable, @Nullable String download, String downloadKey, @Nullable String downloadSize,
        @Nullable String link) {

    public record Link(String name, String path) {
    }
}
