package org.raporto.content.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;
import org.raporto.content.ArticleType;
import org.raporto.content.ContentPaths;
import org.raporto.content.ContentSearch;
import org.raporto.content.ContentSearchFilters;
import org.raporto.content.ContentSearchResults;
import org.raporto.shared.Language;

/** What the search page shows: the query as typed, the results, the filters' choices and the links between pages. */
public final class ContentSearchView {

    /** Enough of a query to show it back in the box; the search itself reads fewer characters still. */
    private static final int QUERY_SHOWN = 200;

    private final Language language;
    private final String path;
    private final String query;
    private final ContentSearchResults results;
    private final Map<String, String> topicNames = new LinkedHashMap<>();

    ContentSearchView(Language language, String path, @Nullable String query, ContentSearchResults results, List<ContentSearch.Topic> topics) {
        this.language = language;
        this.path = path;
        String typed = query == null ? "" : query.strip();
        this.query = typed.length() > QUERY_SHOWN ? typed.substring(0, typed.offsetByCodePoints(0, typed.codePointCount(0, QUERY_SHOWN))) : typed;
        this.results = results;
        topics.forEach(topic -> topicNames.put(topic.code(), topic.name()));
    }

    /** The query as the visitor typed it (shortened), for the search box and the headings; escaped by the template. */
    public String query() {
        return query;
    }

    public ContentSearchResults results() {
        return results;
    }

    public ContentSearchFilters filters() {
        return results.filters();
    }

    /** Nothing asked yet: no words and no filter. */
    public boolean asked() {
        return !results.terms().isEmpty() || !results.filters().isEmpty();
    }

    public boolean nothingFound() {
        return asked() && results.total() == 0;
    }

    public List<String> audiences() {
        return ContentSearchFilters.AUDIENCES;
    }

    public List<String> types() {
        return ContentSearchFilters.TYPES;
    }

    public Map<String, String> topics() {
        return topicNames;
    }

    public String topicName(String code) {
        return topicNames.getOrDefault(code, code);
    }

    /**
     * How many matches a filter value would leave; null before anything is asked, and when the counts are partial and
     * the value was not among the matches counted (it may still have some).
     */
    public @Nullable Long count(String facet, String value) {
        if (!asked()) {
            return null;
        }
        Map<String, Long> counts = switch (facet) {
            case "audience" -> results.facets().audiences();
            case "type" -> results.facets().types();
            default -> results.facets().topics();
        };
        Long count = counts.get(value);
        return count == null && !countsAreFloors() ? Long.valueOf(0) : count;
    }

    /** The counts beside the filters are of the first matches only (there were too many to count): "at least". */
    public boolean countsAreFloors() {
        return results.facets().partial();
    }

    public String href(ContentSearchResults.Hit hit) {
        return ContentPaths.of(language, ArticleType.valueOf(hit.type()), hit.slug());
    }

    public String pageHref(int page) {
        return link(query, results.filters(), page);
    }

    /** The newest articles of a topic: the search's own listing, without words. */
    public String topicHref(String code) {
        return link("", new ContentSearchFilters(null, null, code), 1);
    }

    /** The same words without the filters. */
    public String withoutFiltersHref() {
        return link(query, ContentSearchFilters.NONE, 1);
    }

    private String link(String words, ContentSearchFilters filters, int page) {
        StringJoiner parameters = new StringJoiner("&", "?", "").setEmptyValue("");
        if (!words.isEmpty()) {
            parameters.add("q=" + URLEncoder.encode(words, StandardCharsets.UTF_8));
        }
        if (filters.audience() != null) {
            parameters.add("audience=" + filters.audience());
        }
        if (filters.type() != null) {
            parameters.add("type=" + filters.type());
        }
        if (filters.topic() != null) {
            parameters.add("topic=" + filters.topic());
        }
        if (page > 1) {
            parameters.add("page=" + page);
        }
        return path + parameters;
    }
}
