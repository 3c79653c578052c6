package io.entente.governance.messaging;

import io.entente.events.DomainEvent;
import io.entente.events.EventEnvelope;
import io.entente.events.backlog.AllianceEvent.AlliancePhaseChanged;
import io.entente.events.backlog.AllianceEvent.AllianceRegistered;
import io.entente.events.backlog.AllianceEvent.AllianceUpdated;
import io.entente.events.backlog.ObligationEvent.ObligationDue;
import io.entente.events.backlog.ObligationEvent.ObligationMet;
import io.entente.events.backlog.ObligationEvent.ObligationMissed;
import io.entente.events.backlog.ObligationEvent.ObligationRegistered;
import io.entente.events.backlog.RiskEvent.RiskClosed;
import io.entente.events.backlog.RiskEvent.RiskRaised;
import io.entente.events.backlog.RiskEvent.RiskScored;
import io.entente.governance.service.PortfolioReadModel;
import io.entente.platform.messaging.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Keeps the copies of alliances, risks and obligations a packet is built from. Events of different aggregates can
 * arrive in any order, so each one upserts, and a terminal state (closed, met) is never reopened by a late event.
 */
@ApplicationScoped
public class PortfolioEventsHandler implements EventHandler {

    private final PortfolioReadModel portfolio;

    public PortfolioEventsHandler(PortfolioReadModel portfolio) {
        this.portfolio = portfolio;
    }

    @Override
    public Set<Class<? extends DomainEvent>> handles() {
        return Set.of(AllianceRegistered.class, AllianceUpdated.class, AlliancePhaseChanged.class,
                RiskRaised.class, RiskScored.class, RiskClosed.class,
                ObligationRegistered.class, ObligationDue.class, ObligationMet.class, ObligationMissed.class);
    }

    @Override
    public void handle(DomainEvent event, EventEnvelope envelope) {
        if (event instanceof AllianceRegistered e) {
            portfolio.allianceRegistered(e);
        } else if (event instanceof AllianceUpdated e) {
            portfolio.allianceUpdated(e);
        } else if (event instanceof AlliancePhaseChanged e) {
            portfolio.alliancePhaseChanged(e);
        } else if (event instanceof RiskRaised e) {
            portfolio.riskRaised(e);
        } else if (event instanceof RiskScored e) {
            portfolio.riskScored(e);
        } else if (event instanceof RiskClosed e) {
            portfolio.riskClosed(e);
        } else if (event instanceof ObligationRegistered e) {
            portfolio.obligationRegistered(e);
        } else if (event instanceof ObligationDue e) {
            portfolio.obligationDue(e);
        } else if (event instanceof ObligationMet e) {
            portfolio.obligationMet(e);
        } else if (event instanceof ObligationMissed e) {
            portfolio.obligationMissed(e);
        }
    }
}
