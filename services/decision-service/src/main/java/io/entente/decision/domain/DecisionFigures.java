package io.entente.decision.domain;

import io.entente.platform.figures.FigureMath;
import io.entente.platform.figures.Quarter;
import io.entente.platform.figures.QuarterFigure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The decision figures of governance health, per alliance and quarter (docs/GOVERNANCE-HEALTH.md has the
 * definitions). Dates are UTC days: a decision "decided ahead" was decided on a day before its due date.
 *
 * @param committee the body the decisions were narrowed to (its name goes into each figure), or null
 */
public record DecisionFigures(Instant now, String committee) {

    public static final String CYCLE_TIME = "decision.cycle-time";
    public static final String DECIDED_AHEAD = "decision.decided-ahead";
    public static final String OVERDUE_RATE = "decision.overdue-rate";
    public static final String ESCALATIONS = "decision.escalations";
    public static final String ESCALATION_AGE = "decision.escalation-age";
    public static final String DEFERRALS = "decision.deferrals";

    /** Every figure for every alliance (also those without decisions) and every quarter, in that order. */
    public List<QuarterFigure> compute(Collection<String> alliances, List<Quarter> quarters,
                                       List<DecisionFacts> decisions) {
        Map<String, List<DecisionFacts>> byAlliance = decisions.stream()
                .collect(Collectors.groupingBy(DecisionFacts::allianceId));
        List<QuarterFigure> figures = new ArrayList<>();
        for (String alliance : alliances.stream().sorted().toList()) {
            List<DecisionFacts> mine = byAlliance.getOrDefault(alliance, List.of());
            quarters.forEach(q -> figures.add(cycleTime(alliance, q, mine)));
            quarters.forEach(q -> figures.add(decidedAhead(alliance, q, mine)));
            quarters.forEach(q -> figures.add(overdueRate(alliance, q, mine)));
            quarters.forEach(q -> figures.add(escalations(alliance, q, mine)));
            quarters.forEach(q -> figures.add(escalationAge(alliance, q, mine)));
            quarters.forEach(q -> figures.add(deferrals(alliance, q, mine)));
        }
        return List.copyOf(figures);
    }

    /** Median days from opened to decided, of the decisions decided in the quarter. */
    QuarterFigure cycleTime(String alliance, Quarter q, List<DecisionFacts> decisions) {
        List<Double> days = decidedIn(q, decisions).stream().filter(d -> d.openedAt() != null)
                .map(d -> FigureMath.days(d.openedAt(), d.decidedAt())).toList();
        return figure(CYCLE_TIME, "Decision cycle time", QuarterFigure.DAYS, q, alliance,
                FigureMath.round1(FigureMath.median(days)), days.size());
    }

    /** Of the decisions decided in the quarter, the share decided on a day before their due date. */
    QuarterFigure decidedAhead(String alliance, Quarter q, List<DecisionFacts> decisions) {
        List<DecisionFacts> decided = decidedIn(q, decisions);
        long ahead = decided.stream().filter(d -> day(d.decidedAt()).isBefore(d.dueDate())).count();
        return figure(DECIDED_AHEAD, "Decided ahead of the due date", QuarterFigure.PERCENT, q, alliance,
                FigureMath.percent(ahead, decided.size()), decided.size());
    }

    /**
     * Of the decisions due in the quarter whose outcome is known (decided, or still open with the due date passed),
     * the share decided after the due date or still open past it. Withdrawn decisions do not count.
     */
    QuarterFigure overdueRate(String alliance, Quarter q, List<DecisionFacts> decisions) {
        LocalDate today = day(now);
        long overdue = 0;
        long sample = 0;
        for (DecisionFacts d : decisions) {
            if (!q.contains(d.dueDate()) || d.status() == DecisionStatus.WITHDRAWN) {
                continue;
            }
            if (d.decidedAt() != null) {
                sample++;
                overdue += day(d.decidedAt()).isAfter(d.dueDate()) ? 1 : 0;
            } else if (d.status().isActive() && today.isAfter(d.dueDate())) {
                sample++;
                overdue++;
            }
        }
        return figure(OVERDUE_RATE, "Overdue decisions", QuarterFigure.PERCENT, q, alliance,
                FigureMath.percent(overdue, sample), sample);
    }

    /** Steps up the ladder raised in the quarter (a decision escalated twice counts twice). */
    QuarterFigure escalations(String alliance, Quarter q, List<DecisionFacts> decisions) {
        long raised = decisions.stream().flatMap(d -> d.escalations().stream())
                .filter(e -> q.contains(e.raisedAt())).count();
        return count(ESCALATIONS, "Escalations raised", q, alliance, raised);
    }

    /**
     * Mean age in days, at the quarter's end (or now, in the current quarter), of the decisions escalated and not
     * settled then, counted from their first step up that is still open.
     */
    QuarterFigure escalationAge(String alliance, Quarter q, List<DecisionFacts> decisions) {
        if (now.isBefore(q.from())) {
            return figure(ESCALATION_AGE, "Age of open escalations", QuarterFigure.DAYS, q, alliance, null, 0);
        }
        Instant at = q.endOrNow(now);
        List<Double> ages = decisions.stream()
                .map(d -> d.escalations().stream().filter(e -> e.openAt(at)).map(DecisionEscalation::raisedAt)
                        .min(Instant::compareTo).orElse(null))
                .filter(Objects::nonNull).map(raised -> FigureMath.days(raised, at)).toList();
        return figure(ESCALATION_AGE, "Age of open escalations", QuarterFigure.DAYS, q, alliance,
                FigureMath.round1(FigureMath.mean(ages)), ages.size());
    }

    /** Deferrals made in the quarter (each move of a due date counts). */
    QuarterFigure deferrals(String alliance, Quarter q, List<DecisionFacts> decisions) {
        long deferred = decisions.stream().flatMap(d -> d.deferrals().stream()).filter(x -> q.contains(x.at()))
                .count();
        return count(DEFERRALS, "Deferrals", q, alliance, deferred);
    }

    private static List<DecisionFacts> decidedIn(Quarter q, List<DecisionFacts> decisions) {
        return decisions.stream().filter(d -> d.status() == DecisionStatus.DECIDED && q.contains(d.decidedAt()))
                .toList();
    }

    private QuarterFigure count(String key, String label, Quarter q, String alliance, long count) {
        return figure(key, label, QuarterFigure.COUNT, q, alliance, (double) count, count);
    }

    private QuarterFigure figure(String key, String label, String unit, Quarter q, String alliance, Double value,
                                 long sample) {
        return new QuarterFigure(key, label, unit, q.toString(), alliance, committee, null, value, sample, null);
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
