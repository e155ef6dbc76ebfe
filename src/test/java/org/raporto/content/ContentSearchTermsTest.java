package org.raporto.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentSearchTermsTest {

    @Test
    void foldsAlbanianLettersToTheirBaseLetters() {
        assertThat(ContentSearchTerms.fold("Fëmijë")).isEqualTo("femije");
        assertThat(ContentSearchTerms.fold("ÇËSHTJE")).isEqualTo("ceshtje");
        assertThat(ContentSearchTerms.fold("bullizëm")).isEqualTo(ContentSearchTerms.fold("bullizem"));
        // Decomposed: e followed by a combining diaeresis, as some keyboards send it.
        assertThat(ContentSearchTerms.fold("fe\u0308mije\u0308")).isEqualTo("femije");
    }

    @Test
    void keepsOnlyWordsOfLettersAndDigitsSoNoQuerySyntaxReachesTheDatabase() {
        assertThat(ContentSearchTerms.parse("fëmijë & (bullizëm | !sexting):* <-> 'x'").words())
                .containsExactly("femije", "bullizem", "sexting", "x");
        assertThat(ContentSearchTerms.parse("'; DROP TABLE content_article; --").words()).containsExactly("drop", "table", "content", "article");
        assertThat(ContentSearchTerms.parse("  !!! ::: *** ").isEmpty()).isTrue();
        assertThat(ContentSearchTerms.parse(null).isEmpty()).isTrue();
        assertThat(ContentSearchTerms.parse("a\u0000b").words()).containsExactly("a", "b");
    }

    @Test
    void readsAtMostEightWordsOfAtMostFortyLettersFromAHugeQuery() {
        ContentSearchTerms terms = ContentSearchTerms.parse("fjale ".repeat(2000) + "x".repeat(10_000));
        assertThat(terms.words()).containsExactly("fjale");
        ContentSearchTerms many = ContentSearchTerms.parse("a b c d e f g h i j k");
        assertThat(many.words()).hasSize(ContentSearchTerms.MAX_WORDS);
        // A letter outside the basic plane is never cut in half.
        ContentSearchTerms astral = ContentSearchTerms.parse("𝐀".repeat(100));
        assertThat(astral.words().get(0).codePointCount(0, astral.words().get(0).length())).isEqualTo(ContentSearchTerms.MAX_WORD_LENGTH);
    }

    @Test
    void theLastWordAlsoFindsLongerWordsWhenItIsLongEnough() {
        assertThat(ContentSearchTerms.parse("femije bull").allWords()).isEqualTo("femije & bull:*");
        assertThat(ContentSearchTerms.parse("femije bull").anyWord()).isEqualTo("femije | bull:*");
        assertThat(ContentSearchTerms.parse("siguria e").allWords()).isEqualTo("siguria & e");
    }

    @Test
    void marksTheWordsFoundWhateverTheirDiacriticsAndKeepsTheRestAsPlainText() {
        ContentSearchText text = ContentSearchText.marked("Çështje për fëmijë <b>dhe</b> prindër", ContentSearchTerms.parse("ceshtje femije"), List.of());
        assertThat(text.parts()).containsExactly(new ContentSearchText.Part("Çështje", true), new ContentSearchText.Part(" për ", false),
                new ContentSearchText.Part("fëmijë", true), new ContentSearchText.Part(" <b>dhe</b> prindër", false));
        assertThat(text.plain()).isEqualTo("Çështje për fëmijë <b>dhe</b> prindër");
    }

    @Test
    void marksTheLookAlikeWordsOfATypoOnlyWhenTheSearchLookedForThem() {
        ContentSearchTerms typo = ContentSearchTerms.parse("bulizem");
        assertThat(ContentSearchText.marked("Bullizmi në shkollë", typo, List.of()).hasMatch()).isFalse();
        assertThat(ContentSearchText.marked("Bullizmi në shkollë, bullizëm", typo, List.of("bullizmi", "bullizem")).parts())
                .containsExactly(new ContentSearchText.Part("Bullizmi", true), new ContentSearchText.Part(" në shkollë, ", false),
                        new ContentSearchText.Part("bullizëm", true));
    }

    @Test
    void excerptsTheBodyAroundTheFirstMatchWithoutItsMarkdown() {
        String body = "# Hyrje\n\n" + "Fjali e parë pa lidhje me temën. ".repeat(20) + "Kur **grooming** ndodh, [lexoni](https://example.org/x) këtu.";
        ContentSearchText excerpt = ContentSearchText.excerpt("Përmbledhje pa fjalën.", body, ContentSearchTerms.parse("grooming"), List.of());
        assertThat(excerpt.plain()).startsWith("… ").contains("Kur grooming ndodh, lexoni këtu.").doesNotContain("**", "https://", "#");
        assertThat(excerpt.parts()).contains(new ContentSearchText.Part("grooming", true));
        ContentSearchText summary = ContentSearchText.excerpt("Si të flisni për grooming", body, ContentSearchTerms.parse("grooming"), List.of());
        assertThat(summary.plain()).isEqualTo("Si të flisni për grooming");
        assertThat(ContentSearchText.excerpt("", "Vetëm trup.", ContentSearchTerms.parse("asgje"), List.of()).plain()).isEqualTo("Vetëm trup.");
    }

    @Test
    void similarityOfWordsIsThatOfTrigrams() {
        assertThat(ContentSearchTerms.similarity("bulizem", "bullizem")).isGreaterThan(0.6);
        assertThat(ContentSearchTerms.similarity("bulizem", "privatesia")).isLessThan(0.1);
        assertThat(List.of("bulizem")).allSatisfy(word -> assertThat(ContentSearchTerms.similarity(word, word)).isEqualTo(1.0));
    }

    @Test
    void addsLookAlikeWordsToAnyOfTheWordsButNothingThatIsNotAWord() {
        ContentSearchTerms typo = ContentSearchTerms.parse("bulizem femije");
        assertThat(typo.anyWordOr(List.of("bullizem", "a:b", "x'y", "c|d", "e & f", "!g")))
                .isEqualTo("bulizem | femije:* | bullizem");
    }

    @Test
    void correctsEachTypoByTheLookAlikeWordsClosestToItAndKeepsEveryWordRequired() {
        assertThat(ContentSearchTerms.parse("bulizem femije").allWordsOr(List.of("bullizem", "bullizmi", "x'y", "c|d")))
                .isEqualTo("(bulizem | bullizem | bullizmi) & femije:*");
        assertThat(ContentSearchTerms.parse("privatsi interent").allWordsOr(List.of("internet", "privatesi", "privatesia")))
                .isEqualTo("(privatsi | privatesi | privatesia) & (interent:* | internet)");
        assertThat(ContentSearchTerms.parse("privatsi e").allWordsOr(List.of())).isEqualTo("privatsi & e");
    }

    @Test
    void excerptsTheBodyWhereTheWordIsTextNotWhereItIsOnlyPartOfALinkAddress() {
        ContentSearchTerms grooming = ContentSearchTerms.parse("grooming");
        String onlyInALink = "Lexoni [këtu](https://example.org/grooming) më shumë. " + "Fjali pa lidhje. ".repeat(100);
        String later = onlyInALink + "Kur grooming ndodh, flisni.";

        assertThat(ContentSearchText.excerpt("Përmbledhje.", onlyInALink, grooming, List.of()).plain()).isEqualTo("Përmbledhje.");
        assertThat(ContentSearchText.excerpt("Përmbledhje.", later, grooming, List.of()).plain()).startsWith("… ").contains("Kur grooming ndodh");
    }

    @Test
    void readsAsWordsWhatTheirPatternWouldFindInAnyText() {
        Pattern word = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}]*");
        // Letters, digits and marks of several scripts and planes, decomposed letters, punctuation, Markdown, a lone surrogate.
        int[] alphabet = "aZ09 .,-_*#[]()<>\nëçÇ\u0301\u0308\u20DD\u0903Ⅻ½٣中ʰ\uD835\uDC00\uD801\uDC28\uD800😀\t'’…".codePoints().toArray();
        Random random = new Random(32);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
            }
            String written = text.toString();
            List<String> expected = new ArrayList<>();
            for (Matcher found = word.matcher(written); found.find();) {
                expected.add(found.start() + ":" + found.group());
            }
            List<String> read = new ArrayList<>();
            for (int start = ContentSearchText.wordStart(written, 0), end; start >= 0; start = ContentSearchText.wordStart(written, end)) {
                end = ContentSearchText.wordEnd(written, start);
                read.add(start + ":" + written.substring(start, end));
            }
            assertThat(read).as(written).isEqualTo(expected);
        }
    }
}
