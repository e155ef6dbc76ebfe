-- Screenshots, re-encoded from their pixels (see ImageSanitizer) and sealed like everything else a reporter gives.

-- Uploaded while a report is being written, before the report exists: each sealed with its own data key, moved
-- into intake_attachment when the report is sent, forgotten after a day when it never is.
CREATE TABLE intake_upload (
    id          uuid PRIMARY KEY,
    data_key    bytea       NOT NULL,
    content     bytea       NOT NULL,
    media_type  text        NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg')),
    width       integer     NOT NULL CHECK (width > 0),
    height      integer     NOT NULL CHECK (height > 0),
    uploaded_at timestamptz NOT NULL
);

CREATE INDEX intake_upload_uploaded_at ON intake_upload (uploaded_at);

-- A report's screenshots, sealed with the report's data key: erasing the report's key erases them too. Those sent
-- with a later message of the reporter name that message.
CREATE TABLE intake_attachment (
    id         uuid PRIMARY KEY,
    report_id  uuid        NOT NULL REFERENCES intake_report (id) ON DELETE CASCADE,
    message_id uuid REFERENCES intake_message (id) ON DELETE CASCADE,
    position   integer     NOT NULL,
    media_type text        NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg')),
    width      integer     NOT NULL CHECK (width > 0),
    height     integer     NOT NULL CHECK (height > 0),
    content    bytea       NOT NULL,
    added_at   timestamptz NOT NULL,
    UNIQUE (report_id, position)
);

CREATE INDEX intake_attachment_message ON intake_attachment (message_id) WHERE message_id IS NOT NULL;
