-- Proofs of work already used: each solved challenge opens one report or one follow-up, not thousands. Kept only
-- until the challenge would have expired anyway.
CREATE TABLE intake_spent_proof (
    signature  text PRIMARY KEY CHECK (length(signature) <= 128),
    expires_at timestamptz NOT NULL
);

CREATE INDEX intake_spent_proof_expires_at ON intake_spent_proof (expires_at);
