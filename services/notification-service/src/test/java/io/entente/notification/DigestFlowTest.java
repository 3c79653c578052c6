package io.entente.notification;

import io.entente.events.decision.DecisionEvent.DecisionDecided;
import io.entente.events.decision.DecisionEvent.DecisionOpened;
import io.entente.notification.service.Digests;
import io.entente.notification.service.MailRelay;
import io.entente.platform.testing.TestEvents;
import io.entente.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The daily digest over the real broker, database and SMTP server: one mail per user and day, whoever runs it. */
@QuarkusTest
class DigestFlowTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    MailRelay relay;
    @Inject
    Digests digests;

    @Test
    void twoConcurrentRunsMailOneDigestWithEveryWaitingNotificationAndAnUnsubscribeLinkPerKind() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toLowerCase(Locale.ROOT);
        String alliance = "D-" + suffix.toUpperCase(Locale.ROOT);
        String user = "dig-" + suffix;
        String token = TestTokens.user(user).roles("team-member").alliances(alliance).email(user + "@entente.test")
                .sign();
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"preferences\":[{\"kind\":\"DECISION_DECIDED\",\"mode\":\"DIGEST\"}]}")
                .put("/api/notification-preferences").then().statusCode(200);
        List<String> titles = List.of("Dose " + alliance, "Vendor " + alliance);
        try (TestEvents out = new TestEvents(bootstrap, "/entente/decision-service")) {
            for (String title : titles) {
                String id = UUID.randomUUID().toString();
                out.publish(new DecisionOpened(id, alliance, title, "Which?", null, List.of(), "JSC",
                        LocalDate.of(2027, 1, 15), 14, "user:" + user, "body:JSC", null, null));
                out.publish(new DecisionDecided(id, alliance, "A", "Because", Instant.parse("2026-12-01T10:00:00Z"),
                        "gwen", null));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(token)
                .get("/api/notifications/unread-count").then().extract().<Integer>path("unread") == 2);
        // In the app at once; no mail of their own.
        relay.sendDue();
        assertEquals(0, GreenMailResource.mailsAbout(titles.get(0)).size());

        // Two replicas' schedulers fire at the same moment.
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> runs = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
            try {
                together.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return digests.runDaily();
        })).toList();
        int queued = runs.stream().mapToInt(CompletableFuture::join).sum();
        assertEquals(1, queued, "one digest queued between the two runs");
        assertEquals(0, digests.runDaily(), "a later run the same day queues nothing more");

        relay.sendDue();
        relay.sendDue();
        List<MimeMessage> mails = GreenMailResource.mailsAbout("Your daily digest");
        List<MimeMessage> mine = mails.stream().filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(user + "@entente.test");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertEquals(1, mine.size());
        String text = NotificationFlowTest.text(mine.get(0), "text/plain");
        String html = NotificationFlowTest.text(mine.get(0), "text/html");
        for (String title : titles) {
            assertTrue(text.contains(title) && html.contains(title), text);
        }
        assertTrue(text.contains("/notifications?unsubscribe=DECISION_DECIDED"), text);
        assertTrue(html.contains("/notifications?unsubscribe=DECISION_DECIDED"), html);
        assertTrue(text.contains("http://localhost:8080/decisions/"), text);
    }
}
