package io.entente.decision.service;

import io.entente.decision.api.DecisionView;
import io.entente.decision.domain.Decision;
import io.entente.decision.domain.PrepItem;
import io.entente.platform.problem.Problems;
import io.entente.platform.security.CurrentUser;
import io.entente.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.UUID;

/** What every decision use case does the same way: find a decision the caller may see, and show it to them. */
@ApplicationScoped
public class DecisionAccess {

    private final CurrentUser user;
    private final EntityManager em;

    public DecisionAccess(CurrentUser user, EntityManager em) {
        this.user = user;
        this.em = em;
    }

    /** The decision if the caller may see it; otherwise a 404 that says no more than for a missing one. */
    public Decision visible(UUID id) {
        Decision decision = Decision.findById(id);
        if (decision == null || !user.canSee(decision.allianceId)) {
            throw Problems.notFound("decision", id);
        }
        return decision;
    }

    /** Flushes first, so that the version in the view and its ETag is the one the commit writes. */
    public void flush() {
        em.flush();
    }

    public DecisionView view(Decision decision) {
        return view(decision, PrepItem.ofDecision(decision.id));
    }

    public DecisionView view(Decision decision, List<PrepItem> prep) {
        return DecisionView.of(decision, prep, showInternal());
    }

    /** Negotiation positions are for the alliance team; a stakeholder (partner, executive reader) never sees them. */
    public boolean showInternal() {
        return user.isAdmin() || user.hasRole(Roles.ALLIANCE_MANAGER) || user.hasRole(Roles.GOVERNANCE_OPS)
                || user.hasRole(Roles.TEAM_MEMBER);
    }
}
