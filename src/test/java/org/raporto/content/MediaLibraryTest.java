package org.raporto.content;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.raporto.audit.Actor;
import org.raporto.shared.Language;
import org.raporto.shared.image.TestImages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The media library on the real database: what it takes, how it stores it, what it refuses, and when it deletes. */
@SpringBootTest(properties = {"raporto.content.seed-location=classpath:content/seed-sample/", "raporto.content.media.image-max-size=200KB",
        "raporto.content.media.image-max-pixels=1000000", "raporto.content.media.pdf-max-size=300KB"})
class MediaLibraryTest {

    private static final Actor EDITOR = new Actor(UUID.randomUUID(), "Test editor");

    @Autowired
    MediaLibrary media;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anImageIsStoredReEncodedWithoutItsMetadataUnderACleanNameAndAudited() {
        byte[] photo = TestImages.withExif(TestImages.jpeg(60, 20, Color.GREEN), 6, "SecretCamera 3000");

        MediaLibrary.Stored stored = media.store(new MediaLibrary.Upload(photo, "../../etc/<script>Fëmijë në klasë</script>.jpeg",
                "  Fëmijë në klasë\n me mësuesen ", "Children in class with their teacher"), EDITOR);

        MediaLibrary.Item item = stored.item();
        assertThat(stored.existing()).isFalse();
        assertThat(item.kind()).isEqualTo(MediaLibrary.Kind.IMAGE);
        assertThat(item.fileName()).as("no folder, no markup").isEqualTo("script.jpg");
        assertThat(item.altSq()).isEqualTo("Fëmijë në klasë me mësuesen");
        assertThat(item.width()).as("turned the way the camera said").isEqualTo(20);
        assertThat(item.height()).isEqualTo(60);
        assertThat(item.markdown(Language.SQ)).isEqualTo("![Fëmijë në klasë me mësuesen](/media/" + item.id() + ")");
        byte[] kept = media.find(item.id()).orElseThrow().bytes();
        assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain("SecretCamera");
        assertThat(jdbc.sql("SELECT details::text FROM audit_entry WHERE action = 'MEDIA_STORED' AND object_id = :id")
                .param("id", item.id().toString()).query(String.class).single())
                .contains("\"kind\": \"IMAGE\"", "\"mediaType\": \"image/jpeg\"").doesNotContain("Fëmijë", "script.jpg");
    }

    @Test
    void aPolyglotKeepsOnlyItsPixels() {
        byte[] polyglot = concat(TestImages.withTextChunk(TestImages.png(20, 20, Color.BLUE), "Author", "secret-author"),
                "<script>alert(1)</script>PK\u0003\u0004hidden.zip".getBytes(StandardCharsets.UTF_8));

        MediaLibrary.Item item = media.store(new MediaLibrary.Upload(polyglot, "logo.png", "Logo", "Logo"), EDITOR).item();

        String kept = new String(media.find(item.id()).orElseThrow().bytes(), StandardCharsets.ISO_8859_1);
        assertThat(kept).doesNotContain("secret-author", "script", "hidden.zip");
    }

    @Test
    void theSameFileStoredTwiceIsKeptOnce() {
        byte[] png = TestImages.png(31, 17, Color.ORANGE);
        MediaLibrary.Stored first = media.store(new MediaLibrary.Upload(png, "a.png", "Portokalli", "Orange"), EDITOR);
        MediaLibrary.Stored second = media.store(new MediaLibrary.Upload(png, "b.png", "Tjetër", "Other"), EDITOR);
        assertThat(second.existing()).isTrue();
        assertThat(second.item().id()).isEqualTo(first.item().id());
        assertThat(second.item().altEn()).isEqualTo("Orange");
    }

    @Test
    void aPdfIsStoredWithItsTitlesAndLinkedRatherThanShown() throws Exception {
        MediaLibrary.Item item = media.store(new MediaLibrary.Upload(PdfCheckTest.pdf(document -> { }), "Manuali.PDF",
                "Manuali i mësuesit", "Teachers' manual [2026]"), EDITOR).item();
        assertThat(item.kind()).isEqualTo(MediaLibrary.Kind.PDF);
        assertThat(item.mediaType()).isEqualTo("application/pdf");
        assertThat(item.fileName()).isEqualTo("manuali.pdf");
        assertThat(item.width()).isNull();
        assertThat(item.markdown(Language.EN)).isEqualTo("[Teachers' manual \\[2026\\]](/media/" + item.id() + ")");
    }

    @Test
    void hostileFilesAreRefusedByContentAndNothingIsKept() throws Exception {
        int before = count();
        assertProblem(new MediaLibrary.Upload("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8), "image.png", "A", "A"), "file", "NOT_ACCEPTED");
        assertProblem(new MediaLibrary.Upload(TestImages.zip("a.txt", "x"), "photo.jpg", "A", "A"), "file", "NOT_ACCEPTED");
        assertProblem(new MediaLibrary.Upload(new byte[0], "empty.png", "A", "A"), "file", "EMPTY");
        assertProblem(new MediaLibrary.Upload(TestImages.pngHeaderOnly(2000, 2000), "big.png", "A", "A"), "file", "TOO_MANY_PIXELS");
        assertProblem(new MediaLibrary.Upload(TestImages.pngBomb(3000, 3000), "bomb.png", "A", "A"), "file", "TOO_MANY_PIXELS");
        assertProblem(new MediaLibrary.Upload(new byte[300 * 1024], "zeros.png", "A", "A"), "file", "TOO_LARGE");
        assertProblem(new MediaLibrary.Upload(PdfCheckTest.pdf(document -> document.getDocumentCatalog().setOpenAction(
                new org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript("app.alert(1)"))), "m.pdf", "A", "A"), "file", "JAVASCRIPT");
        assertProblem(new MediaLibrary.Upload(concat("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), new byte[400 * 1024]), "huge.pdf", "A", "A"),
                "file", "TOO_LARGE");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void bothTextsAreRequiredOnOneLineOfAtMostThreeHundredCharacters() {
        byte[] png = TestImages.png(10, 10, Color.RED);
        assertThatThrownBy(() -> media.store(new MediaLibrary.Upload(png, "x.png", " \n\t", ""), EDITOR))
                .isInstanceOfSatisfying(MediaLibrary.Refused.class, refused -> assertThat(refused.problems())
                        .containsExactly(new MediaLibrary.Problem("altSq", "MISSING"), new MediaLibrary.Problem("altEn", "MISSING")));
        String emoji = "😀".repeat(300);
        assertThat(media.store(new MediaLibrary.Upload(png, "x.png", emoji, "ok"), EDITOR).item().altSq())
                .as("300 characters, though 600 UTF-16 units").isEqualTo(emoji);
        assertProblem(new MediaLibrary.Upload(TestImages.png(11, 11, Color.RED), "x.png", "a".repeat(301), "ok"), "altSq", "TOO_LONG");
        assertProblem(new MediaLibrary.Upload(TestImages.png(11, 11, Color.RED), "x.png", "ok", "nul\u0000byte"), "altEn", "NOT_TEXT");
        assertProblem(new MediaLibrary.Upload(TestImages.png(11, 11, Color.RED), "x.png", "ok", "half \uD83D pair"), "altEn", "NOT_TEXT");
    }

    @Test
    void aFileAnArticleUsesIsNotDeletedAndAnUnusedOneIsDeletedAndAudited() {
        MediaLibrary.Item inBody = media.store(new MediaLibrary.Upload(TestImages.png(12, 12, Color.CYAN), "a.png", "Një", "One"), EDITOR).item();
        MediaLibrary.Item asFile = media.store(new MediaLibrary.Upload(TestImages.png(13, 13, Color.CYAN), "b.png", "Dy", "Two"), EDITOR).item();
        MediaLibrary.Item unused = media.store(new MediaLibrary.Upload(TestImages.png(14, 14, Color.CYAN), "c.png", "Tre", "Three"), EDITOR).item();
        jdbc.sql("UPDATE content_article SET body = body || :image WHERE slug = 'our-mission'")
                .param("image", "\n\n" + inBody.markdown(Language.EN)).update();
        jdbc.sql("UPDATE content_article SET media_id = :id WHERE slug = 'safer-internet-day'").param("id", asFile.id()).update();

        assertThatThrownBy(() -> media.delete(inBody.id(), EDITOR)).isInstanceOfSatisfying(MediaLibrary.InUse.class,
                inUse -> assertThat(inUse.articles()).containsExactly("Our mission"));
        assertThatThrownBy(() -> media.delete(asFile.id(), EDITOR)).isInstanceOf(MediaLibrary.InUse.class);
        assertThat(media.delete(unused.id(), EDITOR)).isTrue();
        assertThat(media.delete(unused.id(), EDITOR)).as("gone").isFalse();

        assertThat(media.describe(inBody.id())).isPresent();
        assertThat(media.describe(unused.id())).isEmpty();
        assertThat(jdbc.sql("SELECT actor_name FROM audit_entry WHERE action = 'MEDIA_DELETED' AND object_id = :id")
                .param("id", unused.id().toString()).query(String.class).list()).containsExactly("Test editor");
    }

    @Test
    void theListIsPagedNewestFirst() {
        for (int i = 0; i < 3; i++) {
            media.store(new MediaLibrary.Upload(TestImages.png(40 + i, 9, Color.MAGENTA), "p.png", "Faqe " + i, "Page " + i), EDITOR);
        }
        MediaLibrary.Listing first = media.page(1, 2);
        assertThat(first.items()).hasSize(2);
        assertThat(first.items().get(0).createdAt()).isAfterOrEqualTo(first.items().get(1).createdAt());
        assertThat(first.pages()).isEqualTo((first.total() + 1) / 2);
        assertThat(media.page(999, 2).number()).isEqualTo(first.pages());
    }

    @Test
    void fileNamesKeepOnlyLettersAndDigitsOfTheNameWithTheExtensionOfWhatIsStored() {
        assertThat(MediaLibrary.fileName("C:\\Users\\me\\Ekran.WEBP", MediaLibrary.Kind.IMAGE, "image/png")).isEqualTo("ekran.png");
        assertThat(MediaLibrary.fileName("..", MediaLibrary.Kind.IMAGE, "image/png")).isEqualTo("image.png");
        assertThat(MediaLibrary.fileName(null, MediaLibrary.Kind.PDF, "application/pdf")).isEqualTo("document.pdf");
        assertThat(MediaLibrary.fileName("\"; filename=evil.exe", MediaLibrary.Kind.PDF, "application/pdf")).isEqualTo("filename-evil.pdf");
        assertThat(MediaLibrary.fileName("a".repeat(500) + ".png", MediaLibrary.Kind.IMAGE, "image/png")).hasSize(MediaLibrary.MAX_FILE_NAME + 4);
    }

    private void assertProblem(MediaLibrary.Upload upload, String field, String reason) {
        assertThatThrownBy(() -> media.store(upload, EDITOR)).isInstanceOfSatisfying(MediaLibrary.Refused.class,
                refused -> assertThat(refused.problems()).containsExactly(new MediaLibrary.Problem(field, reason)));
    }

    private int count() {
        return jdbc.sql("SELECT count(*) FROM content_media").query(Integer.class).single();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
