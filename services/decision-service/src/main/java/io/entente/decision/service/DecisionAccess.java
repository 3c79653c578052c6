package io.entente.decision.service;

import io.entente.decision.api.DecisionView;
import io.entente.decision.domain.Decision;
import io.entente.decision.domain.GovernanceBody;
import io.entente.decision.domain.PrepItem;
import io.entente.platform.paging.Where;
import io.entente.platform.problem.Problems;
import io.entente.platform.security.CurrentUser;
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
        if (decision == null || !user.canSee(decision.allianceId) || !partnerMaySee(decision)) {
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

    /** Negotiation positions and risk ratings are for our side, our stakeholders included; never the partner's. */
    public boolean showInternal() {
        return !user.isPartner();
    }

    /** The partner company sees the decisions of the joint committees only. */
    public boolean partnerMaySee(Decision decision) {
        return !user.isPartner() || decision.governanceBody.joint() && decision.currentBody.joint();
    }

    /**
     * Narrows a query for a partner to the joint committees' decisions; refuses a filter by risk state, which would
     * tell a partner an internal rating by what it returns.
     */
    public Where restrict(Where where, Object riskFilter) {
        if (!user.isPartner()) {
            return where;
        }
        if (riskFilter != null) {
            throw Problems.invalid("risk", "risk states are internal; partners cannot filter by them");
        }
        return where.and("e.governanceBody in :joint", "joint", GovernanceBody.JOINT)
                .and("e.currentBody in :jointNow", "jointNow", GovernanceBody.JOINT);
    }
}
