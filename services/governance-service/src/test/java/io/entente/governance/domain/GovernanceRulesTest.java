package io.entente.governance.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plain rules: cadence by tier, body composition, what a packet covers, the drafted agenda. */
class GovernanceRulesTest {

    static Member m(String name, Side side, MemberRole role) {
        return new Member(name, side == Side.US ? "Entente Bio" : "Helix Biotherapeutics", side, role, null);
    }

    @Test
    void cadenceFollowsTheTier() {
        assertEquals(Cadence.QUARTERLY, CadenceRule.defaultFor(1, BodyType.JSC));
        assertEquals(Cadence.MONTHLY, CadenceRule.defaultFor(1, BodyType.JDC));
        assertEquals(Cadence.SEMI_ANNUAL, CadenceRule.defaultFor(2, BodyType.JSC));
        assertEquals(Cadence.QUARTERLY, CadenceRule.defaultFor(2, BodyType.JDC));
        assertEquals(Cadence.ANNUAL, CadenceRule.defaultFor(3, BodyType.JSC));
        assertThrows(IllegalArgumentException.class, () -> CadenceRule.defaultFor(4, BodyType.JSC));
    }

    @Test
    void aBodyHasTwoCoChairsFromBothCompaniesAndAReachableQuorum() {
        List<Member> good = List.of(m("Ana", Side.US, MemberRole.CO_CHAIR), m("Ben", Side.PARTNER,
                MemberRole.CO_CHAIR), m("Cy", Side.US, MemberRole.MEMBER), m("Di", Side.US, MemberRole.SECRETARY));
        assertTrue(BodyRules.violations(good, 3).isEmpty());
        assertEquals(List.of("quorum 4 cannot be reached by 3 voting members"), BodyRules.violations(good, 4));

        List<Member> sameSide = List.of(m("Ana", Side.US, MemberRole.CO_CHAIR), m("Ben", Side.US,
                MemberRole.CO_CHAIR));
        assertEquals(List.of("the two co-chairs must come from different companies"),
                BodyRules.violations(sameSide, 1));

        List<Member> crowded = List.of(m("A", Side.US, MemberRole.CO_CHAIR), m("B", Side.PARTNER,
                MemberRole.CO_CHAIR), m("C", Side.US, MemberRole.CO_CHAIR), m("D", Side.US, MemberRole.SECRETARY),
                m("E", Side.PARTNER, MemberRole.SECRETARY), m("a", Side.US, MemberRole.MEMBER));
        List<String> problems = BodyRules.violations(crowded, 1);
        assertEquals(3, problems.size(), problems.toString());
    }

    @Test
    void aPacketCoversWhatIsDueBeforeTheBodyMeetsAgain() {
        LocalDate meeting = LocalDate.of(2026, 11, 30);
        assertEquals(LocalDate.of(2027, 2, 28), DueRules.horizon(meeting, null, Cadence.QUARTERLY));
        assertEquals(LocalDate.of(2027, 1, 15), DueRules.horizon(meeting, LocalDate.of(2027, 1, 15),
                Cadence.QUARTERLY));
        assertTrue(DueRules.dueBefore(LocalDate.of(2027, 1, 14), LocalDate.of(2027, 1, 15)));
        assertFalse(DueRules.dueBefore(LocalDate.of(2027, 1, 15), LocalDate.of(2027, 1, 15)));
        assertFalse(DueRules.dueBefore(null, LocalDate.of(2027, 1, 15)));
        assertTrue(DueRules.comingDue(LocalDate.of(2027, 1, 15), LocalDate.of(2027, 1, 15)));
        assertEquals(LocalDate.of(2026, 8, 30), DueRules.progressSince(meeting, null, Cadence.QUARTERLY));
        assertEquals(LocalDate.of(2026, 10, 1), DueRules.progressSince(meeting, LocalDate.of(2026, 10, 1),
                Cadence.QUARTERLY));
    }

    @Test
    void aDecisionBelongsToTheBodyHoldingTheRightOrReceivingTheEscalation() {
        assertTrue(DueRules.belongsTo("JSC", null, BodyType.JSC, "b1"));
        assertTrue(DueRules.belongsTo("jsc", null, BodyType.JSC, "b1"));
        assertTrue(DueRules.belongsTo("b1", null, BodyType.JSC, "b1"));
        assertFalse(DueRules.belongsTo("JDC", null, BodyType.JSC, "b1"));
        assertTrue(DueRules.belongsTo("JDC", "JSC", BodyType.JSC, "b1"));
        assertFalse(DueRules.belongsTo("JSC", "EXECUTIVE_SPONSORS", BodyType.JSC, "b1"));
        assertFalse(DueRules.belongsTo(null, null, BodyType.JSC, "b1"));
    }

    @Test
    void theDraftedAgendaWalksFromFormalitiesThroughDecisionsToClose() {
        List<AgendaItem> agenda = AgendaDrafter.draft(new AgendaDrafter.Due("Ana and Ben", "JSC Q3", true, 2,
                true, List.of(new AgendaDrafter.DueDecision("d1", "Go to phase 3", "alex", false),
                new AgendaDrafter.DueDecision("d2", "Budget split", "alex", true)),
                List.of(new AgendaDrafter.DueDecision("d3", "Supply dispute", null, true)), 3, 1));
        assertEquals(List.of("Welcome, quorum and adoption of the agenda", "Approval of the minutes of JSC Q3",
                "Review of open action items (2)", "Project and sprint progress", "Go to phase 3", "Budget split",
                "Escalation: Supply dispute", "Risks over threshold (3)", "Obligations coming due (1)",
                "Any other business and date of the next meeting"), agenda.stream().map(AgendaItem::title).toList());
        assertEquals("d1", agenda.get(4).decisionId());
        assertEquals(Purpose.DECISION, agenda.get(4).purpose());
        assertEquals(20, agenda.get(5).durationMinutes());
        assertEquals(10, agenda.stream().map(AgendaItem::id).distinct().count());

        List<AgendaItem> quiet = AgendaDrafter.draft(new AgendaDrafter.Due("Co-chairs", null, false, 0, false,
                List.of(), List.of(), 0, 0));
        assertEquals(2, quiet.size());
    }

    @Test
    void everyCadenceIntervalWithoutAMeetingIsAMissingMeeting() {
        LocalDate since = LocalDate.of(2026, 1, 10);
        LocalDate today = LocalDate.of(2026, 12, 6);
        // Met in February and in September: nothing between May and September, and nothing after December.
        List<CadenceGaps.Gap> gaps = CadenceGaps.missing(Cadence.QUARTERLY, since,
                List.of(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 2, 20)), today);
        assertEquals(List.of(new CadenceGaps.Gap(LocalDate.of(2026, 2, 20), LocalDate.of(2026, 5, 20)),
                new CadenceGaps.Gap(LocalDate.of(2026, 5, 20), LocalDate.of(2026, 8, 20)),
                new CadenceGaps.Gap(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 1)),
                new CadenceGaps.Gap(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 3, 1))), gaps);

        // The next sitting on the calendar within the interval: nothing is missing.
        assertTrue(CadenceGaps.missing(Cadence.QUARTERLY, since, List.of(LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 8, 25), LocalDate.of(2026, 11, 20),
                LocalDate.of(2027, 1, 15)), today).isEmpty());

        // A body set up today needs its first meeting within one interval.
        assertEquals(List.of(new CadenceGaps.Gap(today, today.plusMonths(1))),
                CadenceGaps.missing(Cadence.MONTHLY, today, List.of(), today));
        assertEquals(CadenceGaps.MAX, CadenceGaps.missing(Cadence.MONTHLY, LocalDate.of(2000, 1, 1), List.of(),
                today).size());
    }
}
