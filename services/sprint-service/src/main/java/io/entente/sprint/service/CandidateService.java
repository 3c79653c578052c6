package io.entente.sprint.service;

import io.entente.platform.paging.AllianceScope;
import io.entente.platform.paging.Cursor;
import io.entente.platform.paging.Keyset;
import io.entente.platform.paging.Page;
import io.entente.platform.paging.Where;
import io.entente.platform.problem.Problems;
import io.entente.platform.security.CurrentUser;
import io.entente.sprint.domain.BacklogItemCopy;
import io.entente.sprint.domain.SprintItemStatus;
import io.entente.sprint.domain.Team;
import io.entente.sprint.api.SprintCandidateView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The planning view: backlog items a team can still pull, i.e. not dropped, not done and not on an open board (nor
 * finished on a closed one), of alliances the reader may see.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CandidateService {

    /** Sort orders of the planning view; the item id breaks ties. */
    public enum Sort { RANK, DUE_DATE }

    private static final LocalDate NO_DUE_DATE = LocalDate.of(9999, 12, 31);

    private final EntityManager em;
    private final CurrentUser user;

    public CandidateService(EntityManager em, CurrentUser user) {
        this.em = em;
        this.user = user;
    }

    public SprintCandidateView get(UUID itemId) {
        BacklogItemCopy copy = BacklogItemCopy.findById(itemId);
        if (copy == null || copy.dropped || !user.canSee(copy.allianceId)) {
            throw Problems.notFound("backlog item", itemId);
        }
        return SprintCandidateView.of(copy);
    }

    /**
     * @param teamId restricts to the disciplines the team serves and the alliances it covers
     */
    public Page<SprintCandidateView> list(String discipline, String allianceId, UUID teamId, Sort sort, int limit,
                                          String after) {
        AllianceScope scope = AllianceScope.of(user, allianceId);
        if (scope.isEmpty()) {
            return Page.empty();
        }
        Where where = Where.all()
                .and("e.dropped = false and e.status not in ('DONE', 'DROPPED')")
                .and("not exists (select 1 from SprintItem si where si.itemId = e.itemId"
                        + " and (si.open = true or si.status = :completed))", "completed", SprintItemStatus.COMPLETED)
                .and("e.discipline = :discipline", "discipline", discipline);
        scope.restrict(where, "e.allianceId");
        if (teamId != null) {
            Team team = TeamService.require(teamId);
            if (team.disciplines.isEmpty() || team.alliances.isEmpty()) {
                return Page.empty();
            }
            where.and("e.discipline in :teamDisciplines", "teamDisciplines", team.disciplines)
                    .and("e.allianceId in :teamAlliances", "teamAlliances", team.alliances);
        }
        String order = sort == Sort.DUE_DATE ? afterDueDate(where, after) : afterRank(where, after);
        TypedQuery<BacklogItemCopy> query = em.createQuery("select e from BacklogItemCopy e where " + where.hql()
                + " order by " + order, BacklogItemCopy.class);
        where.params().forEach(query::setParameter);
        List<BacklogItemCopy> rows = query.setMaxResults(limit + 1).getResultList();
        return Keyset.pageOf(rows, limit, last -> cursor(sort, last)).map(SprintCandidateView::of);
    }

    /** Items without a due date come last; the item id breaks ties. */
    private static String afterDueDate(Where where, String after) {
        where.bind("noDue", NO_DUE_DATE);
        List<String> cursor = Cursor.decode(after, Sort.DUE_DATE.name(), 2);
        if (cursor != null) {
            where.and("coalesce(e.dueDate, :noDue) > :afterDue"
                    + " or (coalesce(e.dueDate, :noDue) = :afterDue and e.itemId > :afterId)");
            try {
                where.bind("afterDue", LocalDate.parse(cursor.get(0))).bind("afterId", UUID.fromString(cursor.get(1)));
            } catch (RuntimeException e) {
                throw Cursor.invalid();
            }
        }
        return "coalesce(e.dueDate, :noDue), e.itemId";
    }

    /** Unranked items come last; written so that the (rank is null, rank, id) index serves it. */
    private static String afterRank(Where where, String after) {
        List<String> cursor = Cursor.decode(after, Sort.RANK.name(), 3);
        if (cursor != null) {
            where.and("(case when e.rank is null then 1 else 0 end) > :afterNull"
                    + " or ((case when e.rank is null then 1 else 0 end) = :afterNull"
                    + " and (coalesce(e.rank, '') > :afterRank"
                    + " or (coalesce(e.rank, '') = :afterRank and e.itemId > :afterId)))");
            try {
                where.bind("afterNull", "1".equals(cursor.get(0)) ? 1 : 0).bind("afterRank", cursor.get(1))
                        .bind("afterId", UUID.fromString(cursor.get(2)));
            } catch (RuntimeException e) {
                throw Cursor.invalid();
            }
        }
        return "(case when e.rank is null then 1 else 0 end), coalesce(e.rank, ''), e.itemId";
    }

    private static String cursor(Sort sort, BacklogItemCopy last) {
        return sort == Sort.DUE_DATE
                ? Cursor.encode(sort.name(), List.of((last.dueDate == null ? NO_DUE_DATE : last.dueDate).toString(),
                last.itemId.toString()))
                : Cursor.encode(sort.name(), List.of(last.rank == null ? "1" : "0", last.rank == null ? "" : last.rank,
                last.itemId.toString()));
    }
}
