package io.entente.backlog.service;

import io.entente.platform.rest.Problems;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Keyset pagination over one entity: the page after a cursor is a range condition on (sort value, id), so page 1000
 * costs what page 1 costs, and rows inserted meanwhile neither repeat nor vanish.
 */
public final class Keyset {

    private Keyset() {
    }

    /**
     * A sort a list offers.
     *
     * @param name       client-facing name; a leading {@code -} means descending
     * @param expression HQL expression over alias {@code e}
     * @param unique     the value alone identifies a row (no id tie-breaker needed)
     * @param parse      reads a cursor value back
     * @param value      the row's sort value as written into the cursor
     */
    public record Sort<E>(String name, String expression, boolean descending, boolean unique,
                          Function<String, Object> parse, Function<E, Object> value) {

        public static <E> Sort<E> of(String name, String expression, Function<String, Object> parse,
                                     Function<E, Object> value) {
            return new Sort<>(name, expression, false, false, parse, value);
        }

        public static <E> Sort<E> unique(String name, String expression, Function<String, Object> parse,
                                         Function<E, Object> value) {
            return new Sort<>(name, expression, false, true, parse, value);
        }

        Sort<E> reversed() {
            return new Sort<>("-" + name, expression, !descending, unique, parse, value);
        }
    }

    /** Resolves {@code ?sort=} against the offered sorts; 400 naming the choices otherwise. */
    public static <E> Sort<E> choose(String requested, List<Sort<E>> offered) {
        if (requested == null || requested.isBlank()) {
            return offered.get(0);
        }
        boolean descending = requested.startsWith("-");
        String name = descending ? requested.substring(1) : requested;
        for (Sort<E> sort : offered) {
            if (sort.name().equals(name)) {
                return descending ? sort.reversed() : sort;
            }
        }
        throw Problems.invalid("sort", "must be one of " + offered.stream().map(Sort::name).toList()
                + ", optionally prefixed with - for descending");
    }

    /**
     * Runs {@code select e from <entity> e where <where> [and after cursor] order by <sort>, e.<id>}.
     *
     * @param where  a condition over alias {@code e}; its parameters in {@code params}
     * @param idName the id attribute
     * @param idOf   the id of a row as the cursor carries it
     * @param parseId reads a cursor id back
     */
    public static <E> Page<E> page(EntityManager em, Class<E> type, String where, Map<String, Object> params,
                                   Sort<E> sort, String idName, Function<E, String> idOf,
                                   Function<String, Object> parseId, String after, int limit) {
        Cursor cursor = Cursor.decode(after, sort.name());
        StringBuilder hql = new StringBuilder("select e from ").append(type.getSimpleName()).append(" e where ")
                .append(where);
        Object cursorValue = null;
        Object cursorId = null;
        if (cursor != null) {
            try {
                cursorValue = sort.parse().apply(cursor.value());
                cursorId = parseId.apply(cursor.id());
            } catch (RuntimeException e) {
                throw Problems.invalid("after", "is not a cursor of this list with sort " + sort.name());
            }
            String op = sort.descending() ? "<" : ">";
            String id = "e." + idName;
            if (sort.unique()) {
                hql.append(" and ").append(sort.expression()).append(' ').append(op).append(" :kv");
            } else {
                hql.append(" and (").append(sort.expression()).append(' ').append(op).append(" :kv or (")
                        .append(sort.expression()).append(" = :kv and ").append(id).append(' ').append(op)
                        .append(" :kid))");
            }
        }
        String direction = sort.descending() ? " desc" : " asc";
        hql.append(" order by ").append(sort.expression()).append(direction);
        if (!sort.unique()) {
            hql.append(", e.").append(idName).append(direction);
        }
        TypedQuery<E> query = em.createQuery(hql.toString(), type);
        params.forEach(query::setParameter);
        if (cursor != null) {
            query.setParameter("kv", cursorValue);
            if (!sort.unique()) {
                query.setParameter("kid", cursorId);
            }
        }
        List<E> rows = query.setMaxResults(limit + 1).getResultList();
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<E> page = rows.subList(0, limit);
        E last = page.get(limit - 1);
        Object value = sort.value().apply(last);
        String next = new Cursor(sort.name(), idOf.apply(last), value == null ? "" : value.toString()).encode();
        return new Page<>(List.copyOf(page), next);
    }
}
