package org.raporto.content;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.raporto.shared.Language;

/**
 * One article in one language; its translations share {@link #translationGroup}.
 *
 * @param body        Markdown, never shown as it is: {@link Markdown} renders and sanitises it
 * @param pageKey     for a {@link ArticleType#PAGE}, which fixed page it is (about, contact…); null otherwise
 * @param linkUrl     a resource's video or a partner's site (an https address, shown as a link); may be null
 * @param mediaId     a manual's PDF or a partner's logo in the media library; may be null
 * @param publishedAt the date shown to readers: when it went (or goes) live
 */
public record Article(UUID id, UUID translationGroup, Language language, ArticleType type, String slug, String title, String summary,
        String body, List<Audience> audiences, List<String> topics, @Nullable String pageKey, @Nullable String linkUrl,
        @Nullable UUID mediaId, @Nullable String partnerRole, boolean featured, int position, ArticleStatus status,
        Instant publishedAt, Instant updatedAt) {

    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final int WORDS_A_MINUTE = 200;

    public Article {
        Objects.requireNonNull(id);
        if (!Slugs.isSlug(slug)) {
            throw new IllegalArgumentException("Not a slug: " + slug);
        }
        if ((type == ArticleType.PAGE) != (pageKey != null)) {
            throw new IllegalArgumentException("A page key goes with a page and only with a page: " + slug);
        }
        audiences = List.copyOf(audiences);
        topics = List.copyOf(topics);
    }

    /** Minutes an average reader needs for the body, at least one. */
    public int readingMinutes() {
        long words = WORD.matcher(body).results().count();
        return (int) Math.max(1, (words + WORDS_A_MINUTE - 1) / WORDS_A_MINUTE);
    }
}
