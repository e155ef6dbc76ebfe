package org.raporto.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A generator of test input: everything it makes comes from the {@link Random} it is given, so that one seed gives the
 * same inputs in the same order on every machine.
 */
@FunctionalInterface
public interface Gen<T> {

    T next(Random random);

    default <R> Gen<R> map(Function<? super T, ? extends R> mapping) {
        return random -> mapping.apply(next(random));
    }

    /** Between {@code min} and {@code max} values of this generator. */
    default Gen<List<T>> list(int min, int max) {
        return random -> {
            int size = min + random.nextInt(max - min + 1);
            List<T> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(next(random));
            }
            return values;
        };
    }

    /** This generator's value in {@code percent} of the cases, the other's otherwise. */
    default Gen<T> orElse(int percent, Gen<? extends T> other) {
        return random -> random.nextInt(100) < percent ? next(random) : other.next(random);
    }

    static <T> Gen<T> constant(T value) {
        return random -> value;
    }

    /** One of the values, each as likely. */
    @SafeVarargs
    static <T> Gen<T> oneOf(T... values) {
        List<T> choices = List.of(values);
        return random -> choices.get(random.nextInt(choices.size()));
    }

    static <T> Gen<T> oneOf(List<T> values) {
        List<T> choices = List.copyOf(values);
        return random -> choices.get(random.nextInt(choices.size()));
    }

    /** The value of one of the generators, each as likely. */
    @SafeVarargs
    static <T> Gen<T> either(Gen<? extends T>... generators) {
        List<Gen<? extends T>> choices = List.of(generators);
        return random -> choices.get(random.nextInt(choices.size())).next(random);
    }
}
