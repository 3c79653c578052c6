package io.entente.sprint.service;

import io.entente.platform.audit.ChangeHistory;
import io.entente.platform.audit.ChangeView;
import io.entente.platform.paging.Page;
import io.entente.platform.problem.Problems;
import io.entente.platform.security.CurrentUser;
import io.entente.sprint.domain.Sprint;
import io.entente.sprint.domain.Team;
import io.entente.sprint.domain.TeamMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Who changed a team or a sprint, what and when. A reader knows of a team when they are an admin, a member of it, or
 * may see one of the alliances it covers; anyone else gets 404. Within a sprint's history the cards of alliances the
 * reader may not see are left out altogether, not merely blanked.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class HistoryQueries {

    /** Ids and totals recomputed from the cards: nobody changes them directly, and the totals name alliances. */
    private static final Set<String> SPRINT_DERIVED = Set.of("id", "teamId", "sprintId", "itemId", "planning",
            "capacity");
    private static final Set<String> TEAM_DERIVED = Set.of("id", "restrictedAlliances");

    private final ChangeHistory history;
    private final CurrentUser user;
    private final EntityManager em;

    public HistoryQueries(ChangeHistory history, CurrentUser user, EntityManager em) {
        this.history = history;
        this.user = user;
        this.em = em;
    }

    public Page<ChangeView> team(UUID id, String after, Integer limit) {
        Team team = known(Team.findById(id), id, "team");
        Set<String> hidden = new HashSet<>(TEAM_DERIVED);
        if (!team.alliances.stream().allMatch(user::canSee)) {
            // The covered list of a past state may name an alliance the reader may not see.
            hidden.add("alliances");
        }
        return history.of("team", team.id.toString(), null, hidden, after, limit);
    }

    public Page<ChangeView> sprint(UUID id, String after, Integer limit) {
        Sprint sprint = Sprint.findById(id);
        if (sprint == null) {
            throw Problems.notFound("sprint", id);
        }
        Team team = Team.findById(sprint.teamId);
        if (team == null || !mayKnow(team)) {
            throw Problems.notFound("sprint", id);
        }
        Page<ChangeView> page = history.of("sprint", sprint.id.toString(), null, SPRINT_DERIVED, after, limit);
        if (user.isAdmin() || page.items().isEmpty()) {
            return page;
        }
        Set<Long> foreign = foreignCardChanges(page.items().stream().map(ChangeView::id).toList());
        return foreign.isEmpty() ? page
                : new Page<>(page.items().stream().filter(c -> !foreign.contains(c.id())).toList(), page.next());
    }

    /** The audit rows among {@code ids} that are about a card of an alliance the reader may not see. */
    private Set<Long> foreignCardChanges(List<Long> ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select a.id, coalesce(a.after_state ->> 'allianceId', a.before_state ->> 'allianceId')
                        from audit_log a where a.id in (:ids)""")
                .setParameter("ids", ids).getResultList();
        Set<Long> foreign = new HashSet<>();
        for (Object[] row : rows) {
            String alliance = (String) row[1];
            if (alliance != null && !user.canSee(alliance)) {
                foreign.add(((Number) row[0]).longValue());
            }
        }
        return foreign;
    }

    private Team known(Team team, UUID id, String what) {
        if (team == null || !mayKnow(team)) {
            throw Problems.notFound(what, id);
        }
        return team;
    }

    private boolean mayKnow(Team team) {
        return user.isAdmin() || TeamMember.isMember(team.id, user.id()) || team.alliances.stream().anyMatch(user::canSee);
    }
}
