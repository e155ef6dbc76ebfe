-- Search in the portal's articles (ContentSearch): full text over title, summary and body, and trigrams for typos.
--
-- There is no Albanian stemmer, so words are only folded: lower case and without diacritics, on both sides, so that
-- "fëmijë" and "femije", "çështje" and "ceshtje" are the same word. unaccent() is only STABLE (its dictionary could
-- change), which an index or a generated column refuses; this wrapper names the dictionary and promises IMMUTABLE,
-- the usual pattern. Should the unaccent rules ever change, rebuild: UPDATE content_article SET title = title.
CREATE FUNCTION content_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

-- The 'simple' configuration: every word as it is (folded), no stemming and no stop words of another language.
-- Weights: title A, summary B, body C; the body is Markdown, whose markup mostly falls away as punctuation.
ALTER TABLE content_article ADD COLUMN search_document tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple'::regconfig, content_fold(title)), 'A')
    || setweight(to_tsvector('simple'::regconfig, content_fold(summary)), 'B')
    || setweight(to_tsvector('simple'::regconfig, content_fold(body)), 'C')) STORED;

CREATE INDEX content_article_search ON content_article USING gin (search_document);

-- What results are ranked by: the title and summary alone, small enough to stay in the row. Ranking by the whole
-- document read and decompressed every match's body (1.3 s for a word in 10,000 articles, bench/search.sh); an
-- article with the words only in its body ranks below every one with them in its title or summary, newest first.
ALTER TABLE content_article ADD COLUMN search_head tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple'::regconfig, content_fold(title)), 'A')
    || setweight(to_tsvector('simple'::regconfig, content_fold(summary)), 'B')) STORED;

-- For a query that full text does not find ("bulizem" for "bullizëm"): word similarity to the folded title and summary.
CREATE INDEX content_article_title_trigrams ON content_article USING gin (content_fold(title) gin_trgm_ops);
CREATE INDEX content_article_summary_trigrams ON content_article USING gin (content_fold(summary) gin_trgm_ops);
