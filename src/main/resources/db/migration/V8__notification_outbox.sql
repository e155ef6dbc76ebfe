-- The e-mail outbox. A message is written in the same transaction as the action that caused it, and sent later by
-- whichever node claims it. The recipient's address is sealed with the message's own data key (data_key, wrapped by
-- the master key) and both are erased once the message is sent or given up: what stays is only that a message of
-- this kind was sent, or not, and when.
CREATE TABLE notification_message (
    id              uuid PRIMARY KEY,
    kind            text        NOT NULL,
    language        text        NOT NULL CHECK (language ~ '^[a-z]{2}$'),
    data_key        bytea,
    recipient       bytea,
    status          text        NOT NULL CHECK (status IN ('QUEUED', 'SENDING', 'SENT', 'DEAD')),
    -- Tries so far, counted when a try begins; it also tells a node whose lease ran out that its claim is gone.
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL,
    -- While SENDING: until when the claiming node may take; after that the message is due again (the node died).
    lease_until     timestamptz,
    -- What went wrong last, short; never the address.
    last_error      text CHECK (length(last_error) <= 300),
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz,
    CHECK ((status IN ('SENT', 'DEAD')) = (data_key IS NULL AND recipient IS NULL)),
    CHECK ((status = 'SENDING') = (lease_until IS NOT NULL)),
    CHECK ((status = 'SENT') = (sent_at IS NOT NULL))
);

-- The claim looks for queued messages that are due and for sending ones whose lease has run out.
CREATE INDEX notification_message_due ON notification_message (next_attempt_at) WHERE status = 'QUEUED';
CREATE INDEX notification_message_leased ON notification_message (lease_until) WHERE status = 'SENDING';
