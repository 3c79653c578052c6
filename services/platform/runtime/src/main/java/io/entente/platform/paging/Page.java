package io.entente.platform.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, the only list shape on the wire: {@code next} is the cursor for the following page (pass it as
 * {@code ?after=}), null on the last page.
 */
public record Page<T>(List<T> items, String next) {

    public Page {
        items = List.copyOf(items);
    }

    public static <T> Page<T> empty() {
        return new Page<>(List.of(), null);
    }

    /** The same page with each row turned into what the caller returns (an entity into its view). */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), next);
    }
}
