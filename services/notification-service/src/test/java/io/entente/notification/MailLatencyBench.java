package io.entente.notification;

import io.entente.events.governance.MeetingEvent.ActionItemRaised;
import io.entente.notification.service.MailRelay;
import io.entente.platform.testing.TestEvents;
import io.entente.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.HdrHistogram.Histogram;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The delay from an event to its mail in the SMTP server at 50 events/s for 30 s: events published to the real
 * broker, consumed by the service, stored with their outgoing mail, and sent by the relay on its production
 * schedule (every 2 s) to GreenMail. Each event is an action item for one user, so it owes exactly one mail.
 * Off by default (it takes about a minute): {@code -Dentente.bench.mail=true}; prints p50/p95/p99/max.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "entente.bench.mail", matches = "true")
class MailLatencyBench {

    static final int RATE = 50;
    static final int SECONDS = 30;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "entente.notification.mail.every")
    Duration relayEvery;
    @Inject
    MailRelay relay;

    @Test
    void eventToMailDelayAtFiftyEventsPerSecond() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toLowerCase(Locale.ROOT);
        String alliance = "B-" + suffix.toUpperCase(Locale.ROOT);
        String owner = "bench-" + suffix;
        given().auth().oauth2(TestTokens.user(owner).roles("team-member").alliances(alliance)
                .email(owner + "@entente.test").sign()).get("/api/notifications/unread-count").then().statusCode(200);

        int total = RATE * SECONDS;
        Map<String, Long> publishedAt = new ConcurrentHashMap<>();
        Map<String, Long> receivedAt = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(3);
        try (TestEvents out = new TestEvents(bootstrap, "/entente/governance-service")) {
            pool.scheduleAtFixedRate(() -> {
                int i = next.getAndIncrement();
                if (i >= total) {
                    return;
                }
                String marker = "bench " + suffix + " #" + i;
                publishedAt.put(marker, System.nanoTime());
                out.publish(new ActionItemRaised(UUID.randomUUID().toString(), alliance, UUID.randomUUID().toString(),
                        marker, "user:" + owner, LocalDate.of(2027, 1, 10)));
            }, 0, 1_000_000 / RATE, TimeUnit.MICROSECONDS);
            // The relay as it runs in production: one pass every entente.notification.mail.every.
            pool.scheduleWithFixedDelay(relay::sendDue, 0, relayEvery.toMillis(), TimeUnit.MILLISECONDS);
            // Notes when each mail is first seen in the SMTP server (to within 20 ms).
            pool.scheduleWithFixedDelay(() -> {
                long now = System.nanoTime();
                for (MimeMessage m : GreenMailResource.received()) {
                    try {
                        String subject = m.getSubject();
                        int at = subject.indexOf("bench " + suffix + " #");
                        if (at >= 0) {
                            receivedAt.putIfAbsent(subject.substring(at), now);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }, 0, 20, TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofSeconds(SECONDS + 120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> receivedAt.size() >= total);
        } finally {
            pool.shutdownNow();
        }

        Histogram delays = new Histogram(3_600_000L, 3);
        publishedAt.forEach((marker, sent) -> delays.recordValue(
                Math.max(0, TimeUnit.NANOSECONDS.toMillis(receivedAt.get(marker) - sent))));
        assertEquals(total, delays.getTotalCount());
        assertEquals(total, GreenMailResource.mailsAbout("bench " + suffix + " #").size(), "no mail sent twice");
        System.out.printf("%nevent-to-mail delay, %d events at %d/s (relay every %d ms): p50 %d ms, p95 %d ms, "
                        + "p99 %d ms, max %d ms%n%n", total, RATE, relayEvery.toMillis(),
                delays.getValueAtPercentile(50), delays.getValueAtPercentile(95), delays.getValueAtPercentile(99),
                delays.getMaxValue());
    }
}
