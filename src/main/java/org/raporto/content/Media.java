package org.raporto.content;

import java.time.Instant;
import java.util.UUID;

/**
 * A file of the media library: an image or a manual's PDF, kept in the database and served from our own host.
 *
 * @param sha256 of {@code bytes}, the file's entity tag
 */
public record Media(UUID id, String mediaType, String fileName, byte[] bytes, byte[] sha256, Instant createdAt) {
}
