package io.entente.governance.domain;

import io.entente.governance.domain.PulseRules.QuestionResult;
import io.entente.governance.domain.PulseRules.Scored;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the pulse is aggregated, when a mean is shown, and when it is a concern. */
class PulseRulesTest {

    private static Scored answer(Side side, int all) {
        return new Scored(side, PulseRules.scores(all, all, all, all));
    }

    private static List<Scored> answers(Side side, int... scores) {
        List<Scored> list = new ArrayList<>();
        for (int s : scores) {
            list.add(answer(side, s));
        }
        return list;
    }

    private static QuestionResult first(List<Scored> answers) {
        return PulseRules.aggregate(answers).get(0);
    }

    @Test
    void aSideWithFewerThanThreeAnswersShowsItsCountButNoMean() {
        List<Scored> all = new ArrayList<>(answers(Side.US, 4, 5, 3));
        all.addAll(answers(Side.PARTNER, 1, 2));
        QuestionResult result = first(all);
        assertEquals(4.0, result.ours().mean());
        assertEquals(3, result.ours().count());
        assertNull(result.partner().mean());
        assertEquals(2, result.partner().count());
        assertNull(result.gap());
        // Two partner answers of 1 and 2 are no concern yet: a mean of two would tell each of them the other's score.
        assertTrue(result.concern().isEmpty());
    }

    @Test
    void theGapIsOursMinusThePartnersRoundedToTwoDecimals() {
        List<Scored> all = new ArrayList<>(answers(Side.US, 5, 4, 4));
        all.addAll(answers(Side.PARTNER, 4, 4, 3));
        QuestionResult result = first(all);
        assertEquals(4.33, result.ours().mean());
        assertEquals(3.67, result.partner().mean());
        assertEquals(0.67, result.gap());
        assertTrue(result.concern().isEmpty());
        assertEquals(4, PulseRules.aggregate(all).size());
    }

    @Test
    void aMeanUnderThreeIsAConcern() {
        List<Scored> all = new ArrayList<>(answers(Side.US, 3, 3, 3));
        all.addAll(answers(Side.PARTNER, 3, 3, 2));
        String reason = first(all).concern().orElseThrow();
        assertTrue(reason.startsWith("partner side mean 2.67 is under 3.00"), reason);
        assertTrue(first(answers(Side.US, 2, 2, 3)).concern().orElseThrow().startsWith("our side mean 2.33"));
        assertFalse(first(answers(Side.US, 3, 3, 3)).concern().isPresent(), "exactly 3.0 is not under 3.0");
    }

    @Test
    void aGapOverOneEitherWayIsAConcernAndExactlyOneIsNot() {
        List<Scored> wide = new ArrayList<>(answers(Side.US, 5, 5, 5));
        wide.addAll(answers(Side.PARTNER, 4, 4, 3));
        assertTrue(first(wide).concern().orElseThrow().startsWith("gap 1.33 between the sides is over 1.00"));
        List<Scored> reversed = new ArrayList<>(answers(Side.US, 3, 4, 3));
        reversed.addAll(answers(Side.PARTNER, 5, 5, 5));
        assertEquals(-1.67, first(reversed).gap());
        assertTrue(first(reversed).concern().isPresent());
        List<Scored> one = new ArrayList<>(answers(Side.US, 5, 5, 5));
        one.addAll(answers(Side.PARTNER, 4, 4, 4));
        assertTrue(first(one).concern().isEmpty());
    }

    @Test
    void quartersAreCalendarQuarters() {
        assertEquals("2026-Q1", PulseRules.quarterOf(LocalDate.of(2026, 3, 31)));
        assertEquals("2026-Q2", PulseRules.quarterOf(LocalDate.of(2026, 4, 1)));
        assertEquals("2026-Q4", PulseRules.quarterOf(LocalDate.of(2026, 12, 6)));
    }

    @Test
    void aScoreOffTheScaleIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> PulseRules.score(PulseRules.scores(0, 3, 3, 3), PulseQuestion.PREPARATION));
        assertThrows(IllegalArgumentException.class,
                () -> PulseRules.score(PulseRules.scores(3, 3, 3, 6), PulseQuestion.RECOMMEND));
    }

    @Test
    void anInvitationTakesOneAnswerWhileOpen() {
        Instant now = Instant.parse("2026-12-06T10:00:00Z");
        PulseInvitation invitation = new PulseInvitation();
        invitation.id = UUID.randomUUID();
        invitation.expiresAt = now.plusSeconds(60);
        assertEquals(PulseStatus.OPEN, invitation.status(now));
        invitation.answer(now);
        assertEquals(PulseStatus.ANSWERED, invitation.status(now));
        assertEquals(409, assertThrows(io.entente.platform.problem.ProblemException.class,
                () -> invitation.answer(now)).status());
        assertFalse(invitation.revoke(now), "an answered link stays answered");

        PulseInvitation late = new PulseInvitation();
        late.expiresAt = now;
        assertEquals(PulseStatus.EXPIRED, late.status(now));
        assertEquals(410, assertThrows(io.entente.platform.problem.ProblemException.class,
                () -> late.answer(now)).status());

        PulseInvitation withdrawn = new PulseInvitation();
        withdrawn.expiresAt = now.plusSeconds(60);
        assertTrue(withdrawn.revoke(now));
        assertEquals(PulseStatus.REVOKED, withdrawn.status(now));
        assertEquals(410, assertThrows(io.entente.platform.problem.ProblemException.class,
                () -> withdrawn.answer(now)).status());
    }
}
