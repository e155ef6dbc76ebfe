-- The queue's search by the start of a reference ("R-2026-0001…"): the database's collation is not C, so LIKE 'x%'
-- needs an index in pattern order; without it a search in closed reports reads every row (bench/queue.sh).
CREATE INDEX casework_case_reference_pattern ON casework_case (reference text_pattern_ops);
