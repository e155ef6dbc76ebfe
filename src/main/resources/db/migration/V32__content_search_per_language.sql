-- The search's last step to p95 < 30 ms at 10,000 articles per language (bench/search.sh); ContentSearch.

-- Full-text indexes of each language's published articles. Every search is in one language and of published
-- articles only; with one index for all, the planner ANDed each word's entries with the 10,000 entries of the
-- language from another index (1.3–1.4 ms a scan, in most statements: the first stage, the typos' broadened one, the
-- body-only matches). A language added to Language needs its two indexes here too.
CREATE INDEX content_article_search_head_sq ON content_article USING gin (search_head) WHERE language = 'sq' AND status = 'PUBLISHED';
CREATE INDEX content_article_search_head_en ON content_article USING gin (search_head) WHERE language = 'en' AND status = 'PUBLISHED';
CREATE INDEX content_article_search_sq ON content_article USING gin (search_document) WHERE language = 'sq' AND status = 'PUBLISHED';
CREATE INDEX content_article_search_en ON content_article USING gin (search_document) WHERE language = 'en' AND status = 'PUBLISHED';
DROP INDEX content_article_search_head;
DROP INDEX content_article_search;

-- Words of the articles' titles and summaries (content_search_word, V29) that look like the typed words they do not
-- have: for typos ("bulizem" finds "bullizem"). A word the titles and summaries have is taken as typed, not as a
-- typo. For each typed word the closest 16 with a word similarity of 0.45 at least ("bulizem" to "bullizem": 0.7):
-- enough for the typos of a word, not a dictionary. A function so that the search's first statement can ask for them
-- only when it finds too little, and so that its plan, the same for every word (the trigram index, closest first), is
-- made once a connection and kept rather than made anew for each search as the search's own statements are.
CREATE FUNCTION content_search_alike(search_language text, typed text[]) RETURNS SETOF text
    LANGUAGE plpgsql STABLE
    SET pg_trgm.word_similarity_threshold = 0.45
    SET plan_cache_mode = force_generic_plan
    AS $$
BEGIN
    RETURN QUERY
    SELECT DISTINCT alike.word
    FROM unnest(typed) AS typed_word (word)
    CROSS JOIN LATERAL (SELECT w.word FROM content_search_word w WHERE w.language = search_language AND typed_word.word <% w.word
                        ORDER BY typed_word.word <<-> w.word, w.word LIMIT 16) alike
    WHERE NOT EXISTS (SELECT 1 FROM content_search_word known WHERE known.language = search_language AND known.word = typed_word.word);
END
$$;
