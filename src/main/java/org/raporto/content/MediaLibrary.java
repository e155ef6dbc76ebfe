package org.raporto.content;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.raporto.audit.Actor;
import org.raporto.audit.AuditAction;
import org.raporto.audit.AuditLog;
import org.raporto.shared.Language;
import org.raporto.shared.image.CleanImage;
import org.raporto.shared.image.ImageRefused;
import org.raporto.shared.image.ImageSanitizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal's media library: images and PDFs kept in the database and served from our own host
 * ({@link ContentPaths#media}). A file is public once it is stored (it is only linked from published articles).
 * <p>
 * A file is taken only by its content. An image (JPEG, PNG or WebP) is decoded and encoded again from its pixels by
 * {@link ImageSanitizer}, which drops metadata and whatever a polyglot hides; a PDF must parse, be unencrypted and hold
 * no active content ({@link PdfCheck}), and is written again from its parsed objects. Both need a text in each
 * language: an image's alternative text, a PDF's title. The same file stored twice is kept once. A file that an article
 * uses — as its own file, or in its text — cannot be deleted. Storing and deleting are audited, without the file's
 * name or texts.
 */
@Service
@EnableConfigurationProperties(MediaProperties.class)
public class MediaLibrary {

    /** Alternative texts and titles are 1 to this many characters. */
    public static final int MAX_TEXT = 300;
    static final int MAX_FILE_NAME = 80;
    private static final String OBJECT = "media";
    private static final Pattern NOT_STORABLE = Pattern.compile("[\\p{Cc}\\p{Cs}\\x{FFFE}\\x{FFFF}]");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");
    private static final Pattern NOT_A_NAME_CHARACTER = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern DIACRITIC = Pattern.compile("\\p{M}+");
    private static final String COLUMNS = "id, kind, media_type, file_name, size, width, height, alt_sq, alt_en, created_by, created_at";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final MediaProperties limits;
    private final ImageSanitizer images;

    MediaLibrary(JdbcClient jdbc, AuditLog audit, Clock clock, MediaProperties limits) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.limits = limits;
        this.images = new ImageSanitizer((int) limits.imageMaxSize().toBytes(), limits.imageMaxPixels());
    }

    public enum Kind {
        IMAGE, PDF
    }

    /** A file as an editor chose it: the name is only a hint for the name it is downloaded under. */
    public record Upload(byte[] bytes, @Nullable String fileName, String altSq, String altEn) {
    }

    /**
     * A file of the library without its bytes.
     *
     * @param altSq the alternative text of an image, the title of a PDF, in Albanian
     * @param width null for a PDF
     */
    public record Item(UUID id, Kind kind, String mediaType, String fileName, int size, @Nullable Integer width, @Nullable Integer height,
            String altSq, String altEn, String createdBy, Instant createdAt) {

        public String alt(Language language) {
            return language == Language.SQ ? altSq : altEn;
        }

        public String path() {
            return ContentPaths.media(id);
        }

        /** What an editor pastes into an article in that language: the image, or a link to the PDF. */
        public String markdown(Language language) {
            String text = alt(language).replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
            return (kind == Kind.IMAGE ? "!" : "") + "[" + text + "](" + path() + ")";
        }
    }

    /** @param existing whether the same file was already in the library, which is then returned unchanged */
    public record Stored(Item item, boolean existing) {
    }

    /** One page of the library, the newest first; {@code number} counts from 1 and {@code pages} is at least 1. */
    public record Listing(List<Item> items, int number, int pages, int total) {

        public boolean hasPrevious() {
            return number > 1;
        }

        public boolean hasNext() {
            return number < pages;
        }
    }

    /**
     * What is wrong with an upload.
     *
     * @param field  {@code file}, {@code altSq} or {@code altEn}
     * @param reason for the file: {@code EMPTY}, {@code TOO_LARGE}, {@code NOT_ACCEPTED} (neither an image nor a PDF), an
     *               {@link ImageRefused.Reason} or a {@link PdfCheck.Reason}; for a text: {@code MISSING},
     *               {@code TOO_LONG} or {@code NOT_TEXT}
     */
    public record Problem(String field, String reason) {
    }

    /** An upload refused, with every problem found. Nothing of it was kept. */
    public static final class Refused extends RuntimeException {

        private final List<Problem> problems;

        Refused(List<Problem> problems) {
            super(problems.toString(), null, false, false);
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** A file that articles use cannot be deleted. */
    public static final class InUse extends RuntimeException {

        private final List<String> articles;

        InUse(List<String> articles) {
            super("Used by " + articles.size() + " articles", null, false, false);
            this.articles = List.copyOf(articles);
        }

        /** The titles of the articles using it. */
        public List<String> articles() {
            return articles;
        }
    }

    public MediaProperties limits() {
        return limits;
    }

    /** The file with its bytes, to serve it. */
    @Transactional(readOnly = true)
    public Optional<Media> find(UUID id) {
        return jdbc.sql("SELECT id, media_type, file_name, bytes, sha256, created_at FROM content_media WHERE id = :id")
                .param("id", id)
                .query((row, number) -> new Media(row.getObject("id", UUID.class), row.getString("media_type"), row.getString("file_name"),
                        row.getBytes("bytes"), row.getBytes("sha256"), row.getTimestamp("created_at").toInstant()))
                .optional();
    }

    /** The file without its bytes. */
    @Transactional(readOnly = true)
    public Optional<Item> describe(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM content_media WHERE id = :id").param("id", id).query(MediaLibrary::item).optional();
    }

    @Transactional(readOnly = true)
    public Listing page(int page, int size) {
        int total = jdbc.sql("SELECT count(*) FROM content_media").query(Integer.class).single();
        int pages = Math.max(1, (total + size - 1) / size);
        int number = Math.min(Math.max(1, page), pages);
        List<Item> items = jdbc.sql("SELECT " + COLUMNS + " FROM content_media ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .param("limit", size).param("offset", (number - 1) * size)
                .query(MediaLibrary::item).list();
        return new Listing(items, number, pages, total);
    }

    /**
     * Takes a file into the library, or finds the same file already there.
     *
     * @throws Refused with every problem of the upload, when it is not taken
     */
    @Transactional
    public Stored store(Upload upload, Actor by) {
        List<Problem> problems = new ArrayList<>();
        String altSq = text(upload.altSq(), "altSq", problems);
        String altEn = text(upload.altEn(), "altEn", problems);
        Checked file = check(upload.bytes(), problems);
        if (!problems.isEmpty() || file == null) {
            throw new Refused(problems);
        }
        byte[] sha256 = sha256(file.bytes());
        Optional<Item> same = jdbc.sql("SELECT " + COLUMNS + " FROM content_media WHERE sha256 = :sha256 ORDER BY created_at LIMIT 1")
                .param("sha256", sha256).query(MediaLibrary::item).optional();
        if (same.isPresent()) {
            return new Stored(same.get(), true);
        }
        Item item = new Item(UUID.randomUUID(), file.kind(), file.mediaType(), fileName(upload.fileName(), file), file.bytes().length,
                file.width(), file.height(), altSq, altEn, by.name(), clock.instant());
        jdbc.sql("""
                        INSERT INTO content_media (id, kind, media_type, file_name, bytes, size, width, height, alt_sq, alt_en, sha256,
                            created_by, created_at)
                        VALUES (:id, :kind, :mediaType, :fileName, :bytes, :size, :width, :height, :altSq, :altEn, :sha256, :createdBy, :createdAt)
                        """)
                .param("id", item.id()).param("kind", item.kind().name()).param("mediaType", item.mediaType())
                .param("fileName", item.fileName()).param("bytes", file.bytes()).param("size", item.size())
                .param("width", item.width()).param("height", item.height()).param("altSq", altSq).param("altEn", altEn)
                .param("sha256", sha256).param("createdBy", item.createdBy()).param("createdAt", Timestamp.from(item.createdAt()))
                .update();
        audit.record(by, AuditAction.MEDIA_STORED, OBJECT, item.id().toString(), details(item));
        return new Stored(item, false);
    }

    /** The titles of the articles (in any state) that use this file, as their own file or in their text. */
    @Transactional(readOnly = true)
    public List<String> usedBy(UUID id) {
        return jdbc.sql("""
                        SELECT title FROM content_article WHERE media_id = :id OR strpos(body, :path) > 0 ORDER BY language, title
                        """)
                .param("id", id).param("path", ContentPaths.media(id))
                .query(String.class).list();
    }

    /**
     * @return false when there is no such file
     * @throws InUse when an article uses it
     */
    @Transactional
    public boolean delete(UUID id, Actor by) {
        Optional<Item> item = jdbc.sql("SELECT " + COLUMNS + " FROM content_media WHERE id = :id FOR UPDATE")
                .param("id", id).query(MediaLibrary::item).optional();
        if (item.isEmpty()) {
            return false;
        }
        List<String> users = usedBy(id);
        if (!users.isEmpty()) {
            throw new InUse(users);
        }
        jdbc.sql("DELETE FROM content_media WHERE id = :id").param("id", id).update();
        audit.record(by, AuditAction.MEDIA_DELETED, OBJECT, id.toString(), details(item.get()));
        return true;
    }

    /** A file that passed its check, as it will be stored. */
    private record Checked(Kind kind, String mediaType, byte[] bytes, @Nullable Integer width, @Nullable Integer height) {
    }

    private @Nullable Checked check(byte[] bytes, List<Problem> problems) {
        if (bytes.length == 0) {
            problems.add(new Problem("file", "EMPTY"));
            return null;
        }
        if (PdfCheck.looksLikePdf(bytes)) {
            if (bytes.length > limits.pdfMaxSize().toBytes()) {
                problems.add(new Problem("file", "TOO_LARGE"));
                return null;
            }
            try {
                return new Checked(Kind.PDF, "application/pdf", PdfCheck.clean(bytes), null, null);
            }
            catch (PdfCheck.Refused refused) {
                problems.add(new Problem("file", refused.reason().name()));
                return null;
            }
        }
        try {
            CleanImage image = images.clean(bytes);
            return new Checked(Kind.IMAGE, image.mediaType(), image.bytes(), image.width(), image.height());
        }
        catch (ImageRefused refused) {
            problems.add(new Problem("file", refused.reason() == ImageRefused.Reason.NOT_AN_IMAGE ? "NOT_ACCEPTED" : refused.reason().name()));
            return null;
        }
    }

    /** The text on one line, its spaces and line breaks each run made one space; a problem when it is missing, too long or not storable text. */
    private static String text(@Nullable String typed, String field, List<Problem> problems) {
        String text = typed == null ? "" : WHITESPACE.matcher(typed).replaceAll(" ").strip();
        if (text.isEmpty()) {
            problems.add(new Problem(field, "MISSING"));
        }
        else if (NOT_STORABLE.matcher(text).find()) {
            problems.add(new Problem(field, "NOT_TEXT"));
        }
        else if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            problems.add(new Problem(field, "TOO_LONG"));
        }
        return text;
    }

    /**
     * The name the file is downloaded under: the letters and digits of the name it came with (no folder, no markup, no
     * dots but the extension's), with the extension of what is stored; {@code image} or {@code document} when nothing
     * is left.
     */
    static String fileName(@Nullable String given, Kind kind, String mediaType) {
        String name = given == null ? "" : given;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        stem = DIACRITIC.matcher(Normalizer.normalize(stem, Normalizer.Form.NFKD)).replaceAll("");
        stem = NOT_A_NAME_CHARACTER.matcher(stem).replaceAll("-").replaceAll("^-+|-+$", "").toLowerCase(Locale.ROOT);
        if (stem.length() > MAX_FILE_NAME) {
            stem = stem.substring(0, MAX_FILE_NAME).replaceAll("-+$", "");
        }
        if (stem.isEmpty()) {
            stem = kind == Kind.IMAGE ? "image" : "document";
        }
        String extension = switch (mediaType) {
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/webp" -> ".webp";
            default -> ".pdf";
        };
        return stem + extension;
    }

    private static String fileName(@Nullable String given, Checked file) {
        return fileName(given, file.kind(), file.mediaType());
    }

    private static Map<String, String> details(Item item) {
        return Map.of("kind", item.kind().name(), "mediaType", item.mediaType(), "size", String.valueOf(item.size()));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    private static Item item(ResultSet row, int number) throws SQLException {
        return new Item(row.getObject("id", UUID.class), Kind.valueOf(row.getString("kind")), row.getString("media_type"),
                row.getString("file_name"), row.getInt("size"), (Integer) row.getObject("width"), (Integer) row.getObject("height"),
                row.getString("alt_sq"), row.getString("alt_en"), row.getString("created_by"), row.getTimestamp("created_at").toInstant());
    }
}
