package org.raporto.content;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

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
        String lower = text.toLowerCase(Locale.ROOT);
        // Most words have no letter beyond ASCII, and nothing to take off: every word of every excerpt is folded.
        if (lower.chars().allMatch(c -> c < 0x80)) {
            return lower;
        }
        StringBuilder folded = new StringBuilder(lower.length());
        Normalizer.normalize(lower, Normalizer.Form.NFD).codePoints().filter(c -> !isMark(c)).forEach(folded::appendCodePoint);
        return folded.toString();
    }

    /** As {@code \p{M}}: a combining mark. */
    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
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

    /**
     * Any of the words, or of these words of the articles that look like them (found for typos). Those that are not
     * words of letters and digits are left out, so the operators stay ours whatever the list holds.
     */
    String anyWordOr(List<String> alike) {
        List<String> operands = new ArrayList<>(List.of(anyWord()));
        alike.stream().filter(word -> WORD.matcher(word).matches()).forEach(operands::add);
        return String.join(" | ", operands);
    }

    /**
     * Every word, each one or any of these words of the articles that looks most like it (found for typos): "bulizem
     * femije" with "bullizem" and "bullizmi" gives {@code (bulizem | bullizem | bullizmi) & femije:*}. Those that are
     * not words of letters and digits are left out, as in {@link #anyWordOr}.
     */
    String allWordsOr(List<String> alike) {
        List<String> similar = similarityWords();
        Map<String, List<String>> byWord = new HashMap<>();
        for (String word : alike) {
            if (WORD.matcher(word).matches() && !similar.isEmpty()) {
                String closest = similar.stream().max(Comparator.comparingDouble(typed -> similarity(typed, word))).orElseThrow();
                byWord.computeIfAbsent(closest, typed -> new ArrayList<>()).add(word);
            }
        }
        List<String> operands = operands();
        for (int i = 0; i < words.size(); i++) {
            List<String> alternatives = byWord.getOrDefault(words.get(i), List.of());
            if (!alternatives.isEmpty()) {
                operands.set(i, "(" + operands.get(i) + " | " + String.join(" | ", alternatives) + ")");
            }
        }
        return String.join(" & ", operands);
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

    /**
     * Whether a word as written in a text, once folded, is one of these words or starts with the last
     * ({@link #matches}), or is one of the look-alike words a widened search looked for: the marks show what was
     * searched, as the database matched it, and a set is cheaper to ask than trigrams (every distinct word of an
     * excerpt's body is tested until the first found). For testing every word of a page's texts: each distinct word is
     * tested once (words repeat), so it keeps what it has seen and belongs to one thread. Only when there are words.
     *
     * @param alike folded words of the articles that look like the query's, as found for typos; none for an exact search
     */
    Predicate<String> finder(List<String> alike) {
        if (isEmpty()) {
            throw new IllegalStateException("No words to find");
        }
        Set<String> lookAlike = Set.copyOf(alike);
        Map<String, Boolean> seen = new HashMap<>();
        return written -> seen.computeIfAbsent(written, word -> {
            String folded = fold(word);
            return matches(folded) || lookAlike.contains(folded);
        });
    }

    /**
     * Words of letters and digits only, joined by operators of our own: to_tsquery's syntax characters cannot occur.
     * The last word is also a prefix when it is long enough.
     */
    private String tsquery(String operator) {
        return String.join(operator, operands());
    }

    /** The words as operands of a tsquery, the last also as a prefix when it is long enough. */
    private List<String> operands() {
        List<String> operands = new ArrayList<>(words);
        int last = operands.size() - 1;
        if (operands.get(last).length() >= MIN_PREFIX) {
            operands.set(last, operands.get(last) + ":*");
        }
        return operands;
    }

    /** pg_trgm's similarity of two words: shared trigrams of the padded words over all their trigrams. */
    static double similarity(String a, String b) {
        return similarity(trigrams(a), trigrams(b));
    }

    private static double similarity(long[] left, long[] right) {
        int shared = 0;
        for (int i = 0, j = 0; i < left.length && j < right.length;) {
            if (left[i] == right[j]) {
                shared++;
                i++;
                j++;
            }
            else if (left[i] < right[j]) {
                i++;
            }
            else {
                j++;
            }
        }
        int all = left.length + right.length - shared;
        return all == 0 ? 0 : (double) shared / all;
    }

    /**
     * The distinct trigrams of the padded word ("  word "), each as three code points in one number, in order: every
     * word of a page's texts is compared, so no strings and sets for them.
     */
    private static long[] trigrams(String word) {
        int[] padded = ("  " + word + " ").codePoints().toArray();
        long[] trigrams = new long[Math.max(0, padded.length - 2)];
        for (int i = 0; i < trigrams.length; i++) {
            trigrams[i] = ((long) padded[i] << 42) | ((long) padded[i + 1] << 21) | padded[i + 2];
        }
        return LongStream.of(trigrams).sorted().distinct().toArray();
    }
}
