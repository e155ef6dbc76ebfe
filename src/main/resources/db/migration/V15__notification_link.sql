-- Some notices carry a one-time link: a staff invitation, a password reset. The link holds a token, so it is sealed
-- with the message's key like the address, and erased with it once the message is sent or given up.
ALTER TABLE notification_message ADD COLUMN link bytea;
ALTER TABLE notification_message ADD CONSTRAINT notification_message_link_erased CHECK (status NOT IN ('SENT', 'DEAD') OR link IS NULL);
