package org.raporto.content;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One page of a search's results.
 *
 * @param total       how many published articles match in all, over every page, counted up to
 *                    {@link ContentSearch#COUNT_CAP}
 * @param more        more articles match than {@code total}: counting stopped at the cap
 * @param similar     the query's words were not all found as they are: the results are articles with some of them
 *                    or with words that look like them (typos), best first
 * @param facets      for each filter (audience, type, topic), how many of the matches each of its values would leave,
 *                    with the other filters applied; empty when there is no query
 */
public record ContentSearchResults(ContentSearchTerms terms, ContentSearchFilters filters, int page, int pageSize, long total,
        boolean more, boolean similar, List<Hit> hits, Facets facets) {

    public ContentSearchResults {
        hits = List.copyOf(hits);
    }

    /** One article found: its title and an excerpt with the words marked. */
    public record Hit(UUID id, String type, String slug, ContentSearchText title, ContentSearchText excerpt, List<String> audiences,
            List<String> topics, @Nullable Instant publishedAt) {

        public Hit {
            audiences = List.copyOf(audiences);
            topics = List.copyOf(topics);
        }
    }

    /**
     * Counts by value, in no particular order; values without matches are absent.
     *
     * @param partial the counts are of the first {@link ContentSearch#COUNT_CAP} matches found, not of all: each is a
     *                floor, and a value absent may still have matches
     */
    public record Facets(Map<String, Long> audiences, Map<String, Long> types, Map<String, Long> topics, boolean partial) {

        public static final Facets NONE = new Facets(Map.of(), Map.of(), Map.of(), false);

        public Facets {
            audiences = Map.copyOf(audiences);
            types = Map.copyOf(types);
            topics = Map.copyOf(topics);
        }
    }

    public int pages() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }
}
