package io.entente.platform.paging;

import io.entente.platform.security.CurrentUser;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The alliances a list may show the caller: an admin sees every alliance (or those asked for), anyone else only
 * those they belong to, narrowed by what they asked for. Asking for a foreign alliance is not an error: it shows
 * nothing, exactly like an alliance with no rows, so the answer does not tell that it exists.
 */
public final class AllianceScope {

    /** Null: every alliance. */
    private final Set<String> keys;

    private AllianceScope(Set<String> keys) {
        this.keys = keys;
    }

    public static AllianceScope of(CurrentUser user, Collection<String> requested) {
        List<String> asked = requested == null ? List.of()
                : requested.stream().filter(k -> k != null && !k.isBlank()).map(String::strip).toList();
        if (user.isAdmin()) {
            return new AllianceScope(asked.isEmpty() ? null : new TreeSet<>(asked));
        }
        Set<String> visible = new TreeSet<>(user.alliances());
        if (!asked.isEmpty()) {
            visible.retainAll(asked);
        }
        return new AllianceScope(visible);
    }

    public static AllianceScope of(CurrentUser user, String requested) {
        return of(user, requested == null ? List.of() : List.of(requested));
    }

    /** True when the list is empty whatever else it filters on; answer {@link Page#empty()} without a query. */
    public boolean isEmpty() {
        return keys != null && keys.isEmpty();
    }

    /** Adds {@code <column> in :scope} to the conditions unless every alliance is visible. */
    public Where restrict(Where where, String column) {
        if (keys == null) {
            return where;
        }
        return keys.isEmpty() ? where.and("1 = 0") : where.and(column + " in :scope", "scope", keys);
    }

    /** The visible keys, or null for every alliance (for queries not written with {@link Where}). */
    public Set<String> keys() {
        return keys == null ? null : Set.copyOf(keys);
    }
}
