package io.entente.platform.paging;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The conditions of one list query over the alias {@code e}, with their named parameters, built filter by filter: an
 * absent filter (null, or an empty collection) adds nothing, so a list method reads as the list of its filters.
 */
public final class Where {

    private final StringBuilder hql = new StringBuilder("1 = 1");
    private final Map<String, Object> params = new LinkedHashMap<>();

    public static Where all() {
        return new Where();
    }

    /** Adds a condition without parameters, e.g. {@code e.closedAt is null}. */
    public Where and(String condition) {
        hql.append(" and (").append(condition).append(')');
        return this;
    }

    /**
     * Adds {@code condition} with {@code :name} bound to {@code value}, unless the value is absent (null, an empty
     * collection or blank text).
     */
    public Where and(String condition, String name, Object value) {
        if (value == null || value instanceof Collection<?> c && c.isEmpty()
                || value instanceof String s && s.isBlank()) {
            return this;
        }
        and(condition);
        params.put(name, value);
        return this;
    }

    /** Binds a parameter used by a condition added without one. */
    public Where bind(String name, Object value) {
        params.put(name, value);
        return this;
    }

    public String hql() {
        return hql.toString();
    }

    public Map<String, Object> params() {
        return Map.copyOf(params);
    }
}
