package io.entente.backlog.service;

import io.entente.backlog.api.BacklogItemView;
import io.entente.backlog.api.ItemQuery;
import io.entente.backlog.config.BacklogConfig;
import io.entente.backlog.domain.BacklogItem;
import io.entente.platform.audit.ChangeHistory;
import io.entente.platform.audit.ChangeView;
import io.entente.platform.paging.AllianceScope;
import io.entente.platform.paging.Keyset;
import io.entente.platform.paging.Limit;
import io.entente.platform.paging.Page;
import io.entente.platform.paging.SortKey;
import io.entente.platform.paging.Where;
import io.entente.platform.problem.Problems;
import io.entente.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Reading the backlog: one item, the filtered list page by page, and the export of the same list. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class BacklogItemQueries {

    /** Derived, not changed by anyone: a rank moves whenever a neighbour is ranked. */
    private static final Set<String> DERIVED = Set.of("rank");


    private static final LocalDate NO_DUE_DATE = LocalDate.of(9999, 12, 31);

    static final List<SortKey<BacklogItem>> SORTS = List.of(
            SortKey.unique("rank", "e.rank", v -> v, b -> b.rank),
            SortKey.of("dueDate", "coalesce(e.dueDate, :noDueDate)", LocalDate::parse,
                    b -> b.dueDate == null ? NO_DUE_DATE : b.dueDate),
            SortKey.of("createdAt", "e.createdAt", Instant::parse, b -> b.createdAt),
            SortKey.of("updatedAt", "e.updatedAt", Instant::parse, b -> b.updatedAt));

    private static final Keyset<BacklogItem> KEYSET = Keyset.of(BacklogItem.class, "id", b -> b.id,
            UUID::fromString);

    private final CurrentUser user;
    private final ItemWriter writer;
    private final EntityManager em;
    private final BacklogConfig config;
    private final ChangeHistory history;

    public BacklogItemQueries(CurrentUser user, ItemWriter writer, EntityManager em, BacklogConfig config,
                              ChangeHistory history) {
        this.user = user;
        this.writer = writer;
        this.em = em;
        this.config = config;
        this.history = history;
    }

    public BacklogItemView get(UUID id) {
        return writer.view(visible(id));
    }

    public Page<BacklogItemView> list(ItemQuery query, String sort, String after, Integer limit) {
        int size = Limit.of(limit);
        SortKey<BacklogItem> order = SortKey.choose(sort, SORTS);
        Page<BacklogItem> page = KEYSET.page(em, where(query, order), order, after, size);
        return new Page<>(views(page.items()), page.next());
    }

    /** Up to {@code max} rows in the list's order; one more than {@code max} tells the caller it was cut. */
    public List<BacklogItemView> export(ItemQuery query, String sort, int max) {
        SortKey<BacklogItem> order = SortKey.choose(sort, SORTS);
        // A page of max + 1 rows keeps that extra row among its items.
        return views(KEYSET.page(em, where(query, order), order, null, max + 1).items());
    }

    public int exportMaxRows() {
        return config.exportMaxRows();
    }

    /** The item's changes, newest first; {@code field} narrows them to one field's (e.g. owner). */
    public Page<ChangeView> history(UUID id, String field, String after, Integer limit) {
        BacklogItem item = visible(id);
        return history.of("backlog-item", item.id.toString(), field, DERIVED, after, limit);
    }

    /** The item, or 404 when it does not exist or lies outside the caller's alliances. */
    public BacklogItem visible(UUID id) {
        BacklogItem item = BacklogItem.findById(id);
        if (item == null || !user.canSee(item.allianceId)) {
            throw Problems.notFound("backlog item", id);
        }
        return item;
    }

    private List<BacklogItemView> views(List<BacklogItem> items) {
        Map<UUID, List<UUID>> dependencies = writer.dependencies(items.stream().map(b -> b.id).toList());
        return items.stream().map(b -> BacklogItemView.of(b, dependencies.getOrDefault(b.id, List.of()))).toList();
    }

    /** The filters within the caller's alliances. */
    private Where where(ItemQuery query, SortKey<BacklogItem> order) {
        Where where = AllianceScope.of(user, query.allianceIds()).restrict(Where.all(), "e.allianceId")
                .and("e.discipline in :disciplines", "disciplines", query.disciplines())
                .and("e.status in :statuses", "statuses", query.statuses())
                .and("e.type in :types", "types", query.types())
                .and("e.dueDate <= :dueBefore", "dueBefore", query.dueBefore())
                .and("lower(e.title) like :q escape '\\' or lower(e.description) like :q escape '\\'", "q",
                        query.q() == null ? null : "%" + escapeLike(query.q().toLowerCase()) + "%")
                .and("e.sourceRef = :sourceRef", "sourceRef", query.sourceRef())
                .and("e.sprintId = :sprintId", "sprintId",
                        query.sprintId() == null ? null : query.sprintId().toString());
        if (order.expression().contains(":noDueDate")) {
            where.bind("noDueDate", NO_DUE_DATE);
        }
        return where;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
