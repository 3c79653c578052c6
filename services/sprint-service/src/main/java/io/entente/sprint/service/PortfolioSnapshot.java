package io.entente.sprint.service;

import io.entente.sprint.domain.AlliancePhase;
import io.entente.sprint.domain.Workload;
import io.entente.sprint.domain.Workload.Alliance;
import io.entente.sprint.domain.Workload.Portfolio;
import io.entente.sprint.domain.Workload.Team;
import io.entente.sprint.domain.Workload.Work;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The portfolio as this service's read model knows it, read in five statements whatever its size: alliances (from
 * alliance events), teams with their members' capacity less planned absence, managers' capacities, open backlog work.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PortfolioSnapshot {

    private final EntityManager em;

    public PortfolioSnapshot(EntityManager em) {
        this.em = em;
    }

    public Portfolio read(LocalDate from, LocalDate to) {
        List<Alliance> alliances = rows("""
                select alliance_id, name, partner, coalesce(tier, 3), phase, coalesce(complexity_score, 3),
                       alliance_manager
                from alliance_copy order by alliance_id""", Map.of()).stream()
                .map(r -> new Alliance((String) r[0], (String) r[1], (String) r[2], num(r[3]),
                        AlliancePhase.fromEvent((String) r[4]), num(r[5]), (String) r[6]))
                .toList();

        Map<String, Double> absence = new HashMap<>();
        rows("""
                select cast(s.team_id as text), sum(c.absence_days * c.points_per_day)
                from sprint_capacity c join sprint s on s.id = c.sprint_id
                where s.state <> 'CLOSED' and s.start_date >= :from and s.start_date < :to
                group by s.team_id""", Map.of("from", from, "to", to))
                .forEach(r -> absence.put((String) r[0], dbl(r[1])));
        int workingDays = workingDays(from, to);
        List<Team> teams = rows("""
                select cast(t.id as text), t.name, array_to_string(t.disciplines, ','),
                       array_to_string(t.alliances, ','), coalesce(sum(m.points_per_day), 0)
                from team t left join team_member m on m.team_id = t.id
                group by t.id, t.name, t.disciplines, t.alliances
                order by t.name, t.id""", Map.of()).stream()
                .map(r -> {
                    double points = dbl(r[4]) * workingDays - absence.getOrDefault((String) r[0], 0.0);
                    return new Team((String) r[0], (String) r[1], split((String) r[2]),
                            new LinkedHashSet<>(split((String) r[3])),
                            Math.max(0, points) * Workload.HOURS_PER_POINT);
                })
                .toList();

        Map<String, Integer> managerHours = new HashMap<>();
        rows("select user_id, hours_per_month from alliance_manager", Map.of())
                .forEach(r -> managerHours.put((String) r[0], num(r[1])));

        List<Work> work = rows("""
                select alliance_id, discipline, sum(estimate)
                from backlog_item_copy
                where not dropped and status not in ('DONE', 'DROPPED') and estimate is not null
                group by alliance_id, discipline""", Map.of()).stream()
                .map(r -> new Work((String) r[0], (String) r[1], dbl(r[2]) * Workload.HOURS_PER_POINT))
                .toList();
        return new Portfolio(alliances, teams, managerHours, work);
    }

    /** Weekdays in [from, to): what a sprint counts as working days, public holidays aside. */
    static int workingDays(LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days++;
            }
        }
        return days;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Map<String, Object> parameters) {
        var query = em.createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }

    private static int num(Object value) {
        return ((Number) value).intValue();
    }

    private static double dbl(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }
}
