package io.entente.sprint.service;

import io.entente.platform.figures.FigureList;
import io.entente.platform.figures.FigureScope;
import io.entente.platform.figures.Quarter;
import io.entente.platform.figures.QuarterWindow;
import io.entente.platform.security.CurrentUser;
import io.entente.sprint.domain.Disposition;
import io.entente.sprint.domain.SprintFigures;
import io.entente.sprint.domain.SprintFigures.ItemFacts;
import io.entente.sprint.domain.SprintItemStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The sprint figures of governance health per team. A team works across alliances, so its figures count the items
 * of the alliances the reader may see (or of the one asked for).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SprintHealth {

    private final CurrentUser user;
    private final EntityManager em;
    private final Clock clock;

    public SprintHealth(CurrentUser user, EntityManager em, Clock clock) {
        this.user = user;
        this.em = em;
        this.clock = clock;
    }

    public FigureList figures(String alliance, Quarter from, Quarter to) {
        QuarterWindow window = QuarterWindow.of(from, to, clock.instant());
        boolean every = alliance == null && user.isAdmin();
        List<String> alliances = every ? List.of() : FigureScope.alliances(user, alliance, this::knownAlliances);
        List<UUID> teams = em.createQuery("select t.id from Team t order by t.name, t.id", UUID.class)
                .getResultList();
        List<ItemFacts> facts = every || !alliances.isEmpty() ? items(every, alliances, window) : List.of();
        return FigureList.of(new SprintFigures(alliance == null ? null : alliances.get(0))
                .compute(teams, window.quarters(), facts));
    }

    private List<String> knownAlliances() {
        @SuppressWarnings("unchecked")
        List<String> keys = em.createNativeQuery("select alliance_id from alliance_copy").getResultList();
        return keys;
    }

    private List<ItemFacts> items(boolean every, List<String> alliances, QuarterWindow window) {
        List<ItemFacts> facts = new ArrayList<>();
        var query = em.createNativeQuery("""
                        select s.team_id, s.end_date, i.status, i.disposition
                        from sprint_item i join sprint s on s.id = i.sprint_id
                        where s.state = 'CLOSED' and s.end_date >= ?1 and s.end_date <= ?2
                        """ + (every ? "" : " and i.alliance_id in (?3)"))
                .setParameter(1, window.from().firstDay()).setParameter(2, window.to().lastDay());
        if (!every) {
            query.setParameter(3, alliances);
        }
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            facts.add(new ItemFacts((UUID) r[0], localDate(r[1]), SprintItemStatus.valueOf((String) r[2]),
                    r[3] == null ? null : Disposition.valueOf((String) r[3])));
        }
        return facts;
    }

    private static LocalDate localDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
