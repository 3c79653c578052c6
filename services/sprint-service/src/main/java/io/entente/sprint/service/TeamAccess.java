package io.entente.sprint.service;

import io.entente.platform.problem.ProblemException;
import io.entente.platform.security.CurrentUser;
import io.entente.sprint.domain.Team;
import io.entente.sprint.domain.TeamMember;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may change a team's sprints and board: its members (any team role) and admins. A planning role alone
 * (team-member, governance-ops, alliance-manager) is not enough; an alliance manager who acts as product owner is
 * added to the team as PRODUCT_OWNER. Teams are not alliance data, so a non-member gets 403, not 404.
 */
@ApplicationScoped
public class TeamAccess {

    private final CurrentUser user;

    public TeamAccess(CurrentUser user) {
        this.user = user;
    }

    public void requireMember(Team team) {
        if (user.isAdmin() || TeamMember.isMember(team.id, user.id())) {
            return;
        }
        throw new ProblemException(403, "not-team-member", "Forbidden",
                "only members of team '" + team.name + "' change its sprints and board; ask the team lead to add "
                        + user.id() + " to the team");
    }
}
