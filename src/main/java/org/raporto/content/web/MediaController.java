package org.raporto.content.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;

import org.raporto.content.Media;
import org.raporto.content.MediaLibrary;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

/**
 * Files of the media library from our own host: images shown inline, PDFs downloaded. A file never changes under its
 * id (a new version is a new file), so it may be kept for a year; its entity tag is its SHA-256.
 */
@Controller
class MediaController {

    private final MediaLibrary media;

    MediaController(MediaLibrary media) {
        this.media = media;
    }

    @GetMapping("/media/{id}")
    ResponseEntity<byte[]> file(@PathVariable String id, WebRequest request) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.notFound().build();
        }
        Media file = media.find(uuid).orElse(null);
        if (file == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        String etag = "\"" + HexFormat.of().formatHex(file.sha256()) + "\"";
        CacheControl cache = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
        if (request.checkNotModified(etag, file.createdAt().toEpochMilli())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build();
        }
        boolean pdf = file.mediaType().equals(MediaType.APPLICATION_PDF_VALUE);
        ContentDisposition disposition = (pdf ? ContentDisposition.attachment() : ContentDisposition.inline())
                .filename(file.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .contentLength(file.bytes().length)
                .header("Content-Disposition", disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .eTag(etag)
                .lastModified(file.createdAt())
                .cacheControl(cache)
                .body(file.bytes());
    }
}
