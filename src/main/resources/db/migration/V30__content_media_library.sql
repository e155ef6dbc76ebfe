-- The media library's list (newest first) and its check for a file stored twice (by SHA-256 of what is stored).
CREATE INDEX content_media_newest ON content_media (created_at DESC, id);
CREATE INDEX content_media_sha256 ON content_media (sha256);
