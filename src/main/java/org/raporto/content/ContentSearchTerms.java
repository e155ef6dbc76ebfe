package org.raporto.content;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;

/**
 * The words of a search query, folded as the database folds its documents (lower case, no diacritics): what a visitor
 * typed is never handed to PostgreSQL's query parser, only these words, so no input can be a syntax error.
 * <p>
 * Guaranteed: at most {@value #MAX_WORDS} distinct words of letters and digits, each at most {@value #MAX_WORD_LENGTH}
 * code points; none when the query has no letters or digits.
 */
public record ContentSearchTerms(List<String> words) {

    static final int MAX_WORDS = 8;
    static final int MAX_WORD_LENGTH = 40;
    /** More than anyone types into a search box; the rest of a longer query is not read. */
    private static final int MAX_READ = 400;
    /** Shorter last words are not taken as the start of a longer one: "e" would find everything. */
    private static final int MIN_PREFIX = 3;
    /** Shorter words are too short for trigrams to say anything. */
    private static final int MIN_SIMILAR = 3;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    public ContentSearchTerms {
        words = List.copyOf(words);
        for (String word : words) {
            if (word.codePointCount(0, word.length()) > MAX_WORD_LENGTH || !WORD.matcher(word).matches()) {
                throw new IllegalArgumentException("Not a folded search word: " + word);
            }
        }
        if (words.size() > MAX_WORDS) {
            throw new IllegalArgumentException("More than " + MAX_WORDS + " words");
        }
    }

    /** The words of whatever a visitor typed; null or blank gives none. */
    public static ContentSearchTerms parse(@Nullable String query) {
        if (query == null) {
            return new ContentSearchTerms(List.of());
        }
        boolean cut = query.length() > MAX_READ;
        String read = fold(cut ? query.substring(0, MAX_READ) : query);
        Set<String> words = new LinkedHashSet<>();
        Matcher matcher = WORD.matcher(read);
        while (matcher.find() && words.size() < MAX_WORDS) {
            String word = matcher.group();
            if (cut && matcher.end() == read.length()) {
                break; // the piece of a word where the reading stopped
            }
            // In code points: a letter outside the basic plane must not be cut in half.
            words.add(word.codePointCount(0, word.length()) > MAX_WORD_LENGTH ? word.substring(0, word.offsetByCodePoints(0, MAX_WORD_LENGTH)) : word);
        }
        return new ContentSearchTerms(new ArrayList<>(words));
    }

    /**
     * Lower case without diacritics, as {@code content_fold} in the database: "Fëmijë" → "femije", "Çështje" →
     * "ceshtje". Letters that are not a base letter and a mark (ø, ł) stay as they are here; the database folds them.
     */
    public static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)).replaceAll("");
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    /** Every word, the last one also as the start of a longer word (the visitor may not have finished typing it). */
    String allWords() {
        return tsquery(" & ");
    }

    /** Any of the words. */
    String anyWord() {
        return tsquery(" | ");
    }

    /** The words long enough to look for similar ones. */
    List<String> similarityWords() {
        return words.stream().filter(word -> word.length() >= MIN_SIMILAR).limit(4).toList();
    }

    /** Whether a folded word of a text is one of these words, or starts with the last one. */
    boolean matches(String foldedWord) {
        if (words.contains(foldedWord)) {
            return true;
        }
        String last = words.get(words.size() - 1);
        return last.length() >= MIN_PREFIX && foldedWord.startsWith(last);
    }

    /** Whether a folded word of a text looks like one of these words (shares enough trigrams), for typos. */
    boolean resembles(String foldedWord) {
        return similarityWords().stream().anyMatch(word -> similarity(word, foldedWord) >= 0.3);
    }

    /**
     * Words of letters and digits only, joined by operators of our own: to_tsquery's syntax characters cannot occur.
     * The last word is also a prefix when it is long enough.
     */
    private String tsquery(String operator) {
        List<String> operands = new ArrayList<>(words);
        int last = operands.size() - 1;
        if (operands.get(last).length() >= MIN_PREFIX) {
            operands.set(last, operands.get(last) + ":*");
        }
        return String.join(operator, operands);
    }

    /** pg_trgm's similarity of two words: shared trigrams of the padded words over all their trigrams. */
    static double similarity(String a, String b) {
        Set<String> left = trigrams(a);
        Set<String> right = trigrams(b);
        Set<String> shared = new LinkedHashSet<>(left);
        shared.retainAll(right);
        Set<String> all = new LinkedHashSet<>(left);
        all.addAll(right);
        return all.isEmpty() ? 0 : (double) shared.size() / all.size();
    }

    private static Set<String> trigrams(String word) {
        String padded = "  " + word + " ";
        return IntStream.rangeClosed(0, padded.length() - 3).mapToObj(i -> padded.substring(i, i + 3))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
