package io.entente.notification;

import io.entente.events.DomainEvent;
import io.entente.events.decision.DecisionEvent.DecisionDecided;
import io.entente.events.decision.DecisionEvent.DecisionEscalated;
import io.entente.events.decision.DecisionEvent.DecisionOpened;
import io.entente.events.decision.DecisionEvent.DecisionRiskChanged;
import io.entente.events.governance.MeetingEvent.ActionItemRaised;
import io.entente.events.sprint.SprintEvent.BoardItemAssigned;
import io.entente.notification.domain.OutgoingMail;
import io.entente.notification.service.MailRelay;
import io.entente.platform.messaging.EventConsumer;
import io.entente.platform.testing.TestEvents;
import io.entente.platform.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each rule over the real broker and a real SMTP server: the expected notifications and mails, exactly once, and
 * mail that waits out an SMTP outage.
 */
@QuarkusTest
class NotificationFlowTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    MailRelay relay;
    @Inject
    EventConsumer consumer;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    record Setup(String alliance, String driver, String approver, String outsider) {
        String token(String user) {
            return TestTokens.user(user).roles("team-member").alliances(user.equals(outsider) ? "ELSEWHERE" : alliance)
                    .email(user + "@entente.test").sign();
        }
    }

    /** An alliance and three users who have each opened the app once (so the service knows their addresses). */
    Setup setup() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toLowerCase(Locale.ROOT);
        Setup s = new Setup("N-" + suffix.toUpperCase(Locale.ROOT), "drv-" + suffix, "apr-" + suffix,
                "out-" + suffix);
        for (String user : List.of(s.driver(), s.approver(), s.outsider())) {
            unread(s.token(user));
        }
        return s;
    }

    static int unread(String token) {
        return given().auth().oauth2(token).get("/api/notifications/unread-count").then().statusCode(200)
                .extract().path("unread");
    }

    void publish(DomainEvent... events) {
        try (TestEvents out = new TestEvents(bootstrap, "/entente/test")) {
            for (DomainEvent e : events) {
                out.publish(e);
            }
        }
    }

    static DecisionOpened opened(Setup s, String id, String title, String approver) {
        return new DecisionOpened(id, s.alliance(), title, "Which dose?", null, List.of(), "JSC",
                LocalDate.of(2027, 1, 15), 14, s.driver(), approver, "internal", null);
    }

    static String text(MimeMessage mail, String type) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            var part = parts.getBodyPart(i);
            if (part.isMimeType("multipart/*")) {
                Multipart inner = (Multipart) part.getContent();
                for (int j = 0; j < inner.getCount(); j++) {
                    if (inner.getBodyPart(j).isMimeType(type)) {
                        return inner.getBodyPart(j).getContent().toString();
                    }
                }
            }
            if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    @Test
    void atRiskTellsDriverAndApproverOnceEachInTheAppAndByMail() throws Exception {
        Setup s = setup();
        String decision = UUID.randomUUID().toString();
        String title = "Dose choice " + s.alliance();
        UUID eventId = UUID.randomUUID();
        long duplicatesBefore = consumer.stats().duplicates();
        try (TestEvents out = new TestEvents(bootstrap, "/entente/decision-service")) {
            out.publish(opened(s, decision, title, "user:" + s.approver()));
            out.publish(eventId, new DecisionRiskChanged(decision, s.alliance(), "ON_TRACK", "AT_RISK",
                    "Prep behind"));
            out.publish(eventId, new DecisionRiskChanged(decision, s.alliance(), "ON_TRACK", "AT_RISK",
                    "Prep behind"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.stats().duplicates() > duplicatesBefore
                && unread(s.token(s.driver())) == 1 && unread(s.token(s.approver())) == 1);

        given().auth().oauth2(s.token(s.driver())).get("/api/notifications").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].kind", equalTo("DECISION_AT_RISK"))
                .body("items[0].link", equalTo("/decisions/" + decision))
                .body("items[0].allianceId", equalTo(s.alliance()));

        relay.sendDue();
        List<MimeMessage> mails = GreenMailResource.mailsAbout(title);
        assertEquals(2, mails.size());
        List<String> to = mails.stream().map(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).sorted().toList();
        assertEquals(List.of(s.approver() + "@entente.test", s.driver() + "@entente.test"), to);
        String plain = text(mails.get(0), "text/plain");
        String html = text(mails.get(0), "text/html");
        assertTrue(plain.contains("http://localhost:8080/decisions/" + decision), plain);
        assertTrue(plain.contains("unsubscribe=DECISION_AT_RISK"), plain);
        assertTrue(html.contains("href=\"http://localhost:8080/decisions/" + decision + "\""), html);
        assertTrue(html.contains("unsubscribe=DECISION_AT_RISK"), html);

        // Sent is sent: another pass sends nothing more.
        relay.sendDue();
        assertEquals(2, GreenMailResource.mailsAbout(title).size());

        // Back on track tells nobody; overdue is news again.
        publish(new DecisionRiskChanged(decision, s.alliance(), "AT_RISK", "ON_TRACK", null),
                new DecisionRiskChanged(decision, s.alliance(), "ON_TRACK", "OVERDUE", "Past due"));
        await().atMost(Duration.ofSeconds(30)).until(() -> unread(s.token(s.driver())) == 2);
        // The test clock stands still: both notifications share a time, so which one lists first is not the point.
        given().auth().oauth2(s.token(s.driver())).get("/api/notifications").then()
                .body("items", hasSize(2))
                .body("items.kind", containsInAnyOrder("DECISION_AT_RISK", "DECISION_OVERDUE"));
    }

    @Test
    void nobodyHearsAboutAnAllianceTheyAreNotIn() {
        Setup s = setup();
        String decision = UUID.randomUUID().toString();
        String title = "Escalated " + s.alliance();
        publish(opened(s, decision, title, "user:" + s.outsider()),
                new DecisionEscalated(decision, s.alliance(), "JDC", "JSC", 1, "Stuck", LocalDate.of(2027, 2, 1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> unread(s.token(s.driver())) == 1);
        assertEquals(0, unread(s.token(s.outsider())));
        // Even a token that later shows the alliance finds nothing: the outsider was never told.
        String joined = TestTokens.user(s.outsider()).roles("team-member").alliances(s.alliance()).sign();
        assertEquals(0, unread(joined));

        relay.sendDue();
        List<MimeMessage> mails = GreenMailResource.mailsAbout(title);
        assertEquals(1, mails.size());
    }

    @Test
    void decidedTellsPeopleNotCommittees() {
        Setup s = setup();
        String decision = UUID.randomUUID().toString();
        publish(opened(s, decision, "Decided " + s.alliance(), "body:JSC"),
                new DecisionDecided(decision, s.alliance(), "A", "Safety", Instant.parse("2026-11-23T10:00:00Z"),
                        s.approver(), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> unread(s.token(s.driver())) == 1);
        given().auth().oauth2(s.token(s.driver())).get("/api/notifications").then()
                .body("items[0].kind", equalTo("DECISION_DECIDED"));
    }

    @Test
    void assignmentsTellTheAssignee() {
        Setup s = setup();
        String item = UUID.randomUUID().toString();
        String meeting = UUID.randomUUID().toString();
        publish(new BoardItemAssigned(UUID.randomUUID().toString(), item, s.alliance(), s.approver()),
                new ActionItemRaised(meeting, s.alliance(), UUID.randomUUID().toString(), "Send the CMC data",
                        "user:" + s.approver(), LocalDate.of(2027, 1, 10)));
        await().atMost(Duration.ofSeconds(30)).until(() -> unread(s.token(s.approver())) == 2);
        given().auth().oauth2(s.token(s.approver())).get("/api/notifications").then()
                .body("items.kind", containsInAnyOrder("CARD_ASSIGNED", "ACTION_ITEM_ASSIGNED"))
                .body("items.link", containsInAnyOrder("/items/" + item, "/meetings/" + meeting));
        assertEquals(0, unread(s.token(s.driver())));
    }

    @Test
    void offStopsTheNextOneAndReadMarksDown() {
        Setup s = setup();
        String driver = s.token(s.driver());
        given().auth().oauth2(driver).contentType(ContentType.JSON)
                .body("{\"preferences\":[{\"kind\":\"DECISION_ESCALATED\",\"mode\":\"OFF\"}]}")
                .put("/api/notification-preferences").then().statusCode(200)
                .body("preferences.find { it.kind == 'DECISION_ESCALATED' }.mode", equalTo("OFF"))
                .body("preferences.find { it.kind == 'DECISION_AT_RISK' }.mode", equalTo("IMMEDIATE"));
        String decision = UUID.randomUUID().toString();
        publish(opened(s, decision, "Pref " + s.alliance(), "user:" + s.approver()),
                new DecisionEscalated(decision, s.alliance(), "JDC", "JSC", 1, "Stuck", null),
                new DecisionRiskChanged(decision, s.alliance(), "ON_TRACK", "AT_RISK", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> unread(s.token(s.approver())) == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> unread(driver) == 1);
        String id = given().auth().oauth2(driver).get("/api/notifications").then()
                .body("items", hasSize(1)).body("items[0].kind", equalTo("DECISION_AT_RISK"))
                .extract().path("items[0].id");

        given().auth().oauth2(driver).post("/api/notifications/" + id + "/read").then().statusCode(200)
                .body("readAt", org.hamcrest.Matchers.notNullValue());
        assertEquals(0, unread(driver));
        // Another user's notification is not found, like a missing one.
        given().auth().oauth2(s.token(s.approver())).post("/api/notifications/" + id + "/read").then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(s.token(s.approver())).post("/api/notifications/read-all").then().statusCode(200)
                .body("unread", equalTo(0));
        given().auth().oauth2(driver).contentType(ContentType.JSON).body("{\"preferences\":[{\"kind\":\"LOUD\"}]}")
                .put("/api/notification-preferences").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void smtpDownDelaysMailAndSendsItOnceWhenBack() {
        Setup s = setup();
        String decision = UUID.randomUUID().toString();
        String title = "Outage " + s.alliance();
        publish(opened(s, decision, title, "body:JSC"),
                new DecisionRiskChanged(decision, s.alliance(), "ON_TRACK", "AT_RISK", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> unread(s.token(s.driver())) == 1);

        GreenMailResource.down();
        try {
            relay.sendDue();
            OutgoingMail mail = mailTo(s.driver());
            assertEquals(1, mail.attempts);
            assertTrue(mail.sentAt == null && mail.nextAttemptAt.isAfter(TestClock.CLOCK.instant()));
        } finally {
            GreenMailResource.up();
        }
        // Not due yet: the backoff holds it even though the server is back.
        relay.sendDue();
        assertEquals(0, GreenMailResource.mailsAbout(title).size());

        TestClock.CLOCK.set(TestClock.CLOCK.instant().plusSeconds(5));
        relay.sendDue();
        relay.sendDue();
        assertEquals(1, GreenMailResource.mailsAbout(title).size());
        assertTrue(mailTo(s.driver()).sentAt != null);
    }

    static OutgoingMail mailTo(String user) {
        return QuarkusTransaction.requiringNew().call(() -> OutgoingMail.<OutgoingMail>find("recipient", user)
                .firstResult());
    }
}
