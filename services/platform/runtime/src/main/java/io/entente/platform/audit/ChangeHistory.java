package io.entente.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entente.platform.audit.ChangeView.FieldChange;
import io.entente.platform.paging.Cursor;
import io.entente.platform.paging.Keyset;
import io.entente.platform.paging.Limit;
import io.entente.platform.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Who changed what, when: an aggregate's audit rows (written by {@link ChangeLog}), newest first, each as the fields it
 * changed. The caller checks that the user may see the aggregate and names the fields the user may not see (or that are
 * derived, not changed by anyone); this class only reads. A change made only to hidden fields is left out altogether,
 * so that even its existence does not reach a reader who may not know of it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ChangeHistory {

    /** The only order a history has; it names the cursors. */
    static final String ORDER = "-id";

    /** Bookkeeping that changes with every write, not something a user changed. */
    private static final Set<String> BOOKKEEPING = Set.of("version", "createdAt", "updatedAt");

    /** The fields that name an element of a list (options by title, members by name), first found wins. */
    private static final List<String> NAMING_FIELDS = List.of("title", "name", "username", "key", "label");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityManager em;

    public ChangeHistory(EntityManager em) {
        this.em = em;
    }

    /**
     * @param aggregateType the aggregate's name in the event catalog (e.g. {@code decision})
     * @param field         only the changes of this field (e.g. {@code phase}), creation included; null for all
     * @param hidden        fields left out of every change: derived ones, and those the reader may not see
     */
    public Page<ChangeView> of(String aggregateType, String aggregateId, String field, Set<String> hidden,
                               String after, Integer limit) {
        if (field != null && hidden.contains(field)) {
            return new Page<>(List.of(), null);
        }
        int size = Limit.of(limit);
        List<String> cursor = Cursor.decode(after, ORDER, 1);
        Long before = null;
        if (cursor != null) {
            try {
                before = Long.valueOf(cursor.get(0));
            } catch (NumberFormatException e) {
                throw Cursor.invalid();
            }
        }
        // The reason a user gives travels in the event only: the outbox keeps the published events.
        StringBuilder sql = new StringBuilder("""
                select a.id, a.occurred_at, a.actor, a.action, cast(a.before_state as text),
                       cast(a.after_state as text), cast(o.payload as jsonb) ->> 'reason'
                from audit_log a left join outbox_event o on o.event_id = a.event_id
                where a.aggregate_type = :type and a.aggregate_id = :id""");
        if (field != null) {
            // ->> reads a JSON null as no value, like a field the state does not have.
            sql.append(" and (a.before_state ->> cast(:field as text)) is distinct from "
                    + "(a.after_state ->> cast(:field as text))");
        }
        if (before != null) {
            sql.append(" and a.id < :before");
        }
        sql.append(" order by a.id desc");
        Query query = em.createNativeQuery(sql.toString()).setParameter("type", aggregateType)
                .setParameter("id", aggregateId).setMaxResults(size + 1);
        if (field != null) {
            query.setParameter("field", field);
        }
        if (before != null) {
            query.setParameter("before", before);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<ChangeView> views = rows.stream().map(row -> view(row, hidden)).toList();
        Page<ChangeView> page = Keyset.pageOf(views, size,
                last -> Cursor.encode(ORDER, List.of(Long.toString(last.id()))));
        // Filtered after paging so that the cursor still follows the audit rows; a page may come out shorter.
        return new Page<>(page.items().stream().filter(c -> c.changes() != null).toList(), page.next());
    }

    /** The change, with null changes when every field it changed is hidden. */
    private static ChangeView view(Object[] row, Set<String> hidden) {
        String action = (String) row[3];
        JsonNode before = tree((String) row[4]);
        JsonNode after = tree((String) row[5]);
        List<FieldChange> all = changes(before, after, Set.of());
        List<FieldChange> shown = changes(before, after, hidden);
        return new ChangeView(((Number) row[0]).longValue(), instant(row[1]), (String) row[2],
                action.substring(action.lastIndexOf('.') + 1), (String) row[6],
                shown.isEmpty() && !all.isEmpty() ? null : shown);
    }

    static List<FieldChange> changes(JsonNode before, JsonNode after, Set<String> hidden) {
        Set<String> fields = new LinkedHashSet<>();
        names(after).forEachRemaining(fields::add);
        names(before).forEachRemaining(fields::add);
        List<FieldChange> result = new ArrayList<>();
        for (String field : fields) {
            if (BOOKKEEPING.contains(field) || hidden.contains(field)) {
                continue;
            }
            String was = text(before == null ? null : before.get(field));
            String now = text(after == null ? null : after.get(field));
            if (was == null ? now != null : !was.equals(now)) {
                result.add(new FieldChange(field, was, now));
            }
        }
        return result;
    }

    private static Iterator<String> names(JsonNode node) {
        return node == null ? List.<String>of().iterator() : node.fieldNames();
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isArray()) {
            return value.isEmpty() ? null : StreamSupport.stream(value.spliterator(), false)
                    .map(ChangeHistory::element).collect(Collectors.joining(", "));
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** A list element as a reader knows it: an option or a member by its name, not as JSON. */
    private static String element(JsonNode value) {
        if (value.isValueNode()) {
            return value.asText();
        }
        for (String name : NAMING_FIELDS) {
            JsonNode named = value.get(name);
            if (named != null && named.isValueNode() && !named.asText().isBlank()) {
                return named.asText();
            }
        }
        return value.toString();
    }

    private static JsonNode tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // Audit rows are written by this service from its own views: unreadable means absent, not a failure.
            return null;
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value);
    }
}
