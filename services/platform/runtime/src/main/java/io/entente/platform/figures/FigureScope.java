package io.entente.platform.figures;

import io.entente.platform.problem.Problems;
import io.entente.platform.rest.QueryParams;
import io.entente.platform.security.CurrentUser;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The alliances a figures request reports on. Unlike a list, asking for an alliance the reader cannot see is a 404
 * (the figures of one alliance are a read of that alliance); without a filter, an admin gets every alliance the
 * service knows and anyone else the alliances they belong to.
 */
public final class FigureScope {

    private FigureScope() {
    }

    /**
     * @param requested the {@code alliance} parameter, or null
     * @param known     the alliances the service knows, read only when needed
     */
    public static List<String> alliances(CurrentUser user, String requested, Supplier<Collection<String>> known) {
        String key = QueryParams.key("alliance", requested);
        if (key != null) {
            user.requireAlliance(key, "alliance", key);
            if (user.isAdmin() && !known.get().contains(key)) {
                throw Problems.notFound("alliance", key);
            }
            return List.of(key);
        }
        Set<String> keys = new TreeSet<>(user.isAdmin() ? known.get() : user.alliances());
        return List.copyOf(keys);
    }
}
