package io.entente.decision.domain;

import io.entente.platform.figures.Quarter;
import io.entente.platform.figures.QuarterFigure;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The decision figures on a known scenario of one alliance over 2026-Q3 and 2026-Q4, asked on 6 December. */
class DecisionFiguresTest {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    static final List<Quarter> QUARTERS = List.of(Quarter.parse("2026-Q3"), Quarter.parse("2026-Q4"));

    static final List<DecisionFacts> SCENARIO = List.of(
            // decided 4 days ahead after 10 days
            decided("2026-07-01T00:00:00Z", "2026-07-11T00:00:00Z", "2026-07-15", List.of()),
            // decided on the due day: not ahead, not overdue; 32.5 days
            decided("2026-07-01T00:00:00Z", "2026-08-02T12:00:00Z", "2026-08-02", List.of()),
            // decided nine days late, after an escalation that the decision resolved
            decided("2026-08-01T00:00:00Z", "2026-09-10T00:00:00Z", "2026-09-01", List.of(new DecisionEscalation(1,
                    "JSC", Instant.parse("2026-09-02T00:00:00Z"), Instant.parse("2026-09-10T00:00:00Z")))),
            // still escalated, two steps, past its due date
            new DecisionFacts("A", DecisionStatus.ESCALATED, Instant.parse("2026-06-01T00:00:00Z"), null,
                    LocalDate.parse("2026-09-20"), List.of(
                    new DecisionEscalation(1, "JSC", Instant.parse("2026-09-21T00:00:00Z"), null),
                    new DecisionEscalation(2, "EXECUTIVE_SPONSORS", Instant.parse("2026-10-01T00:00:00Z"), null)),
                    List.of()),
            // deferred once, not due yet
            new DecisionFacts("A", DecisionStatus.DEFERRED, Instant.parse("2026-10-01T00:00:00Z"), null,
                    LocalDate.parse("2026-12-20"), List.of(), List.of(new DecisionDeferral(
                    Instant.parse("2026-10-15T00:00:00Z"), LocalDate.parse("2026-11-01"),
                    LocalDate.parse("2026-12-20")))),
            // withdrawn: counts nowhere
            new DecisionFacts("A", DecisionStatus.WITHDRAWN, Instant.parse("2026-10-01T00:00:00Z"), null,
                    LocalDate.parse("2026-11-10"), List.of(), List.of()),
            decided("2026-10-30T00:00:00Z", "2026-11-01T00:00:00Z", "2026-11-30", List.of()));

    final List<QuarterFigure> figures = new DecisionFigures(NOW, null).compute(List.of("A", "B"), QUARTERS, SCENARIO);

    @Test
    void cycleTimeIsTheMedianOfTheQuartersDecisions() {
        assertFigure(DecisionFigures.CYCLE_TIME, "2026-Q3", 32.5, 3);
        assertFigure(DecisionFigures.CYCLE_TIME, "2026-Q4", 2.0, 1);
    }

    @Test
    void decidedAheadMeansBeforeTheDueDay() {
        assertFigure(DecisionFigures.DECIDED_AHEAD, "2026-Q3", 33.3, 3);
        assertFigure(DecisionFigures.DECIDED_AHEAD, "2026-Q4", 100.0, 1);
    }

    @Test
    void overdueRateCountsLateAndStillOpenPastDueOfTheDecisionsDueInTheQuarter() {
        assertFigure(DecisionFigures.OVERDUE_RATE, "2026-Q3", 50.0, 4);
        // the deferred decision is not due yet and the withdrawn one does not count
        assertFigure(DecisionFigures.OVERDUE_RATE, "2026-Q4", 0.0, 1);
    }

    @Test
    void escalationsCountEveryStepRaisedInTheQuarter() {
        assertFigure(DecisionFigures.ESCALATIONS, "2026-Q3", 2.0, 2);
        assertFigure(DecisionFigures.ESCALATIONS, "2026-Q4", 1.0, 1);
    }

    @Test
    void escalationAgeIsTakenAtQuarterEndOrNow() {
        assertFigure(DecisionFigures.ESCALATION_AGE, "2026-Q3", 10.0, 1);
        assertFigure(DecisionFigures.ESCALATION_AGE, "2026-Q4", 76.5, 1);
    }

    @Test
    void deferralsCountByWhenTheyWereMade() {
        assertFigure(DecisionFigures.DEFERRALS, "2026-Q3", 0.0, 0);
        assertFigure(DecisionFigures.DEFERRALS, "2026-Q4", 1.0, 1);
    }

    @Test
    void anAllianceWithoutDecisionsHasNoSampleButCountsZero() {
        QuarterFigure cycle = find("B", DecisionFigures.CYCLE_TIME, "2026-Q4");
        assertNull(cycle.value());
        assertEquals(0, cycle.sampleSize());
        assertEquals(0.0, find("B", DecisionFigures.ESCALATIONS, "2026-Q4").value());
        assertEquals(2 * 6 * 2, figures.size());
    }

    @Test
    void aQuarterNotBegunHasNoEscalationAge() {
        List<QuarterFigure> next = new DecisionFigures(NOW, "JSC").compute(List.of("A"),
                List.of(Quarter.parse("2027-Q1")), SCENARIO);
        QuarterFigure age = next.stream().filter(f -> f.figure().equals(DecisionFigures.ESCALATION_AGE)).findFirst()
                .orElseThrow();
        assertNull(age.value());
        assertEquals("JSC", age.committeeId());
    }

    private void assertFigure(String figure, String quarter, Double value, long sample) {
        QuarterFigure f = find("A", figure, quarter);
        assertEquals(value, f.value(), figure + " " + quarter);
        assertEquals(sample, f.sampleSize(), figure + " " + quarter + " sample");
    }

    private QuarterFigure find(String alliance, String figure, String quarter) {
        return figures.stream().filter(f -> f.allianceKey().equals(alliance) && f.figure().equals(figure)
                && f.quarter().equals(quarter)).findFirst().orElseThrow();
    }

    private static DecisionFacts decided(String opened, String decided, String due, List<DecisionEscalation> up) {
        return new DecisionFacts("A", DecisionStatus.DECIDED, Instant.parse(opened), Instant.parse(decided),
                LocalDate.parse(due), up, List.of());
    }
}
