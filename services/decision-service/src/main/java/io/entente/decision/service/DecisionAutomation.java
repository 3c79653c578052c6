package io.entente.decision.service;

import io.entente.decision.domain.Alliance;
import io.entente.decision.domain.Decision;
import io.entente.decision.domain.DecisionStatus;
import io.entente.decision.domain.EscalationLadder;
import io.entente.decision.domain.LadderStep;
import io.entente.decision.api.DecisionView;
import io.entente.events.decision.DecisionEvent.DecisionEscalated;
import io.entente.platform.audit.ChangeLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What happens to decisions as time passes: one decision per transaction, so one failure stops nothing else. */
@ApplicationScoped
@Transactional
public class DecisionAutomation {

    private final ChangeLog changes;
    private final DecisionRisk risk;
    private final EntityManager em;
    private final Clock clock;

    public DecisionAutomation(ChangeLog changes, DecisionRisk risk, EntityManager em, Clock clock) {
        this.changes = changes;
        this.risk = risk;
        this.em = em;
        this.clock = clock;
    }

    public List<UUID> activeIds() {
        return em.createQuery("select d.id from Decision d where d.status in :active order by d.id", UUID.class)
                .setParameter("active", DecisionStatus.active()).getResultList();
    }

    /** @return true when the risk state changed */
    public boolean reassess(UUID id) {
        Decision decision = Decision.findById(id);
        return decision != null && risk.reassess(decision);
    }

    /**
     * Moves a decision still open past its deadline (its due date, or the time limit of the body it was escalated
     * to) one step up its alliance's ladder.
     *
     * @return true when it escalated
     */
    public boolean escalateIfOverdue(UUID id) {
        Decision decision = Decision.findById(id);
        LocalDate today = LocalDate.now(clock);
        if (decision == null || !decision.isPastEscalationDeadline(today)) {
            return false;
        }
        LocalDate deadline = decision.escalationDeadline();
        Alliance alliance = Alliance.findById(decision.allianceId);
        List<LadderStep> ladder = alliance == null ? EscalationLadder.DEFAULT : alliance.ladder;
        Optional<LadderStep> next = EscalationLadder.nextAbove(ladder, decision.currentBody);
        if (next.isEmpty()) {
            // The top of the ladder has decided nothing: it stays overdue there, visibly, for the sponsors.
            return false;
        }
        DecisionView before = DecisionView.snapshot(decision);
        String from = decision.currentBody.name();
        long late = ChronoUnit.DAYS.between(deadline, today);
        String reason = (decision.respondBy == null
                ? "still " + decision.status + " " + late + (late == 1 ? " day" : " days") + " after its due date "
                + decision.dueDate
                : "not resolved by " + from + " within its limit (" + decision.respondBy + ")")
                + "; moved to " + next.get().body() + " with " + next.get().days() + " days to resolve it";
        decision.escalateTo(next.get(), today, Instant.now(clock));
        em.flush();
        changes.record(new DecisionEscalated(decision.id.toString(), decision.allianceId, from,
                decision.currentBody.name(), decision.escalationLevel, reason, decision.respondBy), before,
                DecisionView.snapshot(decision));
        risk.reassess(decision);
        return true;
    }
}
