-- The search's work bounded by what a page can show, not by how many articles hold a word. bench/search.sh with
-- 10,000 articles per language measured 230 ms at p50 for a word in every article and 360 ms for a typo; the goal is
-- p95 < 30 ms. ContentSearch now counts up to 1,000 matches, ranks only the 1,000 newest articles with the words in
-- their title or summary (as many as its 100 pages show), and reaches those with the words only in their body newest
-- first. This migration adds what that needs, and replaces the typo search's trigram indexes. There is no side table
-- for the search: the rows are narrow already (bodies and documents live in TOAST: 20 MB for 20,000 articles, and a
-- copy of the searched columns measured 19 MB); what cost was visiting 10,000 of them, which the caps avoid.

-- First stage: articles with the words in their title or summary, found without reading a body or a document.
CREATE INDEX content_article_search_head ON content_article USING gin (search_head);

-- Newest first within a language: the order of the second stage (words only in the body) and of a search with
-- filters but no words; and, for a word in most titles, a walk newest first that stops at the 1,000th.
CREATE INDEX content_article_published ON content_article (language, published_at DESC NULLS LAST, id) WHERE status = 'PUBLISHED';

-- Typos. Trigram word similarity of a query word to every candidate title and summary cost 20–60 µs a candidate
-- (word_similarity itself; unaccent was a sixth of it), and a seven-letter word has some 1,900 candidates in 10,000
-- articles: 250 ms. Folded columns stored for those indexes would have saved only the unaccent. Instead: every word
-- of the titles and summaries once per language (about 1,600 here), with a trigram index; a typo is looked up among
-- them (0.1 ms), and the words it resembles are searched like typed words, through content_article_search_head.
CREATE TABLE content_search_word (
    language text NOT NULL,
    word     text NOT NULL,
    PRIMARY KEY (language, word)
);

-- GiST rather than GIN: it gives the closest words first (<<->), so the few taken are the first the index returns.
-- With a GIN index the planner tested all 1,600 words of the language one by one instead, not knowing that
-- word_similarity costs a hundred times an ordinary comparison.
CREATE INDEX content_search_word_trigrams ON content_search_word USING gist (word gist_trgm_ops);

-- Kept by the database, so that every way an article is written (editor, starter content, imports) adds its words.
-- Words are never removed: one no published article has any more only adds a term that finds nothing. Words of
-- drafts too: they are never shown, only searched for, and what they find is published. Only words of letters and
-- digits, as a query has (ContentSearchTerms), so a list of them is always a valid tsquery.
CREATE FUNCTION content_search_words() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO content_search_word (language, word)
    SELECT NEW.language, word FROM unnest(tsvector_to_array(NEW.search_head)) word WHERE word ~ '^[[:alnum:]]+$'
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER content_article_search_words AFTER INSERT OR UPDATE OF language, title, summary ON content_article
    FOR EACH ROW EXECUTE FUNCTION content_search_words();

INSERT INTO content_search_word (language, word)
SELECT DISTINCT language, word FROM content_article, unnest(tsvector_to_array(search_head)) word WHERE word ~ '^[[:alnum:]]+$';

DROP INDEX content_article_title_trigrams;
DROP INDEX content_article_summary_trigrams;
