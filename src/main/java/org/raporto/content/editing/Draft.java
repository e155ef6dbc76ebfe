package org.raporto.content.editing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.raporto.content.ArticleType;
import org.raporto.content.Audience;
import org.raporto.content.Slugs;

/**
 * What an editor writes of an article in one language: everything but its language, state and schedule.
 *
 * @param slug    the last segment of its address; empty means "made of the title"
 * @param pageKey for a {@link ArticleType#PAGE} only: which fixed page it is
 * @param linkUrl a resource's video or a partner's site: an https address, shown as a link and never embedded
 * @param mediaId a manual's PDF or a partner's logo in the media library
 */
public record Draft(ArticleType type, String title, String slug, String summary, String body, List<Audience> audiences,
        List<String> topics, @Nullable String pageKey, @Nullable String linkUrl, @Nullable UUID mediaId, @Nullable String partnerRole,
        boolean featured, int position) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_SUMMARY = 500;
    public static final int MAX_BODY = 200_000;
    public static final int MAX_LINK = 2000;
    public static final int MAX_ROLE = 300;
    public static final int MAX_POSITION = 100_000;
    private static final Pattern PAGE_KEY = Pattern.compile("[a-z][a-z-]{1,40}");

    public Draft {
        audiences = List.copyOf(audiences);
        topics = List.copyOf(topics);
    }

    /** The same, with the slug made of the title when none was typed. */
    Draft withSlug() {
        return slug.isBlank() ? new Draft(type, title, Slugs.of(title), summary, body, audiences, topics, pageKey, linkUrl, mediaId,
                partnerRole, featured, position) : this;
    }

    /**
     * What is wrong with it on its own, as {@code field.problem} codes: the form shows one message per code, beside its
     * field. Whether its slug or page is taken is for {@link Editorial} to say.
     */
    List<String> problems(Set<String> knownTopics) {
        List<String> problems = new ArrayList<>();
        if (title.isBlank()) {
            problems.add("title.required");
        }
        else if (title.length() > MAX_TITLE) {
            problems.add("title.long");
        }
        if (!Slugs.isSlug(withSlug().slug())) {
            problems.add("slug.invalid");
        }
        if (summary.length() > MAX_SUMMARY) {
            problems.add("summary.long");
        }
        if (body.length() > MAX_BODY) {
            problems.add("body.long");
        }
        if (!knownTopics.containsAll(topics)) {
            problems.add("topics.unknown");
        }
        if (type == ArticleType.PAGE && (pageKey == null || !PAGE_KEY.matcher(pageKey).matches())) {
            problems.add("pageKey.invalid");
        }
        if (linkUrl != null && !isHttps(linkUrl)) {
            problems.add("linkUrl.invalid");
        }
        if (partnerRole != null && partnerRole.length() > MAX_ROLE) {
            problems.add("partnerRole.long");
        }
        if (position < 0 || position > MAX_POSITION) {
            problems.add("position.invalid");
        }
        return problems;
    }

    /** A page key belongs to pages only; whatever another type's form carried is dropped. */
    Draft normalised() {
        return new Draft(type, title.strip(), slug.strip(), summary.strip(), body, audiences, topics, type == ArticleType.PAGE ? pageKey : null,
                linkUrl == null || linkUrl.isBlank() ? null : linkUrl.strip(), mediaId, partnerRole == null || partnerRole.isBlank() ? null : partnerRole.strip(),
                featured, position).withSlug();
    }

    private static boolean isHttps(String link) {
        if (link.length() > MAX_LINK) {
            return false;
        }
        try {
            URI uri = new URI(link);
            return "https".equals(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null;
        }
        catch (URISyntaxException e) {
            return false;
        }
    }
}
