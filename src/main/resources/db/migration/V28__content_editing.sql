-- The editorial workflow (content.editing): drafts, review by a second person, scheduled publication, revisions.
--
-- An article's columns are what readers see once it is published. Changes to a published article do not touch them:
-- they are saved as revisions, the newest of which is "pending" (pending_revision, pending_state), and reach the
-- article's columns only when a reviewer publishes them. A draft that was never published is edited in place.
ALTER TABLE content_article
    -- Bumped by every change; a form saved over a newer version is refused rather than overwriting it.
    ADD COLUMN version          integer NOT NULL DEFAULT 1 CHECK (version > 0),
    ADD COLUMN pending_revision integer,
    ADD COLUMN pending_state    text CHECK (pending_state IN ('DRAFT', 'IN_REVIEW')),
    -- The revision readers see; null for articles installed before this column (their newest revision).
    ADD COLUMN live_revision    integer,
    -- What a reviewer asked to change when sending a draft back.
    ADD COLUMN review_note      text CHECK (length(review_note) <= 2000),
    ADD COLUMN reviewer_id      uuid,
    -- Published for a time still to come: the scheduler records its going live (readers see it on time regardless,
    -- as Articles asks the clock) and clears this.
    ADD COLUMN scheduled        boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT content_article_pending CHECK ((pending_revision IS NULL) = (pending_state IS NULL)),
    ADD CONSTRAINT content_article_pending_published CHECK (pending_revision IS NULL OR status = 'PUBLISHED'),
    ADD CONSTRAINT content_article_window CHECK (publish_at IS NULL OR unpublish_at IS NULL OR unpublish_at > publish_at);

ALTER TABLE content_revision
    -- Who saved it, to keep the reviewer apart from everyone who wrote what is published.
    ADD COLUMN saved_by_id uuid,
    -- The article's other fields as saved (type, slug, audiences, topics, links…), to compare and restore them; null
    -- in revisions written before this column, which restore the text alone.
    ADD COLUMN fields      jsonb;

-- The scheduler's two questions: which scheduled articles have gone live, which have reached their end.
CREATE INDEX content_article_going_live ON content_article (publish_at) WHERE scheduled;
CREATE INDEX content_article_ending ON content_article (unpublish_at) WHERE status = 'PUBLISHED' AND unpublish_at IS NOT NULL;
-- The editors' list, newest change first.
CREATE INDEX content_article_edited ON content_article (updated_at DESC, id);
