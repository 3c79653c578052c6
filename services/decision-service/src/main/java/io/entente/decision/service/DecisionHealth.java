package io.entente.decision.service;

import io.entente.decision.domain.Alliance;
import io.entente.decision.domain.Decision;
import io.entente.decision.domain.DecisionFacts;
import io.entente.decision.domain.DecisionFigures;
import io.entente.decision.domain.DecisionStatus;
import io.entente.decision.domain.GovernanceBody;
import io.entente.platform.figures.FigureList;
import io.entente.platform.figures.FigureScope;
import io.entente.platform.figures.Quarter;
import io.entente.platform.figures.QuarterWindow;
import io.entente.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The decision figures of governance health for the alliances the reader may see. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DecisionHealth {

    private final CurrentUser user;
    private final EntityManager em;
    private final Clock clock;

    public DecisionHealth(CurrentUser user, EntityManager em, Clock clock) {
        this.user = user;
        this.em = em;
        this.clock = clock;
    }

    /** @param committee the body holding the decision right, or null for every body */
    public FigureList figures(String alliance, GovernanceBody committee, Quarter from, Quarter to) {
        Instant now = clock.instant();
        QuarterWindow window = QuarterWindow.of(from, to, now);
        List<String> alliances = FigureScope.alliances(user, alliance,
                () -> em.createQuery("select a.allianceId from Alliance a", String.class).getResultList());
        if (alliances.isEmpty()) {
            return FigureList.of(List.of());
        }
        List<DecisionFacts> facts = facts(alliances, committee, window).stream().map(DecisionFacts::of).toList();
        return FigureList.of(new DecisionFigures(now, committee == null ? null : committee.name())
                .compute(alliances, window.quarters(), facts));
    }

    /**
     * The decisions that can touch a figure of the window: opened before it ended and not settled before it
     * began (escalations and deferrals happen while a decision is unsettled).
     */
    private List<Decision> facts(List<String> alliances, GovernanceBody committee, QuarterWindow window) {
        var query = em.createQuery("""
                        from Decision d
                        where d.allianceId in :alliances and d.status <> :draft
                          and d.createdAt < :end
                          and (d.decidedAt is null or d.decidedAt >= :start
                               or d.dueDate >= :startDay)
                        """ + (committee == null ? "" : " and d.governanceBody = :committee"), Decision.class)
                .setParameter("alliances", alliances)
                .setParameter("draft", DecisionStatus.DRAFT)
                .setParameter("end", window.end())
                .setParameter("start", window.start())
                .setParameter("startDay", window.from().firstDay());
        if (committee != null) {
            query.setParameter("committee", committee);
        }
        return query.getResultList();
    }
}
