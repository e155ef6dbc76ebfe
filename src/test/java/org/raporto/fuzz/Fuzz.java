package org.raporto.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Runs a property over generated input: a number of tries, each given the next values of one {@link Random} seeded
 * from the run's seed and the property's name. The seed is fixed, so every run tries the same input and a failure on
 * CI fails the same way on a laptop; {@code -Draporto.fuzz.seed=N} runs other input, {@code -Draporto.fuzz.scale=10}
 * ten times as much.
 * <p>
 * A failing try is reported with the seed, its number and its input (whole, in {@code target/fuzz-failures/}).
 */
public final class Fuzz {

    public static final long DEFAULT_SEED = 20_261_128L;
    /** No answer to one try may take longer: a slow answer to hostile input is a way to stop the site. */
    public static final Duration MAX_TRY_TIME = Duration.ofSeconds(10);

    private final String property;
    private final long seed;
    private final Random random;
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private final List<Input> inputs = new ArrayList<>();

    private Fuzz(String property, long seed) {
        this.property = property;
        this.seed = seed;
        this.random = new Random(seed ^ property.hashCode());
    }

    /** One try: takes its input from the random source and checks the property, throwing when it does not hold. */
    @FunctionalInterface
    public interface Try {
        void run(Fuzz fuzz, Random random) throws Exception;
    }

    /**
     * Runs {@code tries} tries of the property (scaled by {@code raporto.fuzz.scale}).
     *
     * @return how often each outcome was noted, for the property to check that its input reached what it was meant to
     */
    public static Map<String, Integer> check(String property, int tries, Try body) {
        Fuzz fuzz = new Fuzz(property, Long.getLong("raporto.fuzz.seed", DEFAULT_SEED));
        int scaled = Math.max(1, (int) Math.round(tries * Double.parseDouble(System.getProperty("raporto.fuzz.scale", "1"))));
        long started = System.nanoTime();
        for (int number = 1; number <= scaled; number++) {
            fuzz.inputs.clear();
            long tryStarted = System.nanoTime();
            try {
                body.run(fuzz, fuzz.random);
            }
            catch (Exception | AssertionError failure) {
                throw fuzz.failed(number, failure);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - tryStarted);
            if (took.compareTo(MAX_TRY_TIME) > 0) {
                throw fuzz.failed(number, new AssertionError("The try took " + took.toMillis() + " ms"));
            }
        }
        System.out.printf("fuzz %s: seed %d, %d tries in %d ms, %s%n", property, fuzz.seed, scaled,
                Duration.ofNanos(System.nanoTime() - started).toMillis(), fuzz.outcomes);
        return Map.copyOf(fuzz.outcomes);
    }

    /** Records what the try sends, to be shown and kept if it fails. */
    public byte[] input(String label, byte[] content) {
        inputs.add(new Input(label, content));
        return content;
    }

    public String input(String label, String content) {
        input(label, content.getBytes(StandardCharsets.UTF_8));
        return content;
    }

    /** Counts an outcome (an HTTP status, a kind of input) for the summary. */
    public void noted(String outcome) {
        outcomes.merge(outcome, 1, Integer::sum);
    }

    private AssertionError failed(int number, Throwable failure) {
        StringBuilder message = new StringBuilder().append("Property '").append(property).append("' failed at try ").append(number)
                .append(" with seed ").append(seed).append(" (run again with -Draporto.fuzz.seed=").append(seed).append(")\n");
        Path folder = Path.of("target", "fuzz-failures");
        try {
            Files.createDirectories(folder);
            for (int i = 0; i < inputs.size(); i++) {
                Input input = inputs.get(i);
                Path file = folder.resolve("%s-%d-%d-%d.bin".formatted(property, seed, number, i));
                Files.write(file, input.content());
                message.append("  ").append(input.label()).append(" (").append(file).append("): ")
                        .append(Hostile.describe(input.content())).append('\n');
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AssertionError(message.append(failure.getMessage()).toString(), failure);
    }

    private record Input(String label, byte[] content) {
    }
}
