package io.entente.sprint.service;

import io.entente.platform.rest.Problems;
import io.entente.platform.security.CurrentUser;
import io.entente.sprint.domain.BacklogItemCopy;
import io.entente.sprint.domain.SprintItemStatus;
import io.entente.sprint.domain.Team;
import io.entente.sprint.rest.Cursor;
import io.entente.sprint.rest.Page;
import io.entente.sprint.rest.SprintCandidateView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        StringBuilder jpql = new StringBuilder("""
                select c from BacklogItemCopy c
                where c.dropped = false and c.status not in ('DONE', 'DROPPED')
                  and not exists (select 1 from SprintItem si where si.itemId = c.itemId
                                  and (si.open = true or si.status = :completed))""");
        Map<String, Object> params = new HashMap<>();
        params.put("completed", SprintItemStatus.COMPLETED);
        if (!user.isAdmin()) {
            if (user.alliances().isEmpty()) {
                return new Page<>(List.of(), null);
            }
            jpql.append(" and c.allianceId in :visible");
            params.put("visible", user.alliances());
        }
        if (discipline != null) {
            jpql.append(" and c.discipline = :discipline");
            params.put("discipline", discipline);
        }
        if (allianceId != null) {
            jpql.append(" and c.allianceId = :alliance");
            params.put("alliance", allianceId);
        }
        if (teamId != null) {
            Team team = TeamService.require(teamId);
            if (team.disciplines.isEmpty() || team.alliances.isEmpty()) {
                return new Page<>(List.of(), null);
            }
            jpql.append(" and c.discipline in :teamDisciplines and c.allianceId in :teamAlliances");
            params.put("teamDisciplines", team.disciplines);
            params.put("teamAlliances", team.alliances);
        }
        if (sort == Sort.DUE_DATE) {
            if (after != null) {
                List<String> cursor = Cursor.decode(after, 2);
                jpql.append(" and (coalesce(c.dueDate, :noDue) > :afterDue"
                        + " or (coalesce(c.dueDate, :noDue) = :afterDue and c.itemId > :afterId))");
                params.put("afterDue", parseDate(cursor.get(0)));
                params.put("afterId", TeamService.parseUuid(cursor.get(1)));
            }
            params.put("noDue", NO_DUE_DATE);
            jpql.append(" order by coalesce(c.dueDate, :noDue), c.itemId");
        } else {
            if (after != null) {
                List<String> cursor = Cursor.decode(after, 3);
                jpql.append(" and ((case when c.rank is null then 1 else 0 end) > :afterNull"
                        + " or ((case when c.rank is null then 1 else 0 end) = :afterNull"
                        + " and (coalesce(c.rank, '') > :afterRank"
                        + " or (coalesce(c.rank, '') = :afterRank and c.itemId > :afterId))))");
                params.put("afterNull", "1".equals(cursor.get(0)) ? 1 : 0);
                params.put("afterRank", cursor.get(1));
                params.put("afterId", TeamService.parseUuid(cursor.get(2)));
            }
            jpql.append(" order by (case when c.rank is null then 1 else 0 end), coalesce(c.rank, ''), c.itemId");
        }
        TypedQuery<BacklogItemCopy> query = em.createQuery(jpql.toString(), BacklogItemCopy.class);
        params.forEach(query::setParameter);
        List<BacklogItemCopy> found = query.setMaxResults(limit + 1).getResultList();
        boolean more = found.size() > limit;
        List<BacklogItemCopy> page = more ? found.subList(0, limit) : found;
        String next = null;
        if (more) {
            BacklogItemCopy last = page.get(page.size() - 1);
            next = sort == Sort.DUE_DATE
                    ? Cursor.encode(last.dueDate == null ? NO_DUE_DATE : last.dueDate, last.itemId)
                    : Cursor.encode(last.rank == null ? 1 : 0, last.rank == null ? "" : last.rank, last.itemId);
        }
        return new Page<>(page.stream().map(SprintCandidateView::of).toList(), next);
    }

    private static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value);
        } catch (RuntimeException e) {
            throw Problems.invalid("after", "not a cursor from this list; use the 'next' value of the previous page");
        }
    }
}
