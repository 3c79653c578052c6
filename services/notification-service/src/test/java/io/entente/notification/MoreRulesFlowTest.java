package io.entente.notification;

import io.entente.events.DomainEvent;
import io.entente.events.decision.DecisionEvent.DecisionDecided;
import io.entente.events.decision.DecisionEvent.DecisionOpened;
import io.entente.events.decision.DecisionEvent.DecisionRiskChanged;
import io.entente.events.governance.MeetingEvent.Invitee;
import io.entente.events.governance.MeetingEvent.MeetingScheduled;
import io.entente.events.governance.MeetingEvent.MinutesApproved;
import io.entente.events.governance.MeetingEvent.PacketGenerated;
import io.entente.events.governance.MeetingEvent.PulseInvitee;
import io.entente.events.governance.MeetingEvent.PulseSurveyIssued;
import io.entente.notification.service.MailRelay;
import io.entente.platform.testing.TestEvents;
import io.entente.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
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
 * The rules beyond driver and approver, over the real broker and SMTP server: contributors and informed people,
 * packets and minutes to the attendees, and what the partner company's people may hear.
 */
@QuarkusTest
class MoreRulesFlowTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    MailRelay relay;

    record People(String alliance, String ours, String contributor, String informed, String partner) {
        String token(String user) {
            var token = TestTokens.user(user).alliances(alliance).email(user + "@entente.test");
            return (user.equals(partner) ? token.roles("partner") : token.roles("team-member")).sign();
        }
    }

    People people() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toLowerCase(Locale.ROOT);
        People p = new People("M-" + suffix.toUpperCase(Locale.ROOT), "our-" + suffix, "con-" + suffix,
                "inf-" + suffix, "par-" + suffix);
        for (String user : List.of(p.ours(), p.contributor(), p.informed(), p.partner())) {
            unread(p.token(user));
        }
        return p;
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

    @Test
    void contributorsHearOfRiskAndOutcomeInformedPeopleOnlyOfTheOutcomeAndAPartnerNeverOfRisk() throws Exception {
        People p = people();
        String decision = UUID.randomUUID().toString();
        String title = "Supply deal " + p.alliance();
        publish(new DecisionOpened(decision, p.alliance(), title, "Which supplier?", null, List.of(), "JSC",
                        LocalDate.of(2027, 1, 15), 14, "user:" + p.ours(), "body:JSC", "walk away below 4M", null,
                        List.of("user:" + p.contributor(), "user:" + p.partner()), List.of("user:" + p.informed())),
                new DecisionRiskChanged(decision, p.alliance(), "ON_TRACK", "AT_RISK", "prep late; none in a sprint"),
                new DecisionDecided(decision, p.alliance(), "A", "Best terms", Instant.parse("2026-12-01T10:00:00Z"),
                        "gwen", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> unread(p.token(p.informed())) == 1
                && unread(p.token(p.ours())) == 2 && unread(p.token(p.contributor())) == 2);
        given().auth().oauth2(p.token(p.contributor())).get("/api/notifications").then()
                .body("items.kind", containsInAnyOrder("DECISION_AT_RISK", "DECISION_DECIDED"));
        given().auth().oauth2(p.token(p.informed())).get("/api/notifications").then()
                .body("items.kind", containsInAnyOrder("DECISION_DECIDED"));
        // The partner contributor hears of the outcome, never of the risk.
        assertEquals(1, unread(p.token(p.partner())));
        given().auth().oauth2(p.token(p.partner())).get("/api/notifications").then()
                .body("items", hasSize(1)).body("items[0].kind", equalTo("DECISION_DECIDED"));

        relay.sendDue();
        List<MimeMessage> mails = GreenMailResource.mailsAbout(title);
        assertEquals(6, mails.size(), "ours 2, contributor 2, informed 1, partner 1");
        for (MimeMessage mail : mails) {
            if (mail.getAllRecipients()[0].toString().startsWith(p.partner())) {
                String text = NotificationFlowTest.text(mail, "text/plain");
                assertTrue(mail.getSubject().contains("Decision taken"), mail.getSubject());
                assertFalse(text.contains("prep late") || text.contains("walk away"), text);
            }
        }
    }

    @Test
    void eachPacketVersionAndTheMinutesReachTheAttendeesWithThePartnerEditionsChanges() throws Exception {
        People p = people();
        String meeting = UUID.randomUUID().toString();
        String title = "JSC " + p.alliance();
        List<Invitee> invitees = List.of(new Invitee(p.ours(), "US"), new Invitee(p.partner(), "PARTNER"),
                new Invitee("Dr. Jones", "US"));
        UUID v2 = UUID.randomUUID();
        try (TestEvents out = new TestEvents(bootstrap, "/entente/governance-service")) {
            out.publish(new MeetingScheduled(meeting, p.alliance(), UUID.randomUUID().toString(), "JSC", title,
                    OffsetDateTime.parse("2027-01-20T09:00:00+01:00"), "Europe/Berlin"));
            out.publish(new PacketGenerated(meeting, p.alliance(), 1, Instant.parse("2026-12-01T10:00:00Z"),
                    invitees, List.of(), List.of()));
            PacketGenerated second = new PacketGenerated(meeting, p.alliance(), 2,
                    Instant.parse("2026-12-02T10:00:00Z"), invitees, List.of("risks: 1 added", "decisions: 1 changed"),
                    List.of("decisions: 1 changed"));
            out.publish(v2, second);
            out.publish(v2, second);
            out.publish(new MinutesApproved(meeting, p.alliance(), Instant.parse("2026-12-03T10:00:00Z"), "gwen",
                    invitees));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> unread(p.token(p.ours())) == 3
                && unread(p.token(p.partner())) == 3);
        given().auth().oauth2(p.token(p.ours())).get("/api/notifications").then()
                .body("items.title", containsInAnyOrder("Packet published: " + title, "Packet version 2: " + title,
                        "Minutes approved: " + title))
                .body("items.body", org.hamcrest.Matchers.hasItem(
                        "Changed since version 1: risks: 1 added; decisions: 1 changed."))
                .body("items.link", org.hamcrest.Matchers.everyItem(equalTo("/meetings/" + meeting)));
        given().auth().oauth2(p.token(p.partner())).get("/api/notifications").then()
                .body("items.body", org.hamcrest.Matchers.hasItem("Changed since version 1: decisions: 1 changed."))
                .body("items.body", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(
                        org.hamcrest.Matchers.containsString("risks"))));

        relay.sendDue();
        assertEquals(6, GreenMailResource.mailsAbout(title).size());
        for (MimeMessage mail : GreenMailResource.mailsAbout("Packet version 2: " + title)) {
            String text = NotificationFlowTest.text(mail, "text/plain");
            boolean partner = mail.getAllRecipients()[0].toString().startsWith(p.partner());
            assertEquals(!partner, text.contains("risks: 1 added"), text);
            assertTrue(text.contains("/meetings/" + meeting), text);
        }
    }

    @Test
    void theSurveyAfterAMeetingReachesEachInviteeWithALoginAndLeadsToTheMeetingNotToTheLink() throws Exception {
        People p = people();
        String meeting = UUID.randomUUID().toString();
        String title = "Pulse JSC " + p.alliance();
        PulseSurveyIssued issued = new PulseSurveyIssued(meeting, p.alliance(), title,
                Instant.parse("2027-01-10T00:00:00Z"), List.of(
                        new PulseInvitee(UUID.randomUUID().toString(), "Our Lead", p.ours() + "@entente.test", p.ours(),
                                "US"),
                        new PulseInvitee(UUID.randomUUID().toString(), "Their Lead", p.partner() + "@partner.test",
                                p.partner(), "PARTNER"),
                        new PulseInvitee(UUID.randomUUID().toString(), "Dr. Jones", "jones@partner.test", null,
                                "PARTNER")));
        UUID id = UUID.randomUUID();
        try (TestEvents out = new TestEvents(bootstrap, "/entente/governance-service")) {
            out.publish(id, issued);
            out.publish(id, issued);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> unread(p.token(p.ours())) == 1
                && unread(p.token(p.partner())) == 1);
        given().auth().oauth2(p.token(p.partner())).get("/api/notifications").then()
                .body("items", hasSize(1)).body("items[0].kind", equalTo("PULSE_SURVEY"))
                .body("items[0].link", equalTo("/meetings/" + meeting))
                .body("items[0].body", org.hamcrest.Matchers.containsString("open until 2027-01-10"));

        relay.sendDue();
        assertEquals(2, GreenMailResource.mailsAbout(title).size(), "one each, the redelivery absorbed");
    }
}
