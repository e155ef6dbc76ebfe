-- How long a closed report keeps what the reporter wrote, and who a report of each kind usually goes to. Both are
-- data an administrator may change per category; casework erases on the first, referral suggests from the second.

-- DESIGN §5: personal data and attachments are erased 90 days after a report is closed unless the hotline decides
-- otherwise for a category. Ten years is far longer than any hotline keeps reports; it only stops a typing error.
ALTER TABLE intake_category
    ADD COLUMN retention_days integer NOT NULL DEFAULT 90 CHECK (retention_days BETWEEN 1 AND 3650);

-- The kinds of recipient a report in this category is usually passed to. The referral module turns them into
-- agencies, together with the classification and the country where the content is hosted (CSAM hosted abroad goes to
-- that country's INHOPE hotline rather than the hosting provider).
ALTER TABLE intake_category
    ADD COLUMN default_routing text[] NOT NULL DEFAULT '{}'
        CHECK (default_routing <@ ARRAY['POLICE', 'REGULATOR', 'CHILD_PROTECTION', 'HELPLINE', 'PLATFORM',
                                        'HOSTING_PROVIDER', 'FOREIGN_HOTLINE']);

UPDATE intake_category SET default_routing = CASE code
    WHEN 'csam'              THEN ARRAY['POLICE', 'HOSTING_PROVIDER', 'FOREIGN_HOTLINE']
    WHEN 'grooming'          THEN ARRAY['POLICE', 'PLATFORM']
    WHEN 'sextortion'        THEN ARRAY['POLICE', 'PLATFORM']
    WHEN 'intimate-images'   THEN ARRAY['POLICE', 'PLATFORM', 'HOSTING_PROVIDER']
    WHEN 'cyberbullying'     THEN ARRAY['PLATFORM', 'CHILD_PROTECTION']
    WHEN 'hate-speech'       THEN ARRAY['PLATFORM']
    WHEN 'violent-extremism' THEN ARRAY['POLICE', 'PLATFORM']
    WHEN 'self-harm'         THEN ARRAY['PLATFORM', 'HELPLINE']
    WHEN 'fake-profile'      THEN ARRAY['PLATFORM']
    WHEN 'fraud'             THEN ARRAY['POLICE', 'PLATFORM']
    WHEN 'adult-content'     THEN ARRAY['REGULATOR', 'HOSTING_PROVIDER']
    ELSE '{}'::text[]
END;
