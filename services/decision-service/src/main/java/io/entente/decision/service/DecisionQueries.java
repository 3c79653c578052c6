package io.entente.decision.service;

import io.entente.decision.api.DecisionQuery;
import io.entente.decision.api.DecisionView;
import io.entente.decision.domain.DaciRef;
import io.entente.decision.domain.Decision;
import io.entente.decision.domain.PrepItem;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reading decisions: one by id, and the list of those in the caller's alliances. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DecisionQueries {

    private static final Keyset<Decision> KEYSET = Keyset.of(Decision.class, "id", d -> d.id, UUID::fromString);
    /** The first is the default; the id breaks ties. */
    private static final List<SortKey<Decision>> SORTS = List.of(
            SortKey.of("dueDate", "e.dueDate", LocalDate::parse, d -> d.dueDate),
            SortKey.of("createdAt", "e.createdAt", Instant::parse, d -> d.createdAt));

    /** Computed from other fields or from the backlog's events, never changed by anyone. */
    private static final Set<String> DERIVED = Set.of("prep", "prepDeadline");
    /** Negotiation positions: left out of the history of a reader who may not see them. */
    private static final Set<String> INTERNAL = Set.of("internalNotes");

    private final CurrentUser user;
    private final DecisionAccess decisions;
    private final EntityManager em;
    private final ChangeHistory history;

    public DecisionQueries(CurrentUser user, DecisionAccess decisions, EntityManager em, ChangeHistory history) {
        this.user = user;
        this.decisions = decisions;
        this.em = em;
        this.history = history;
    }

    /** The decision's changes, newest first; {@code field} narrows them to one field's (e.g. dueDate). */
    public Page<ChangeView> history(UUID id, String field, String after, Integer limit) {
        Decision decision = decisions.visible(id);
        Set<String> hidden = new HashSet<>(DERIVED);
        if (!decisions.showInternal()) {
            hidden.addAll(INTERNAL);
        }
        return history.of("decision", decision.id.toString(), field, hidden, after, limit);
    }

    public DecisionView get(UUID id) {
        return decisions.view(decisions.visible(id));
    }

    public Page<DecisionView> list(DecisionQuery query) {
        int limit = Limit.of(query.limit());
        SortKey<Decision> sort = SortKey.choose(query.sort(), SORTS);
        AllianceScope scope = AllianceScope.of(user, query.allianceId());
        if (scope.isEmpty()) {
            return Page.empty();
        }
        Where where = scope.restrict(Where.all(), "e.allianceId")
                .and("e.status = :status", "status", query.status())
                // The body holding it now: an escalated decision is listed under the body it moved up to.
                .and("e.currentBody = :body", "body", query.body())
                .and("e.riskState = :risk", "risk", query.risk())
                .and("e.dueDate >= :dueFrom", "dueFrom", query.dueFrom())
                .and("e.dueDate <= :dueTo", "dueTo", query.dueTo());
        where = decisions.restrict(where, query.risk());
        if (query.involving() != null) {
            if (!"me".equals(query.involving())) {
                throw Problems.invalid("involving", "only 'me' is supported");
            }
            // DACI lists are jsonb arrays of references; their text holds "user:<name>" exactly when the user is named.
            String ref = DaciRef.user(user.id()).toString();
            where = where.and("(e.driver = :me or e.driver = :meRef or e.approver = :meRef "
                    + "or cast(e.contributors as String) like :meQuoted or cast(e.informed as String) like :meQuoted)")
                    .bind("me", user.id()).bind("meRef", ref).bind("meQuoted", "%\"" + ref + "\"%");
        }
        Page<Decision> page = KEYSET.page(em, where, sort, query.after(), limit);
        Map<UUID, List<PrepItem>> prep = prepOf(page.items());
        return page.map(d -> decisions.view(d, prep.getOrDefault(d.id, List.of())));
    }

    /** The prep items of a whole page in one query. */
    private static Map<UUID, List<PrepItem>> prepOf(List<Decision> page) {
        if (page.isEmpty()) {
            return Map.of();
        }
        List<PrepItem> items = PrepItem.list("decisionId in ?1 order by title, itemId",
                page.stream().map(d -> d.id).toList());
        return items.stream().collect(Collectors.groupingBy(p -> p.decisionId));
    }
}
