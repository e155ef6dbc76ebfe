-- A keyed hash of what was submitted, so that a submission token (an API Idempotency-Key) used again for a different
-- report is refused instead of silently answered with the first report.
ALTER TABLE intake_report ADD COLUMN submission_hash bytea;
