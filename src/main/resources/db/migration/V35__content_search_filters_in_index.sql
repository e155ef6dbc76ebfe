-- Search filters in the full-text indexes (ContentSearch; bench/search.sh). A search with filters counts its filtered
-- matches up to 1,001 on their own when the unfiltered ones are more than that. With the type only in
-- content_article_listing, PostgreSQL took the articles of the type from it and tested each one's search_document on
-- the row, read from TOAST (11.8 of 14.8 ms for "shkolle" in the news; the planner does not price the TOAST reads),
-- or ANDed the word's entries with the 9,000 of an audience from content_article_audiences. With type, audiences and
-- topics as columns of the same GIN index, the index gives the filtered matches alone (2.5 ms for the same count).
-- btree_gin lets a GIN index hold the type, a plain text column.
CREATE EXTENSION IF NOT EXISTS btree_gin;

DROP INDEX content_article_search_head_sq;
DROP INDEX content_article_search_head_en;
DROP INDEX content_article_search_sq;
DROP INDEX content_article_search_en;
CREATE INDEX content_article_search_head_sq ON content_article USING gin (search_head, type, audiences, topics)
    WHERE language = 'sq' AND status = 'PUBLISHED';
CREATE INDEX content_article_search_head_en ON content_article USING gin (search_head, type, audiences, topics)
    WHERE language = 'en' AND status = 'PUBLISHED';
CREATE INDEX content_article_search_sq ON content_article USING gin (search_document, type, audiences, topics)
    WHERE language = 'sq' AND status = 'PUBLISHED';
CREATE INDEX content_article_search_en ON content_article USING gin (search_document, type, audiences, topics)
    WHERE language = 'en' AND status = 'PUBLISHED';
