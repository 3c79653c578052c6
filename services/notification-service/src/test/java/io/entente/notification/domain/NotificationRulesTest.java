package io.entente.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotificationRulesTest {

    static DecisionParties parties(String driver, String approver) {
        DecisionParties d = new DecisionParties();
        d.decisionId = "d1";
        d.allianceId = "ONC-HELIX";
        d.title = "Dose";
        d.driver = driver;
        d.approver = approver;
        return d;
    }

    @Test
    void driverAndApproverOnceEvenWhenTheSamePerson() {
        List<Planned> planned = NotificationRules.decisionRiskChanged(parties("alex", "user:alex"), "AT_RISK", "late");
        assertEquals(1, planned.size());
        assertEquals("alex", planned.get(0).recipient());
        assertEquals("/decisions/d1", planned.get(0).link());
    }

    @Test
    void backOnTrackTellsNobodyAndACommitteeIsNotAPerson() {
        assertEquals(List.of(), NotificationRules.decisionRiskChanged(parties("alex", "user:bea"), "ON_TRACK", null));
        assertEquals(List.of("alex"), NotificationRules.decisionDecided(parties("alex", "body:JSC"), "A", null)
                .stream().map(Planned::recipient).toList());
    }

    @Test
    void freeTextOwnersAreNotUsernames() {
        assertNull(NotificationRules.username("Dr. Jane Smith"));
        assertEquals("bea", NotificationRules.username("user:bea"));
        assertEquals(List.of(), NotificationRules.actionItemRaised("Jane Smith", "A", "m", "t", null));
    }

    @Test
    void contributorsHearEverythingAndInformedPeopleOnlyTheOutcome() {
        DecisionParties d = parties("alex", "body:JSC");
        d.contributors = new String[] {"user:tara", "body:JDC", "alex"};
        d.informed = new String[] {"user:sven"};
        assertEquals(List.of("alex", "tara"), NotificationRules.decisionRiskChanged(d, "OVERDUE", "late").stream()
                .map(Planned::recipient).toList());
        assertEquals(List.of("alex", "tara"), NotificationRules.decisionEscalated(d, "JSC", null).stream()
                .map(Planned::recipient).toList());
        assertEquals(List.of("alex", "tara", "sven"), NotificationRules.decisionDecided(d, "A", null).stream()
                .map(Planned::recipient).toList());
    }

    @Test
    void riskIsInternalWhileOutcomesAndActionItemsAreJoint() {
        DecisionParties d = parties("alex", "user:priya");
        assertTrue(NotificationRules.decisionRiskChanged(d, "AT_RISK", "prep late").stream()
                .allMatch(p -> p.partnerBody() == null));
        assertTrue(NotificationRules.cardAssigned("priya", "A", "i").stream().allMatch(p -> p.partnerBody() == null));
        assertTrue(NotificationRules.decisionDecided(d, "A", "why").stream().allMatch(p -> p.partnerBody() != null));
        assertEquals("Due 2027-01-10.", NotificationRules.actionItemRaised("user:priya", "A", "m", "t", "2027-01-10")
                .get(0).partnerBody());
    }

    @Test
    void eachPacketVersionTellsTheAttendeesWhatChangedInTheEditionTheyRead() {
        List<NotificationRules.Invitee> invitees = List.of(new NotificationRules.Invitee("alex", false),
                new NotificationRules.Invitee("priya", true), new NotificationRules.Invitee("Dr. Jones", false));
        List<Planned> first = NotificationRules.packetPublished("m1", "ONC-HELIX", "JSC Q1", 1, invitees, List.of(),
                List.of());
        assertEquals(List.of("alex", "priya"), first.stream().map(Planned::recipient).toList());
        assertEquals("Packet published: JSC Q1", first.get(0).title());
        List<Planned> second = NotificationRules.packetPublished("m1", "ONC-HELIX", "JSC Q1", 2, invitees,
                List.of("risks: 1 added", "decisions: 1 changed"), List.of("decisions: 1 changed"));
        assertEquals("Changed since version 1: risks: 1 added; decisions: 1 changed.", second.get(0).body());
        assertEquals("Changed since version 1: decisions: 1 changed.", second.get(1).body());
        assertEquals("Changed since version 1: decisions: 1 changed.", second.get(0).partnerBody());
        assertEquals("/meetings/m1", second.get(1).link());
        assertEquals(List.of("alex", "priya"), NotificationRules.minutesApproved("m1", "ONC-HELIX", "JSC Q1",
                invitees).stream().map(Planned::recipient).toList());
    }

    @Test
    void anObligationComingDueReachesTheManagerAndTheCardHolderOnceWithTheLeadTimeOnlyInOurEdition() {
        NotificationRules.Obligation o = new NotificationRules.Obligation("o1", "ONC-HELIX", "Annual report", "7.2",
                "PARTNER", "2027-03-01");
        List<Planned> planned = NotificationRules.obligationDue(o, 30, "alex", "user:alex", List.of());
        assertEquals(1, planned.size(), "manager and holder are the same person");
        Planned p = planned.get(0);
        assertEquals(NotificationKind.OBLIGATION_DUE, p.kind());
        assertEquals("Obligation coming due: Annual report", p.title());
        assertEquals("Owed by the partner under clause 7.2, due 2027-03-01. Its preparation starts now (30 days "
                + "ahead).", p.body());
        assertEquals("Owed by the partner under clause 7.2, due 2027-03-01.", p.partnerBody());
        assertEquals("/alliances/ONC-HELIX", p.link());
        assertEquals(List.of("alex", "tara"), NotificationRules.obligationDue(o, 30, "alex", "tara", null).stream()
                .map(Planned::recipient).toList());
    }

    @Test
    void anObligationComingDueReachesTheTeamOfTheSprintItsWorkIsInEachPersonOnce() {
        NotificationRules.Obligation o = new NotificationRules.Obligation("o1", "ONC-HELIX", "Annual report", null,
                "US", "2027-03-01");
        assertEquals(List.of("alex", "tara", "nora"), NotificationRules.obligationDue(o, 30, "alex", "tara",
                List.of("nora", "tara", "user:alex")).stream().map(Planned::recipient).toList());
        assertEquals(List.of("alex", "nora"), NotificationRules.obligationMissed("ONC-HELIX", "x", "2027-01-31",
                "alex", null, List.of("nora")).stream().map(Planned::recipient).toList());
    }

    @Test
    void aMissedObligationIsAJointFactForItsOwnersAndNobodyUnknownHearsOfIt() {
        List<Planned> planned = NotificationRules.obligationMissed("ONC-HELIX", "Milestone payment", "2027-01-31",
                "alex", "priya", List.of());
        assertEquals(List.of("alex", "priya"), planned.stream().map(Planned::recipient).toList());
        assertTrue(planned.stream().allMatch(p -> p.kind() == NotificationKind.OBLIGATION_MISSED
                && p.body().equals(p.partnerBody()) && p.body().equals("It was due 2027-01-31 and is not recorded "
                + "as met.")));
        // No manager known yet and no card holder (or a free-text name): nobody to tell.
        assertEquals(List.of(), NotificationRules.obligationMissed("ONC-HELIX", "x", "2027-01-31", null, null,
                List.of()));
        assertEquals(List.of(), NotificationRules.obligationDue(new NotificationRules.Obligation("o1", "A", "x", null,
                "US", "2027-01-31"), 5, "Dr. Jane Smith", "", List.of()));
    }

    @Test
    void obligationNewsOlderThanAWeekIsNotToldSoThatAReplayedTopicMailsNobody() {
        java.time.Instant now = java.time.Instant.parse("2026-12-06T10:00:00Z");
        assertTrue(NotificationRules.staleObligationNews(now.minus(Duration.ofDays(8)), now));
        assertFalse(NotificationRules.staleObligationNews(now.minus(Duration.ofDays(6)), now));
        assertFalse(NotificationRules.staleObligationNews(null, now), "no time known: told");
    }

    @Test
    void aNewOccurrenceOfAnObligationStartsWithoutTheLastCardHolder() {
        ObligationWork w = new ObligationWork();
        w.workOn("item-1", "A");
        w.heldBy("priya");
        w.workOn("item-1", "A");
        assertEquals("priya", w.assignee, "an update of the same item keeps its holder");
        w.workOn("item-2", "A");
        assertNull(w.assignee);
    }

    @Test
    void backoffDoublesUpToFiveMinutes() {
        assertEquals(Duration.ofSeconds(1), OutgoingMail.backoff(1));
        assertEquals(Duration.ofSeconds(8), OutgoingMail.backoff(4));
        assertEquals(Duration.ofMinutes(5), OutgoingMail.backoff(30));
    }
}
