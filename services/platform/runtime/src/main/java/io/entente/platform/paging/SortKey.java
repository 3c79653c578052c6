package io.entente.platform.paging;

import io.entente.platform.problem.Problems;

import java.util.List;
import java.util.function.Function;

/**
 * A sort a list offers ({@code ?sort=name} or {@code ?sort=-name} for descending) and how its value is written into
 * and read back from a cursor.
 *
 * @param name       the client-facing name
 * @param expression the HQL expression over the alias {@code e}
 * @param descending the direction
 * @param unique     whether the value alone identifies a row (no id tie-breaker needed)
 * @param parse      reads a cursor value back into what the query compares with
 * @param value      the row's sort value as the cursor carries it
 */
public record SortKey<E>(String name, String expression, boolean descending, boolean unique,
                         Function<String, Object> parse, Function<E, Object> value) {

    public static final String PARAMETER = "sort";

    public static <E> SortKey<E> of(String name, String expression, Function<String, Object> parse,
                                    Function<E, Object> value) {
        return new SortKey<>(name, expression, false, false, parse, value);
    }

    /** A sort on a value that no two rows share (a rank, a key). */
    public static <E> SortKey<E> unique(String name, String expression, Function<String, Object> parse,
                                        Function<E, Object> value) {
        return new SortKey<>(name, expression, false, true, parse, value);
    }

    /** The same key in the other direction, named {@code -name}. */
    public SortKey<E> reversed() {
        return new SortKey<>(descending ? name.substring(1) : "-" + name, expression, !descending, unique, parse,
                value);
    }

    /** Resolves {@code ?sort=} against the offered sorts (the first is the default); 400 naming the choices. */
    public static <E> SortKey<E> choose(String requested, List<SortKey<E>> offered) {
        if (requested == null || requested.isBlank()) {
            return offered.get(0);
        }
        String wanted = requested.strip();
        boolean descending = wanted.startsWith("-");
        String name = descending ? wanted.substring(1) : wanted;
        for (SortKey<E> sort : offered) {
            if (sort.name().equals(name)) {
                return descending ? sort.reversed() : sort;
            }
        }
        throw Problems.invalid(PARAMETER, "must be one of " + offered.stream().map(SortKey::name).toList()
                + ", optionally prefixed with - for descending");
    }
}
