package io.entente.backlog.domain;

import io.entente.platform.figures.FigureMath;
import io.entente.platform.figures.Quarter;
import io.entente.platform.figures.QuarterFigure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The obligation figures of governance health, per alliance and quarter of the occurrence's due date
 * (docs/GOVERNANCE-HEALTH.md): met on time (on or before the due date), missed (met late, or not met and the due
 * date passed), and the on-time rate of those two.
 */
public record ObligationFigures(LocalDate today) {

    public static final String MET_ON_TIME = "obligation.met-on-time";
    public static final String MISSED = "obligation.missed";
    public static final String ON_TIME_RATE = "obligation.on-time-rate";

    /** One obligation: the occurrences met so far, and the current one unless it is met. */
    public record Facts(String allianceId, List<ObligationOccurrence> met, LocalDate openDueDate) {

        public static Facts of(Obligation o) {
            return new Facts(o.allianceId, o.occurrences, o.status == ObligationStatus.MET ? null : o.dueDate);
        }
    }

    public List<QuarterFigure> compute(Collection<String> alliances, List<Quarter> quarters, List<Facts> obligations) {
        Map<String, List<Facts>> byAlliance = obligations.stream().collect(Collectors.groupingBy(Facts::allianceId));
        List<QuarterFigure> figures = new ArrayList<>();
        for (String alliance : alliances.stream().sorted().toList()) {
            List<Facts> mine = byAlliance.getOrDefault(alliance, List.of());
            List<Outcome> outcomes = quarters.stream().map(q -> outcome(q, mine)).toList();
            for (int i = 0; i < quarters.size(); i++) {
                Outcome o = outcomes.get(i);
                figures.add(figure(MET_ON_TIME, "Obligations met on time", QuarterFigure.COUNT, quarters.get(i),
                        alliance, (double) o.onTime(), o.onTime()));
            }
            for (int i = 0; i < quarters.size(); i++) {
                Outcome o = outcomes.get(i);
                figures.add(figure(MISSED, "Obligations missed", QuarterFigure.COUNT, quarters.get(i), alliance,
                        (double) o.missed(), o.missed()));
            }
            for (int i = 0; i < quarters.size(); i++) {
                Outcome o = outcomes.get(i);
                long sample = o.onTime() + o.missed();
                figures.add(figure(ON_TIME_RATE, "Obligations met on time (rate)", QuarterFigure.PERCENT,
                        quarters.get(i), alliance, FigureMath.percent(o.onTime(), sample), sample));
            }
        }
        return List.copyOf(figures);
    }

    private record Outcome(long onTime, long missed) {
    }

    private Outcome outcome(Quarter q, List<Facts> obligations) {
        long onTime = 0;
        long missed = 0;
        for (Facts f : obligations) {
            for (ObligationOccurrence o : f.met()) {
                if (q.contains(o.dueDate())) {
                    if (o.onTime()) {
                        onTime++;
                    } else {
                        missed++;
                    }
                }
            }
            if (f.openDueDate() != null && q.contains(f.openDueDate()) && today.isAfter(f.openDueDate())) {
                missed++;
            }
        }
        return new Outcome(onTime, missed);
    }

    private static QuarterFigure figure(String key, String label, String unit, Quarter q, String alliance,
                                        Double value, long sample) {
        return new QuarterFigure(key, label, unit, q.toString(), alliance, null, null, value, sample, null);
    }
}
