package io.entente.backlog.service;

import io.entente.backlog.domain.Obligation;
import io.entente.backlog.domain.ObligationFigures;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The obligation figures of governance health for the alliances the reader may see. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ObligationHealth {

    private final CurrentUser user;
    private final EntityManager em;
    private final Clock clock;

    public ObligationHealth(CurrentUser user, EntityManager em, Clock clock) {
        this.user = user;
        this.em = em;
        this.clock = clock;
    }

    public FigureList figures(String alliance, Quarter from, Quarter to) {
        Instant now = clock.instant();
        QuarterWindow window = QuarterWindow.of(from, to, now);
        List<String> alliances = FigureScope.alliances(user, alliance,
                () -> em.createQuery("select a.key from Alliance a", String.class).getResultList());
        if (alliances.isEmpty()) {
            return FigureList.of(List.of());
        }
        // Every obligation of the alliances: its met occurrences may fall in any quarter, and they are few.
        List<ObligationFigures.Facts> facts = em.createQuery("from Obligation o where o.allianceId in :alliances",
                        Obligation.class)
                .setParameter("alliances", alliances).getResultList().stream().map(ObligationFigures.Facts::of)
                .toList();
        return FigureList.of(new ObligationFigures(LocalDate.ofInstant(now, ZoneOffset.UTC))
                .compute(alliances, window.quarters(), facts));
    }
}
