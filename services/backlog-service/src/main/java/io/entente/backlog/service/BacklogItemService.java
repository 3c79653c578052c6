package io.entente.backlog.service;

import io.entente.backlog.config.BacklogConfig;
import io.entente.backlog.domain.BacklogItem;
import io.entente.backlog.domain.Discipline;
import io.entente.backlog.domain.ItemStatus;
import io.entente.backlog.domain.ItemType;
import io.entente.backlog.domain.Ranks;
import io.entente.backlog.rest.BacklogItemRequest;
import io.entente.backlog.rest.BacklogItemUpdateRequest;
import io.entente.backlog.rest.BacklogItemView;
import io.entente.backlog.rest.RankRequest;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemDropped;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemRanked;
import io.entente.platform.audit.ChangeLog;
import io.entente.platform.rest.ETags;
import io.entente.platform.rest.Problems;
import io.entente.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class BacklogItemService {

    private static final LocalDate NO_DUE_DATE = LocalDate.of(9999, 12, 31);

    static final List<Keyset.Sort<BacklogItem>> SORTS = List.of(
            Keyset.Sort.unique("rank", "e.rank", v -> v, b -> b.rank),
            Keyset.Sort.of("dueDate", "coalesce(e.dueDate, :noDueDate)", LocalDate::parse,
                    b -> b.dueDate == null ? NO_DUE_DATE : b.dueDate),
            Keyset.Sort.of("createdAt", "e.createdAt", Instant::parse, b -> b.createdAt),
            Keyset.Sort.of("updatedAt", "e.updatedAt", Instant::parse, b -> b.updatedAt));

    private final ChangeLog changes;
    private final CurrentUser user;
    private final ItemWriter writer;
    private final EntityManager em;
    private final BacklogConfig config;
    private final AllianceService alliances;

    public BacklogItemService(ChangeLog changes, CurrentUser user, ItemWriter writer, EntityManager em,
                              BacklogConfig config, AllianceService alliances) {
        this.alliances = alliances;
        this.changes = changes;
        this.user = user;
        this.writer = writer;
        this.em = em;
        this.config = config;
    }

    public BacklogItemView create(BacklogItemRequest request) {
        // A user outside the alliance learns nothing, not even that it exists.
        alliances.visible(request.allianceId());
        Set<UUID> dependsOn = visibleDependencies(request.dependsOn());
        BacklogItem item = writer.create(new NewItem(request.allianceId(), request.title(), request.description(),
                request.discipline(), request.type(), request.estimate(), request.beneficiary(),
                request.stakeholderValue(), request.owner(), request.dueDate(), null));
        writer.replaceDependencies(item.id, dependsOn);
        return writer.recordCreated(item);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BacklogItemView get(UUID id) {
        return writer.view(visible(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<BacklogItemView> list(ItemQuery query, String sort, String after, Integer limit) {
        int size = Cursor.limit(limit);
        Keyset.Sort<BacklogItem> order = Keyset.choose(sort, SORTS);
        Map<String, Object> params = new HashMap<>();
        String where = where(query, params);
        if (where == null) {
            Cursor.decode(after, order.name());
            return new Page<>(List.of(), null);
        }
        if (order.expression().contains(":noDueDate")) {
            params.put("noDueDate", NO_DUE_DATE);
        }
        Page<BacklogItem> page = Keyset.page(em, BacklogItem.class, where, params, order, "id",
                b -> b.id.toString(), UUID::fromString, after, size);
        return new Page<>(views(page.items()), page.next());
    }

    /** Up to {@code max} rows in the list's order; one more than {@code max} tells the caller it was cut. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BacklogItemView> export(ItemQuery query, String sort, int max) {
        Keyset.Sort<BacklogItem> order = Keyset.choose(sort, SORTS);
        Map<String, Object> params = new HashMap<>();
        String where = where(query, params);
        if (where == null) {
            return List.of();
        }
        if (order.expression().contains(":noDueDate")) {
            params.put("noDueDate", NO_DUE_DATE);
        }
        Page<BacklogItem> page = Keyset.page(em, BacklogItem.class, where, params, order, "id",
                b -> b.id.toString(), UUID::fromString, null, max + 1);
        List<BacklogItem> rows = new ArrayList<>(page.items());
        return views(rows);
    }

    public int exportMaxRows() {
        return config.exportMaxRows();
    }

    public BacklogItemView update(UUID id, BacklogItemUpdateRequest request, String ifMatch) {
        BacklogItem item = visible(id);
        ETags.requireMatch(ifMatch, item.version);
        if (item.status == ItemStatus.DROPPED) {
            throw Problems.rule("item-dropped", "backlog item " + id + " was dropped and can no longer change");
        }
        BacklogItemView before = writer.view(item);
        if (request.status() != null && request.status() != item.status) {
            boolean planning = request.status() == ItemStatus.NEW || request.status() == ItemStatus.READY;
            boolean fromPlanning = item.status == ItemStatus.NEW || item.status == ItemStatus.READY;
            if (!planning || !fromPlanning) {
                throw Problems.rule("status-not-settable", "status can only move between NEW and READY here; "
                        + "IN_SPRINT and DONE follow the sprint board and DROPPED has its own command (item is "
                        + item.status + ")");
            }
            item.status = request.status();
        }
        if (request.dependsOn() != null) {
            Set<UUID> dependsOn = visibleDependencies(request.dependsOn());
            if (dependsOn.contains(id)) {
                throw Problems.invalid("dependsOn", "an item cannot depend on itself");
            }
            for (UUID target : dependsOn) {
                if (writer.wouldLoop(id, target)) {
                    throw Problems.rule("dependency-cycle", "backlog item " + target + " already depends on "
                            + id + "; the dependency would make a loop");
                }
            }
            writer.replaceDependencies(id, dependsOn);
        }
        item.title = request.title().strip();
        item.description = request.description();
        item.discipline = request.discipline();
        item.type = request.type();
        item.estimate = request.estimate();
        item.beneficiary = request.beneficiary();
        item.stakeholderValue = request.stakeholderValue();
        item.owner = request.owner();
        item.dueDate = request.dueDate();
        return writer.recordUpdated(item, before);
    }

    /**
     * Rewrites the moved item's rank only: the midpoint between its new neighbours, or the next append position at
     * the bottom. A move to where the item already is changes nothing: no new version, no audit row, no event.
     */
    public BacklogItemView rank(UUID id, RankRequest request, String ifMatch) {
        BacklogItem item = visible(id);
        ETags.requireMatch(ifMatch, item.version);
        UUID targetId = request.above() != null ? request.above() : request.below();
        if (targetId.equals(id)) {
            throw Problems.invalid(request.above() != null ? "above" : "below", "an item cannot move next to itself");
        }
        BacklogItem target = visible(targetId);
        writer.lockRanksForMove();
        // Both may have moved while this waited for the lock: place the item next to where the target is now, and
        // answer 412 rather than judge a move against a rank the client never saw.
        em.refresh(item);
        em.refresh(target);
        ETags.requireMatch(ifMatch, item.version);
        String lo;
        String hi;
        if (request.above() != null) {
            hi = target.rank;
            lo = neighbour("max", "<", target.rank, id);
        } else {
            lo = target.rank;
            hi = neighbour("min", ">", target.rank, id);
        }
        boolean alreadyThere = (lo == null || item.rank.compareTo(lo) > 0)
                && (hi == null || item.rank.compareTo(hi) < 0);
        if (alreadyThere) {
            return writer.view(item);
        }
        BacklogItemView before = writer.view(item);
        // The bottom comes from the append positions, so that the next create still lands below this item.
        item.rank = hi == null ? writer.bottomRank() : Ranks.between(lo, hi);
        item.updatedAt = writer.now();
        em.flush();
        BacklogItemView after = writer.view(item);
        changes.record(new BacklogItemRanked(item.id.toString(), item.allianceId, item.rank), before, after);
        return after;
    }

    public BacklogItemView drop(UUID id, String reason, String ifMatch) {
        BacklogItem item = visible(id);
        ETags.requireMatch(ifMatch, item.version);
        if (item.isClosed()) {
            throw Problems.rule("item-closed", "backlog item " + id + " is already " + item.status);
        }
        if (item.status == ItemStatus.IN_SPRINT) {
            throw Problems.rule("item-in-sprint", "backlog item " + id + " is in sprint " + item.sprintId
                    + "; remove it from the sprint first");
        }
        BacklogItemView before = writer.view(item);
        item.status = ItemStatus.DROPPED;
        item.updatedAt = writer.now();
        em.flush();
        BacklogItemView after = writer.view(item);
        changes.record(new BacklogItemDropped(item.id.toString(), item.allianceId, reason.strip()), before, after);
        return after;
    }

    private String neighbour(String aggregate, String op, String rank, UUID except) {
        return em.createQuery("select " + aggregate + "(b.rank) from BacklogItem b where b.rank " + op
                        + " :rank and b.id <> :id", String.class)
                .setParameter("rank", rank).setParameter("id", except).getSingleResult();
    }

    private BacklogItem visible(UUID id) {
        BacklogItem item = BacklogItem.findById(id);
        if (item == null || !user.canSee(item.allianceId)) {
            throw Problems.notFound("backlog item", id);
        }
        return item;
    }

    private Set<UUID> visibleDependencies(List<UUID> ids) {
        Set<UUID> result = new LinkedHashSet<>();
        if (ids == null) {
            return result;
        }
        for (UUID id : ids) {
            BacklogItem target = BacklogItem.findById(id);
            if (target == null || !user.canSee(target.allianceId)) {
                throw Problems.invalid("dependsOn", "backlog item " + id + " does not exist");
            }
            result.add(id);
        }
        return result;
    }

    private List<BacklogItemView> views(List<BacklogItem> items) {
        Map<UUID, List<UUID>> dependencies = writer.dependencies(items.stream().map(b -> b.id).toList());
        return items.stream().map(b -> BacklogItemView.of(b, dependencies.getOrDefault(b.id, List.of()))).toList();
    }

    /** The HQL condition for the filters within the caller's alliances; null when nothing can match. */
    private String where(ItemQuery query, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        List<String> alliances = ItemQuery.split(query.allianceId());
        if (!alliances.isEmpty()) {
            List<String> visible = alliances.stream().filter(user::canSee).toList();
            if (visible.isEmpty()) {
                return null;
            }
            conditions.add("e.allianceId in :alliances");
            params.put("alliances", visible);
        } else if (!user.isAdmin()) {
            if (user.alliances().isEmpty()) {
                return null;
            }
            conditions.add("e.allianceId in :alliances");
            params.put("alliances", List.copyOf(user.alliances()));
        }
        List<Discipline> disciplines = ItemQuery.enums("discipline", query.discipline(), Discipline.class);
        if (!disciplines.isEmpty()) {
            conditions.add("e.discipline in :disciplines");
            params.put("disciplines", disciplines);
        }
        List<ItemStatus> statuses = ItemQuery.enums("status", query.status(), ItemStatus.class);
        if (!statuses.isEmpty()) {
            conditions.add("e.status in :statuses");
            params.put("statuses", statuses);
        }
        List<ItemType> types = ItemQuery.enums("type", query.type(), ItemType.class);
        if (!types.isEmpty()) {
            conditions.add("e.type in :types");
            params.put("types", types);
        }
        LocalDate dueBefore = ItemQuery.date("dueBefore", query.dueBefore());
        if (dueBefore != null) {
            conditions.add("e.dueDate <= :dueBefore");
            params.put("dueBefore", dueBefore);
        }
        if (query.q() != null && !query.q().isBlank()) {
            if (query.q().length() > 200) {
                throw Problems.invalid("q", "must be at most 200 characters");
            }
            conditions.add("(lower(e.title) like :q escape '\\' or lower(e.description) like :q escape '\\')");
            params.put("q", "%" + escapeLike(query.q().strip().toLowerCase()) + "%");
        }
        if (query.sourceRef() != null && !query.sourceRef().isBlank()) {
            conditions.add("e.sourceRef = :sourceRef");
            params.put("sourceRef", query.sourceRef().strip());
        }
        if (query.sprintId() != null && !query.sprintId().isBlank()) {
            conditions.add("e.sprintId = :sprintId");
            params.put("sprintId", query.sprintId().strip());
        }
        return conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
