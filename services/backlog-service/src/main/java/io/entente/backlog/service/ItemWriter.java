package io.entente.backlog.service;

import io.entente.backlog.api.BacklogItemView;
import io.entente.backlog.api.NewItem;
import io.entente.backlog.domain.BacklogItem;
import io.entente.backlog.domain.ItemStatus;
import io.entente.backlog.domain.Ranks;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemCreated;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemUpdated;
import io.entente.platform.audit.ChangeLog;
import io.entente.platform.text.FreeText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one way items are created and their changes recorded, whoever makes them (users, playbooks, the register,
 * other services' events), so every item gets a rank, an audit row and an event the same way.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ItemWriter {

    /**
     * The rank lock, held until commit. The backlog is one order across alliances (ranks are unique over the whole
     * table, lists of several alliances merge by rank, an item may move next to another alliance's), so there is no
     * narrower key: creates hold it shared (they take distinct positions from a sequence and never wait for each
     * other), moves hold it exclusively (they read their neighbours with no create or other move in flight).
     * Bulk loaders that write ranks themselves take it exclusively too (see V4__rank_append_positions.sql).
     */
    private static final long RANK_LOCK = 0x0BAC_0106L;

    private final EntityManager em;
    private final ChangeLog changes;
    private final Clock clock;

    public ItemWriter(EntityManager em, ChangeLog changes, Clock clock) {
        this.em = em;
        this.changes = changes;
        this.clock = clock;
    }

    public BacklogItem create(NewItem spec) {
        BacklogItem item = newItem(spec, appendRank(), now());
        item.persist();
        return item;
    }

    /** A new item at the given rank, as the spec says; one place for the rules of a new item (trimmed title, etc.). */
    private static BacklogItem newItem(NewItem spec, String rank, Instant at) {
        BacklogItem item = new BacklogItem();
        item.id = UUID.randomUUID();
        item.allianceId = spec.allianceId();
        item.title = spec.title().strip();
        item.description = FreeText.orNull(spec.description());
        item.discipline = spec.discipline();
        item.type = spec.type();
        item.estimate = spec.estimate();
        item.beneficiary = FreeText.orNull(spec.beneficiary());
        item.stakeholderValue = spec.stakeholderValue();
        item.owner = FreeText.orNull(spec.owner());
        item.dueDate = spec.dueDate();
        item.sourceRef = spec.sourceRef();
        item.status = ItemStatus.NEW;
        item.rank = rank;
        item.createdAt = at;
        item.updatedAt = at;
        return item;
    }

    /**
     * Creates many items at the bottom of the backlog, in the given order, with their audit rows and events: the
     * bulk form of {@link #createAndRecord}, with one statement for all the ranks and batched inserts.
     */
    public List<BacklogItemView> createAllAndRecord(List<NewItem> specs) {
        if (specs.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Number> positions = em.createNativeQuery("""
                        select nextval('backlog_item_rank_position')
                        from pg_advisory_xact_lock_shared(?1), generate_series(1, ?2)""")
                .setParameter(1, RANK_LOCK).setParameter(2, specs.size()).getResultList();
        List<Long> ordered = positions.stream().map(Number::longValue).sorted().toList();
        Instant now = now();
        List<ChangeLog.Change> recorded = new ArrayList<>(specs.size());
        List<BacklogItemView> views = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            NewItem spec = specs.get(i);
            BacklogItem item = newItem(spec, Ranks.atPosition(ordered.get(i)), now);
            item.persist();
            BacklogItemView view = BacklogItemView.of(item, List.of());
            views.add(view);
            recorded.add(new ChangeLog.Change(new BacklogItemCreated(item.id.toString(), item.allianceId, item.title,
                    item.description, item.discipline.name(), item.type.name(), item.estimate, item.dueDate,
                    item.status.name(), item.rank, item.sourceRef), null, view));
        }
        changes.recordAll(recorded);
        return views;
    }

    public BacklogItemView createAndRecord(NewItem spec) {
        return createAndRecord(spec, List.of());
    }

    /**
     * Creates an item with its dependencies (already checked) and records it. A new item has no dependency rows to
     * replace and none to read back, so this costs the item's insert, its dependency rows, the audit row and the
     * outbox row: no more statements than the change itself.
     */
    public BacklogItemView createAndRecord(NewItem spec, Collection<UUID> dependsOn) {
        BacklogItem item = create(spec);
        if (!dependsOn.isEmpty()) {
            // The item row must exist before a dependency row can point at it.
            em.flush();
            for (UUID target : dependsOn) {
                em.createNativeQuery("insert into backlog_item_dependency (item_id, depends_on) values (?1, ?2)")
                        .setParameter(1, item.id).setParameter(2, target).executeUpdate();
            }
        }
        // In the order the database returns them (uuid order is byte order, as the text form sorts).
        List<UUID> sorted = dependsOn.stream().distinct().sorted(Comparator.comparing(UUID::toString)).toList();
        BacklogItemView view = BacklogItemView.of(item, sorted);
        changes.record(new BacklogItemCreated(item.id.toString(), item.allianceId, item.title, item.description,
                item.discipline.name(), item.type.name(), item.estimate, item.dueDate, item.status.name(), item.rank,
                item.sourceRef, ids(sorted)), null, view);
        return view;
    }

    /** Records an update; {@code before} is the view read before the change. */
    public BacklogItemView recordUpdated(BacklogItem item, BacklogItemView before) {
        item.updatedAt = now();
        // Flush so the view carries the version the client will have to send back in If-Match.
        em.flush();
        BacklogItemView after = view(item);
        changes.record(updated(item, after.dependsOn()), before, after);
        return after;
    }

    public static BacklogItemUpdated updated(BacklogItem item, List<UUID> dependsOn) {
        return new BacklogItemUpdated(item.id.toString(), item.allianceId, item.title, item.description,
                item.discipline.name(), item.type.name(), item.estimate, item.dueDate, item.status.name(),
                item.sourceRef, ids(dependsOn));
    }

    /** Dependencies travel in the events so that planning elsewhere can tell work done out of order. */
    private static List<String> ids(List<UUID> dependsOn) {
        return dependsOn.stream().map(UUID::toString).toList();
    }

    /**
     * A rank below every item, committed or in flight. Concurrent creates get distinct ones in the order they ask,
     * so one client's items stay in the order it created them.
     */
    private String appendRank() {
        // The function in FROM runs before the select list: the lock is held before the position is taken.
        Number position = (Number) em.createNativeQuery(
                        "select nextval('backlog_item_rank_position') from pg_advisory_xact_lock_shared(?1)")
                .setParameter(1, RANK_LOCK).getSingleResult();
        return Ranks.atPosition(position.longValue());
    }

    /** For a move: waits for creates and moves in flight, and keeps new ones out until commit. */
    public void lockRanksForMove() {
        em.createNativeQuery("select count(*) from pg_advisory_xact_lock(?1)").setParameter(1, RANK_LOCK)
                .getSingleResult();
    }

    /** For a move to the bottom (call with {@link #lockRanksForMove()} held): below every item. */
    public String bottomRank() {
        Number position = (Number) em.createNativeQuery("select nextval('backlog_item_rank_position')")
                .getSingleResult();
        return Ranks.atPosition(position.longValue());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BacklogItemView view(BacklogItem item) {
        return BacklogItemView.of(item, dependencies(List.of(item.id)).getOrDefault(item.id, List.of()));
    }

    /** The dependencies of many items in one statement, so a page costs the same whatever its size. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, List<UUID>> dependencies(Collection<UUID> itemIds) {
        Map<UUID, List<UUID>> result = new HashMap<>();
        if (itemIds.isEmpty()) {
            return result;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select item_id, depends_on from backlog_item_dependency
                        where item_id in (:ids) order by item_id, depends_on""")
                .setParameter("ids", itemIds)
                .getResultList();
        for (Object[] row : rows) {
            result.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add((UUID) row[1]);
        }
        return result;
    }

    public void replaceDependencies(UUID itemId, Collection<UUID> dependsOn) {
        // The item row must exist before a dependency row can point at it.
        em.flush();
        em.createNativeQuery("delete from backlog_item_dependency where item_id = ?1").setParameter(1, itemId)
                .executeUpdate();
        for (UUID target : dependsOn) {
            em.createNativeQuery("insert into backlog_item_dependency (item_id, depends_on) values (?1, ?2)")
                    .setParameter(1, itemId).setParameter(2, target).executeUpdate();
        }
    }

    /** True when {@code candidate} already depends, directly or not, on {@code itemId}: the new edge would loop. */
    public boolean wouldLoop(UUID itemId, UUID candidate) {
        Number hits = (Number) em.createNativeQuery("""
                        with recursive reach(id) as (
                            select depends_on from backlog_item_dependency where item_id = ?1
                            union
                            select d.depends_on from backlog_item_dependency d join reach r on d.item_id = r.id)
                        select count(*) from reach where id = ?2""")
                .setParameter(1, candidate).setParameter(2, itemId).getSingleResult();
        return hits.longValue() > 0;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
