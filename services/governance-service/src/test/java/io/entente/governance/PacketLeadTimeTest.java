package io.entente.governance;

import io.entente.events.backlog.AllianceEvent.AllianceRegistered;
import io.entente.governance.service.PacketService;
import io.entente.platform.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scheduled packet comes earlier for a tier-1 alliance (ten days) than for a tier-3 one (five). */
@QuarkusTest
class PacketLeadTimeTest {

    static final String T1 = Fixtures.allianceKey("LT1");
    static final String T3 = Fixtures.allianceKey("LT3");
    static final String GWEN = TestTokens.user("gwen").roles("governance-ops").alliances(T1, T3).sign();

    @Inject
    PacketService packets;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void tierSetsHowEarlyThePacketIsDue() {
        TestClock.CLOCK.set(Instant.parse("2026-11-23T09:00:00Z"));
        Fixtures.publish(bootstrap, "/entente/backlog-service",
                new AllianceRegistered(T1, "Tier one", "Helix", "CO_DEVELOPMENT", 1, "EXECUTION", 5, 3, "alex",
                        LocalDate.of(2024, 3, 1)),
                new AllianceRegistered(T3, "Tier three", "Corvid", "LICENSING", 3, "EXECUTION", 2, 2, "alex",
                        LocalDate.of(2024, 3, 1)));
        // Without a cadence the body takes its tier's, so a 201 says the tier has arrived.
        String body1 = await().atMost(Duration.ofSeconds(30)).until(() ->
                Fixtures.createBody(GWEN, T1, "JSC", null), r -> r.statusCode() == 201).path("id");
        String body3 = await().atMost(Duration.ofSeconds(30)).until(() ->
                Fixtures.createBody(GWEN, T3, "JSC", null), r -> r.statusCode() == 201).path("id");
        // Both eight days ahead: inside tier 1's ten days, outside tier 3's five.
        UUID tier1 = meeting(body1, "2026-12-01T10:00:00Z");
        UUID tier3 = meeting(body3, "2026-12-01T10:00:00Z");
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> packets.dueForScheduledPacket(7));
        assertTrue(due.contains(tier1), "tier 1 is due ten days ahead");
        assertFalse(due.contains(tier3), "tier 3 is not due before five days ahead");

        TestClock.CLOCK.set(Instant.parse("2026-11-27T09:00:00Z"));
        try {
            assertTrue(QuarkusTransaction.requiringNew().call(() -> packets.dueForScheduledPacket(7))
                    .contains(tier3));
        } finally {
            TestClock.CLOCK.set(Instant.parse("2026-11-23T09:00:00Z"));
        }
    }

    static UUID meeting(String body, String startsAt) {
        return UUID.fromString(given().auth().oauth2(GWEN).contentType(ContentType.JSON)
                .body(Fixtures.meeting(body, "JSC " + startsAt, startsAt, "Europe/Zurich"))
                .post("/api/meetings").then().statusCode(201).extract().path("id"));
    }
}
