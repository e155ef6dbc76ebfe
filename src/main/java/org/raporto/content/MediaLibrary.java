package org.raporto.content;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the media library; a file is public once it is stored (it is only linked from published articles). */
@Service
public class MediaLibrary {

    private final JdbcClient jdbc;

    MediaLibrary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Media> find(UUID id) {
        return jdbc.sql("SELECT id, media_type, file_name, bytes, sha256, created_at FROM content_media WHERE id = :id")
                .param("id", id)
                .query((row, number) -> new Media(row.getObject("id", UUID.class), row.getString("media_type"), row.getString("file_name"),
                        row.getBytes("bytes"), row.getBytes("sha256"), row.getTimestamp("created_at").toInstant()))
                .optional();
    }
}
