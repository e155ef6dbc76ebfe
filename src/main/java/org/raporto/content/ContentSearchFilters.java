package org.raporto.content;

import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What a search is narrowed to: one audience, one type, one topic; null where it is not narrowed. Values come from
 * addresses anyone can type, so {@link #of} drops what it does not know instead of failing.
 */
public record ContentSearchFilters(@Nullable String audience, @Nullable String type, @Nullable String topic) {

    /** As in content_article's CHECK constraints, in the order the search form offers them. */
    public static final List<String> AUDIENCES = List.of("CHILDREN_6_9", "CHILDREN_10_12", "TEENS_13_17", "PARENTS", "TEACHERS", "PROFESSIONALS");
    public static final List<String> TYPES = List.of("GUIDE", "MANUAL", "NEWS", "FAQ", "RESOURCE", "PAGE", "PARTNER");
    private static final Pattern TOPIC = Pattern.compile("[a-z][a-z0-9-]{1,40}");

    public static final ContentSearchFilters NONE = new ContentSearchFilters(null, null, null);

    public ContentSearchFilters {
        if (audience != null && !AUDIENCES.contains(audience)) {
            throw new IllegalArgumentException("No such audience: " + audience);
        }
        if (type != null && !TYPES.contains(type)) {
            throw new IllegalArgumentException("No such type: " + type);
        }
        if (topic != null && !TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("Not a topic code: " + topic);
        }
    }

    /** The filters of a request; unknown or malformed values count as not given. */
    public static ContentSearchFilters of(@Nullable String audience, @Nullable String type, @Nullable String topic) {
        return new ContentSearchFilters(
                audience != null && AUDIENCES.contains(audience) ? audience : null,
                type != null && TYPES.contains(type) ? type : null,
                topic != null && TOPIC.matcher(topic).matches() ? topic : null);
    }

    public boolean isEmpty() {
        return audience == null && type == null && topic == null;
    }
}
