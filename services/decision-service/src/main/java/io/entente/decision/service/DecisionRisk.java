package io.entente.decision.service;

import io.entente.decision.config.DecisionConfig;
import io.entente.decision.domain.Decision;
import io.entente.decision.domain.PrepItem;
import io.entente.decision.domain.RiskAssessment;
import io.entente.decision.api.DecisionView;
import io.entente.events.decision.DecisionEvent.DecisionRiskChanged;
import io.entente.platform.audit.ChangeLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Keeps a decision's risk state current and publishes every change of state. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DecisionRisk {

    private final ChangeLog changes;
    private final EntityManager em;
    private final Clock clock;
    private final DecisionConfig config;

    public DecisionRisk(ChangeLog changes, EntityManager em, Clock clock, DecisionConfig config) {
        this.changes = changes;
        this.em = em;
        this.clock = clock;
        this.config = config;
    }

    public RiskAssessment assess(Decision decision) {
        List<RiskAssessment.Prep> prep = PrepItem.ofDecision(decision.id).stream()
                .filter(PrepItem::counts)
                .map(p -> new RiskAssessment.Prep(p.isDone(), p.isInSprint()))
                .toList();
        return RiskAssessment.assess(LocalDate.now(clock), decision.dueDate, decision.leadTimeDays, prep,
                config.risk().approachDays());
    }

    /**
     * Re-evaluates an active decision. A new state is a change: versioned, audited and published. A new reason
     * alone (the days counting down) is refreshed in place without a new version, so that the passing of time does
     * not invalidate the ETag a user is editing with.
     *
     * @return true when the state changed
     */
    public boolean reassess(Decision decision) {
        if (!decision.status.isActive()) {
            return false;
        }
        RiskAssessment now = assess(decision);
        if (now.state() == decision.riskState) {
            if (!now.reason().equals(decision.riskReason)) {
                em.flush();
                em.createQuery("update Decision d set d.riskReason = :reason where d.id = :id")
                        .setParameter("reason", now.reason()).setParameter("id", decision.id).executeUpdate();
                em.refresh(decision);
            }
            return false;
        }
        DecisionView before = DecisionView.snapshot(decision);
        String from = decision.riskState == null ? null : decision.riskState.name();
        decision.rate(now, Instant.now(clock));
        em.flush();
        changes.record(new DecisionRiskChanged(decision.id.toString(), decision.allianceId, from,
                now.state().name(), now.reason()), before, DecisionView.snapshot(decision));
        return true;
    }
}
