package io.entente.notification;

import io.entente.events.backlog.AllianceEvent.AllianceRegistered;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemCreated;
import io.entente.events.backlog.ObligationEvent.ObligationDue;
import io.entente.events.backlog.ObligationEvent.ObligationMissed;
import io.entente.events.sprint.SprintEvent.BoardItemAssigned;
import io.entente.events.sprint.SprintEvent.CarriedItem;
import io.entente.events.sprint.SprintEvent.ItemCommittedToSprint;
import io.entente.events.sprint.SprintEvent.SprintClosed;
import io.entente.events.sprint.SprintEvent.SprintPlanned;
import io.entente.notification.domain.AllianceRef;
import io.entente.notification.domain.ObligationWork;
import io.entente.notification.domain.SprintCrew;
import io.entente.notification.service.MailRelay;
import io.entente.platform.messaging.EventConsumer;
import io.entente.platform.testing.TestEvents;
import io.entente.platform.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Obligations over the real broker and SMTP server: the alliance's manager (from the alliance events) hears when an
 * obligation comes due and when it is missed, the holder of its work item's board card (from the backlog and sprint
 * events) when it is missed; a partner member of the alliance hears nothing, and a redelivery changes nothing.
 */
@QuarkusTest
class ObligationFlowTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    MailRelay relay;
    @Inject
    EventConsumer consumer;

    record People(String alliance, String manager, String holder, String partner) {
        String token(String user) {
            var token = TestTokens.user(user).alliances(alliance).email(user + "@entente.test");
            return (user.equals(partner) ? token.roles("partner") : user.equals(manager)
                    ? token.roles("alliance-manager") : token.roles("team-member")).sign();
        }
    }

    static List<String> kinds(People p, String user) {
        return given().auth().oauth2(p.token(user)).get("/api/notifications").then().statusCode(200)
                .extract().jsonPath().getList("items.kind", String.class);
    }

    @Test
    void theManagerHearsWhenItComesDueAndTheManagerAndCardHolderWhenItIsMissed() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toLowerCase(Locale.ROOT);
        People p = new People("O-" + suffix.toUpperCase(Locale.ROOT), "man-" + suffix, "hol-" + suffix,
                "par-" + suffix);
        for (String user : List.of(p.manager(), p.holder(), p.partner())) {
            MoreRulesFlowTest.unread(p.token(user));
        }
        String obligation = UUID.randomUUID().toString();
        String item = UUID.randomUUID().toString();
        String title = "Annual report " + p.alliance();
        LocalDate due = LocalDate.of(2027, 3, 1);

        try (TestEvents backlog = new TestEvents(bootstrap, "/entente/backlog-service")) {
            backlog.publish(new AllianceRegistered(p.alliance(), "Helix " + suffix, "Partner Co", "CO_DEVELOPMENT", 1,
                    "EXECUTION", 4, 3, p.manager(), LocalDate.of(2025, 1, 15)));
            backlog.publish(new BacklogItemCreated(item, p.alliance(), "Receive " + title + " (7.2)", "Owed by partner",
                    "CONTRACTS", "OBLIGATION", null, due, "NEW", "a0", "obligation:" + obligation));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            AllianceRef a = AllianceRef.findById(p.alliance());
            return a != null && p.manager().equals(a.manager) && ObligationWork.findById(obligation) != null;
        }));

        long duplicatesBefore = consumer.stats().duplicates();
        UUID dueEvent = UUID.randomUUID();
        ObligationDue comingDue = new ObligationDue(obligation, p.alliance(), title, "7.2", "REPORT", "PARTNER", due,
                30);
        try (TestEvents backlog = new TestEvents(bootstrap, "/entente/backlog-service")) {
            backlog.publish(dueEvent, comingDue);
            backlog.publish(dueEvent, comingDue);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.stats().duplicates() > duplicatesBefore
                && kinds(p, p.manager()).contains("OBLIGATION_DUE"));
        given().auth().oauth2(p.token(p.manager())).get("/api/notifications").then()
                .body("items", hasSize(1))
                .body("items[0].title", equalTo("Obligation coming due: " + title))
                .body("items[0].body", equalTo("Owed by the partner under clause 7.2, due 2027-03-01. Its preparation "
                        + "starts now (30 days ahead)."))
                .body("items[0].link", equalTo("/alliances/" + p.alliance()));

        try (TestEvents sprint = new TestEvents(bootstrap, "/entente/sprint-service")) {
            sprint.publish(new BoardItemAssigned(UUID.randomUUID().toString(), item, p.alliance(), p.holder()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            ObligationWork w = ObligationWork.findById(obligation);
            return w != null && Objects.equals(p.holder(), w.assignee);
        }));

        UUID missedEvent = UUID.randomUUID();
        ObligationMissed missed = new ObligationMissed(obligation, p.alliance(), title, due);
        try (TestEvents backlog = new TestEvents(bootstrap, "/entente/backlog-service")) {
            backlog.publish(missedEvent, missed);
            backlog.publish(missedEvent, missed);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> kinds(p, p.manager()).size() == 2
                && kinds(p, p.holder()).contains("OBLIGATION_MISSED"));
        given().auth().oauth2(p.token(p.manager())).get("/api/notifications").then()
                .body("items.kind", containsInAnyOrder("OBLIGATION_DUE", "OBLIGATION_MISSED"));
        given().auth().oauth2(p.token(p.holder())).get("/api/notifications").then()
                .body("items.kind", containsInAnyOrder("CARD_ASSIGNED", "OBLIGATION_MISSED"));
        // A partner member of the alliance is no owner of it, whoever owes it.
        assertEquals(0, MoreRulesFlowTest.unread(p.token(p.partner())));

        relay.sendDue();
        List<MimeMessage> mails = GreenMailResource.mailsAbout(title);
        assertEquals(3, mails.size(), "due to the manager, missed to manager and holder, redeliveries absorbed");
        for (MimeMessage mail : mails) {
            String to = mail.getAllRecipients()[0].toString();
            assertFalse(to.startsWith(p.partner()), to);
            String text = NotificationFlowTest.text(mail, "text/plain");
            assertTrue(text.contains("/alliances/" + p.alliance()), text);
        }
    }

    /**
     * The team working the sprint that holds the obligation's work item hears when it comes due; once the item has
     * gone back to the backlog with the sprint's close, the team is no longer its owner and hears nothing more.
     */
    @Test
    void theTeamOfTheSprintTheWorkIsInHearsUntilTheWorkLeavesTheSprint() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toLowerCase(Locale.ROOT);
        People p = new People("T-" + suffix.toUpperCase(Locale.ROOT), "man-" + suffix, "crew1-" + suffix,
                "par-" + suffix);
        String crewmate = "crew2-" + suffix;
        for (String user : List.of(p.manager(), p.holder(), crewmate)) {
            MoreRulesFlowTest.unread(p.token(user));
        }
        String obligation = UUID.randomUUID().toString();
        String item = UUID.randomUUID().toString();
        String sprintId = UUID.randomUUID().toString();
        String title = "Safety data exchange " + p.alliance();
        LocalDate due = LocalDate.of(2027, 4, 1);

        try (TestEvents backlog = new TestEvents(bootstrap, "/entente/backlog-service")) {
            backlog.publish(new AllianceRegistered(p.alliance(), "Tern " + suffix, "Partner Co", "CO_DEVELOPMENT", 1,
                    "EXECUTION", 4, 3, p.manager(), LocalDate.of(2025, 1, 15)));
            backlog.publish(new BacklogItemCreated(item, p.alliance(), "Send " + title, "Owed by us", "CONTRACTS",
                    "OBLIGATION", null, due, "NEW", "a0", "obligation:" + obligation));
        }
        try (TestEvents sprint = new TestEvents(bootstrap, "/entente/sprint-service")) {
            sprint.publish(new SprintPlanned(sprintId, "team-" + suffix, "Contracts", "Sprint 9", "Close Q1",
                    LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 12), 30, List.of(p.holder(), crewmate)));
            sprint.publish(new ItemCommittedToSprint(sprintId, item, p.alliance(), 3, false));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            ObligationWork w = ObligationWork.findById(obligation);
            AllianceRef a = AllianceRef.findById(p.alliance());
            return a != null && w != null && sprintId.equals(w.sprintId) && SprintCrew.of(sprintId).size() == 2;
        }));

        try (TestEvents backlog = new TestEvents(bootstrap, "/entente/backlog-service")) {
            backlog.publish(new ObligationDue(obligation, p.alliance(), title, null, "REPORT", "US", due, 30));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> kinds(p, p.manager()).contains("OBLIGATION_DUE")
                && kinds(p, p.holder()).contains("OBLIGATION_DUE") && kinds(p, crewmate).contains("OBLIGATION_DUE"));

        try (TestEvents sprint = new TestEvents(bootstrap, "/entente/sprint-service")) {
            sprint.publish(new SprintClosed(sprintId, "team-" + suffix, 3, 0,
                    List.of(new CarriedItem(item, p.alliance(), "BACKLOG", null)), Instant.now()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(
                () -> ObligationWork.<ObligationWork>findById(obligation).sprintId == null));
        try (TestEvents backlog = new TestEvents(bootstrap, "/entente/backlog-service")) {
            backlog.publish(new ObligationMissed(obligation, p.alliance(), title, due));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> kinds(p, p.manager()).contains("OBLIGATION_MISSED"));
        assertEquals(List.of("OBLIGATION_DUE"), kinds(p, p.holder()));
        assertEquals(List.of("OBLIGATION_DUE"), kinds(p, crewmate));
    }
}
