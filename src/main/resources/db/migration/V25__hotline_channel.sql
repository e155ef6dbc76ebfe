-- Reports forwarded by another hotline (INHOPE's ICCAM exchange) come in through a channel of their own, and keep the
-- forwarding hotline's country and reference: the same report forwarded again is recognised and not stored twice.
ALTER TABLE intake_report DROP CONSTRAINT intake_report_channel_check;
ALTER TABLE intake_report ADD CONSTRAINT intake_report_channel_check
    CHECK (channel IN ('WEB', 'APP', 'PARTNER', 'STAFF', 'HOTLINE'));

ALTER TABLE intake_report
    ADD COLUMN forwarded_by        text CHECK (forwarded_by ~ '^[A-Z]{2}$'),
    ADD COLUMN forwarded_reference text CHECK (length(forwarded_reference) BETWEEN 1 AND 100);

ALTER TABLE intake_report ADD CONSTRAINT intake_report_forwarded
    CHECK ((channel = 'HOTLINE') = (forwarded_by IS NOT NULL AND forwarded_reference IS NOT NULL));

CREATE UNIQUE INDEX intake_report_forwarded_once ON intake_report (forwarded_by, forwarded_reference)
    WHERE forwarded_reference IS NOT NULL;
