package io.entente.decision.domain;

import io.entente.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules as plain Java: risk on known scenarios, the status machine, the ladder. */
class DecisionRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    // Due 2026-12-08 with 7 days lead time: prep deadline 2026-12-01, 4 days from TODAY.
    static final LocalDate DUE = LocalDate.of(2026, 12, 8);

    static RiskAssessment.Prep todo() {
        return new RiskAssessment.Prep(false, false);
    }

    static RiskAssessment.Prep inSprint() {
        return new RiskAssessment.Prep(false, true);
    }

    static RiskAssessment.Prep done() {
        return new RiskAssessment.Prep(true, true);
    }

    @Test
    void prepNotInAnySprintAsTheDeadlineApproachesIsAtRiskAndSaysWhy() {
        RiskAssessment risk = RiskAssessment.assess(TODAY, DUE, 7, List.of(todo(), todo(), done()), 14);
        assertEquals(RiskState.AT_RISK, risk.state());
        assertEquals("2 of 3 prep items not done, prep deadline 2026-12-01 in 4 days; none in a sprint",
                risk.reason());
    }

    @Test
    void prepInASprintBeforeTheDeadlineIsOnTrack() {
        RiskAssessment risk = RiskAssessment.assess(TODAY, DUE, 7, List.of(inSprint(), todo(), done()), 14);
        assertEquals(RiskState.ON_TRACK, risk.state());
        assertEquals("2 of 3 prep items not done, prep deadline 2026-12-01 in 4 days; 1 in a sprint", risk.reason());
    }

    @Test
    void unscheduledPrepFarFromTheDeadlineIsStillOnTrack() {
        RiskAssessment risk = RiskAssessment.assess(TODAY, DUE.plusWeeks(6), 7, List.of(todo()), 14);
        assertEquals(RiskState.ON_TRACK, risk.state());
    }

    @Test
    void prepNotDoneByThePrepDeadlineIsAtRiskEvenInASprint() {
        RiskAssessment risk = RiskAssessment.assess(LocalDate.of(2026, 12, 3), DUE, 7, List.of(inSprint(), done()),
                14);
        assertEquals(RiskState.AT_RISK, risk.state());
        assertEquals("1 of 2 prep items not done, prep deadline 2026-12-01 passed 2 days ago; all in a sprint",
                risk.reason());
    }

    @Test
    void allPrepDoneIsOnTrackUntilTheDueDatePasses() {
        assertEquals(new RiskAssessment(RiskState.ON_TRACK, "all 2 prep items done"),
                RiskAssessment.assess(LocalDate.of(2026, 12, 8), DUE, 7, List.of(done(), done()), 14));
        RiskAssessment late = RiskAssessment.assess(LocalDate.of(2026, 12, 9), DUE, 7, List.of(done(), done()), 14);
        assertEquals(RiskState.OVERDUE, late.state());
        assertEquals("due 2026-12-08 1 day ago and not decided; all 2 prep items done", late.reason());
    }

    @Test
    void noPrepItemsCloseToTheDeadlineIsAtRisk() {
        assertEquals(RiskState.AT_RISK, RiskAssessment.assess(TODAY, DUE, 7, List.of(), 14).state());
        assertEquals(RiskState.ON_TRACK, RiskAssessment.assess(TODAY, DUE.plusWeeks(5), 7, List.of(), 14).state());
        assertEquals("no prep items yet, prep deadline 2026-11-27 is today; none in a sprint",
                RiskAssessment.assess(TODAY, TODAY.plusDays(7), 7, List.of(), 14).reason());
    }

    @Test
    void statusMachineRefusesEditsOfFinalDecisions() {
        assertTrue(DecisionStatus.DRAFT.canMoveTo(DecisionStatus.OPEN));
        assertFalse(DecisionStatus.DRAFT.canMoveTo(DecisionStatus.DECIDED));
        assertTrue(DecisionStatus.OPEN.canMoveTo(DecisionStatus.PROPOSED));
        assertTrue(DecisionStatus.ESCALATED.canMoveTo(DecisionStatus.ESCALATED));
        assertTrue(DecisionStatus.DEFERRED.canMoveTo(DecisionStatus.DECIDED));
        for (DecisionStatus target : DecisionStatus.values()) {
            assertFalse(DecisionStatus.DECIDED.canMoveTo(target));
            assertFalse(DecisionStatus.WITHDRAWN.canMoveTo(target));
        }
        Decision decided = new Decision();
        decided.status = DecisionStatus.DECIDED;
        ProblemException refused = assertThrows(ProblemException.class, () -> decided.moveTo(DecisionStatus.OPEN));
        assertEquals(409, refused.status());
        assertTrue(refused.getMessage().contains("supersedes"));
    }

    @Test
    void ladderMovesOneStepUpAndStopsAtTheTop() {
        List<LadderStep> ladder = EscalationLadder.DEFAULT;
        assertEquals(GovernanceBody.JSC, EscalationLadder.nextAbove(ladder, GovernanceBody.JDC).orElseThrow().body());
        assertEquals(GovernanceBody.EXECUTIVE_SPONSORS,
                EscalationLadder.nextAbove(ladder, GovernanceBody.JSC).orElseThrow().body());
        assertTrue(EscalationLadder.nextAbove(ladder, GovernanceBody.EXECUTIVE_SPONSORS).isEmpty());
        assertEquals(GovernanceBody.JDC,
                EscalationLadder.nextAbove(ladder, GovernanceBody.FINANCE).orElseThrow().body());
        assertNull(EscalationLadder.problemWith(ladder));
        assertTrue(EscalationLadder.problemWith(List.of(new LadderStep(GovernanceBody.JSC, 5),
                new LadderStep(GovernanceBody.JSC, 5))).contains("twice"));
        assertTrue(EscalationLadder.problemWith(List.of(new LadderStep(GovernanceBody.JSC, 0))).contains("days"));
    }
}
