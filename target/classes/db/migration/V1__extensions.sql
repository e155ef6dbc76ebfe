-- Search folds diacritics (ë → e, ç → c) on both sides, since there is no Albanian stemmer, and tolerates typos.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
