package io.entente.platform.paging;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Keyset paging over one entity: the page after a cursor is a range condition on (sort value, id), so page 1000 costs
 * what page 1 costs, and rows inserted meanwhile neither repeat nor vanish. Every list in every service pages through
 * this class (or, where a list is not one entity, writes its cursors with {@link Cursor}).
 *
 * @param type        the entity
 * @param idAttribute its id attribute, the tie-breaker of every non-unique sort
 * @param id          a row's id as the cursor carries it
 * @param parseId     reads a cursor id back
 */
public record Keyset<E>(Class<E> type, String idAttribute, Function<E, Object> id, Function<String, Object> parseId) {

    public static <E> Keyset<E> of(Class<E> type, String idAttribute, Function<E, Object> id,
                                   Function<String, Object> parseId) {
        return new Keyset<>(type, idAttribute, id, parseId);
    }

    /** Runs {@code select e from <type> e where <where> [after the cursor] order by <sort>, e.<id>}. */
    public Page<E> page(EntityManager em, Where where, SortKey<E> sort, String after, int limit) {
        StringBuilder hql = new StringBuilder("select e from ").append(type.getSimpleName()).append(" e where ")
                .append(where.hql());
        List<String> cursor = Cursor.decode(after, sort.name(), 2);
        Object cursorValue = null;
        Object cursorId = null;
        if (cursor != null) {
            try {
                cursorValue = sort.parse().apply(cursor.get(0));
                cursorId = parseId.apply(cursor.get(1));
            } catch (RuntimeException e) {
                throw Cursor.invalid();
            }
            String op = sort.descending() ? "<" : ">";
            if (sort.unique()) {
                hql.append(" and ").append(sort.expression()).append(' ').append(op).append(" :kv");
            } else {
                hql.append(" and (").append(sort.expression()).append(' ').append(op).append(" :kv or (")
                        .append(sort.expression()).append(" = :kv and e.").append(idAttribute).append(' ')
                        .append(op).append(" :kid))");
            }
        }
        String direction = sort.descending() ? " desc" : " asc";
        hql.append(" order by ").append(sort.expression()).append(direction);
        if (!sort.unique()) {
            hql.append(", e.").append(idAttribute).append(direction);
        }
        TypedQuery<E> query = em.createQuery(hql.toString(), type);
        where.params().forEach(query::setParameter);
        if (cursor != null) {
            query.setParameter("kv", cursorValue);
            if (!sort.unique()) {
                query.setParameter("kid", cursorId);
            }
        }
        List<E> rows = query.setMaxResults(limit + 1).getResultList();
        return pageOf(rows, limit, last -> next(sort, last));
    }

    private String next(SortKey<E> sort, E last) {
        Object value = sort.value().apply(last);
        return Cursor.encode(sort.name(), List.of(value == null ? "" : value.toString(), id.apply(last).toString()));
    }

    /**
     * The page of {@code rows} read with {@code limit + 1}: the extra row only says that a next page exists, its
     * cursor made from the last row kept.
     */
    public static <T> Page<T> pageOf(List<T> rows, int limit, Function<T, String> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> kept = new ArrayList<>(rows.subList(0, limit));
        return new Page<>(kept, cursorOf.apply(kept.get(limit - 1)));
    }
}
