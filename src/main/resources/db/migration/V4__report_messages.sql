-- Messages between the reporter (through follow-up with the receipt) and the hotline, sealed with the report's key.
CREATE TABLE intake_message (
    id        uuid PRIMARY KEY,
    report_id uuid        NOT NULL REFERENCES intake_report (id) ON DELETE CASCADE,
    author    text        NOT NULL CHECK (author IN ('REPORTER', 'HOTLINE')),
    body      bytea       NOT NULL,
    sent_at   timestamptz NOT NULL
);

CREATE INDEX intake_message_report ON intake_message (report_id, sent_at);
