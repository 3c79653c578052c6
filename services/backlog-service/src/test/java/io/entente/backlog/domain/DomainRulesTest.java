package io.entente.backlog.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DomainRulesTest {

    @Test
    void phasesMoveOneStepAtATime() {
        assertTrue(AlliancePhase.EVALUATION.canMoveTo(AlliancePhase.DUE_DILIGENCE));
        assertTrue(AlliancePhase.EVALUATION.canMoveTo(AlliancePhase.CLOSED));
        assertFalse(AlliancePhase.EVALUATION.canMoveTo(AlliancePhase.WIND_DOWN));
        assertFalse(AlliancePhase.EVALUATION.canMoveTo(AlliancePhase.EXECUTION));
        assertTrue(AlliancePhase.EXECUTION.canMoveTo(AlliancePhase.RENEWAL));
        assertTrue(AlliancePhase.RENEWAL.canMoveTo(AlliancePhase.EXECUTION));
        assertTrue(AlliancePhase.WIND_DOWN.canMoveTo(AlliancePhase.CLOSED));
        assertFalse(AlliancePhase.WIND_DOWN.canMoveTo(AlliancePhase.EXECUTION));
        assertTrue(AlliancePhase.CLOSED.next().isEmpty());
        for (AlliancePhase p : AlliancePhase.values()) {
            assertFalse(p.canMoveTo(p), p + " to itself");
        }
    }

    @Test
    void riskScoreIsLikelihoodTimesImpactAgainstTheThreshold() {
        RiskRating rating = new RiskRating(3, 4);
        assertEquals(12, rating.score());
        assertTrue(rating.atOrAbove(12));
        assertFalse(rating.atOrAbove(13));
        assertTrue(RiskRating.crossesUp(null, 12, 12));
        assertTrue(RiskRating.crossesUp(9, 15, 12));
        assertFalse(RiskRating.crossesUp(16, 20, 12));
        assertFalse(RiskRating.crossesUp(6, 8, 12));
        assertThrows(IllegalArgumentException.class, () -> new RiskRating(0, 3));
        assertThrows(IllegalArgumentException.class, () -> new RiskRating(3, 6));
    }

    @Test
    void obligationWindowOpensAtDueDateMinusLeadTimeAndIsMissedAfterTheDueDate() {
        LocalDate due = LocalDate.of(2026, 12, 31);
        assertEquals(LocalDate.of(2026, 12, 1), ObligationRules.windowOpens(due, 30));
        assertFalse(ObligationRules.windowOpen(ObligationStatus.UPCOMING, due, 30, LocalDate.of(2026, 11, 30)));
        assertTrue(ObligationRules.windowOpen(ObligationStatus.UPCOMING, due, 30, LocalDate.of(2026, 12, 1)));
        assertFalse(ObligationRules.windowOpen(ObligationStatus.DUE, due, 30, LocalDate.of(2026, 12, 1)));
        assertFalse(ObligationRules.missed(ObligationStatus.DUE, due, due));
        assertTrue(ObligationRules.missed(ObligationStatus.DUE, due, due.plusDays(1)));
        assertFalse(ObligationRules.missed(ObligationStatus.MET, due, due.plusDays(1)));
    }

    @Test
    void recurrenceRollsTheDueDate() {
        LocalDate due = LocalDate.of(2026, 3, 31);
        assertNull(Recurrence.NONE.next(due));
        assertEquals(LocalDate.of(2026, 6, 30), Recurrence.QUARTERLY.next(due));
        assertEquals(LocalDate.of(2027, 3, 31), Recurrence.ANNUAL.next(due));
        assertEquals(Discipline.FINANCE, ObligationKind.PAYMENT.discipline());
    }
}
