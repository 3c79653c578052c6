package io.entente.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
    void backoffDoublesUpToFiveMinutes() {
        assertEquals(Duration.ofSeconds(1), OutgoingMail.backoff(1));
        assertEquals(Duration.ofSeconds(8), OutgoingMail.backoff(4));
        assertEquals(Duration.ofMinutes(5), OutgoingMail.backoff(30));
    }
}
