-- Two changes to the outbox (docs/decisions/0007-composed-agency-notices.md).
--
-- 1. Composed notices: a notice to an agency carries a subject, a plain-text body and optionally a Reply-To address,
--    composed by the calling module from its message bundles. All three are sealed with the message's own data key,
--    like the recipient, and erased with it.
ALTER TABLE notification_message ADD COLUMN subject bytea;
ALTER TABLE notification_message ADD COLUMN body bytea;
ALTER TABLE notification_message ADD COLUMN reply_to bytea;

-- 2. Dead letters keep their sealed data until an administrator sends them again or discards them, or until the
--    retention period erases them: before, a dead letter's data was erased at once, and the notice was lost for good.
--    dead_at is when the message was given up (the retention counts from it); existing dead letters were erased
--    already, so when they died matters no more than when they were last tried.
ALTER TABLE notification_message ADD COLUMN dead_at timestamptz;
UPDATE notification_message SET dead_at = next_attempt_at WHERE status = 'DEAD';

-- The old rule "sent or dead means erased" (V8, unnamed, hence PostgreSQL's name for the first table check; V15 for
-- the link) becomes: waiting messages have their data, sent ones never, dead ones until erased; and whatever is
-- sealed goes with its key.
ALTER TABLE notification_message DROP CONSTRAINT notification_message_check;
ALTER TABLE notification_message DROP CONSTRAINT notification_message_link_erased;
ALTER TABLE notification_message
    ADD CONSTRAINT notification_message_waiting_has_data
        CHECK (status NOT IN ('QUEUED', 'SENDING') OR (data_key IS NOT NULL AND recipient IS NOT NULL)),
    ADD CONSTRAINT notification_message_sent_is_erased
        CHECK (status <> 'SENT' OR data_key IS NULL),
    ADD CONSTRAINT notification_message_sealed_with_key
        CHECK (data_key IS NOT NULL OR (recipient IS NULL AND link IS NULL AND subject IS NULL AND body IS NULL AND reply_to IS NULL)),
    ADD CONSTRAINT notification_message_recipient_with_key
        CHECK ((data_key IS NULL) = (recipient IS NULL)),
    ADD CONSTRAINT notification_message_composed_whole
        CHECK ((subject IS NULL) = (body IS NULL) AND (reply_to IS NULL OR subject IS NOT NULL)),
    ADD CONSTRAINT notification_message_dead_at
        CHECK ((status = 'DEAD') = (dead_at IS NOT NULL));

-- The administrator's page lists the dead letters that can still be sent; the retention looks for the oldest of them.
CREATE INDEX notification_message_dead_kept ON notification_message (dead_at) WHERE status = 'DEAD' AND data_key IS NOT NULL;
