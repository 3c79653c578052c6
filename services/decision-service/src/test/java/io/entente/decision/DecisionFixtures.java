package io.entente.decision;

import io.entente.events.backlog.AllianceEvent.AllianceRegistered;
import io.entente.platform.testing.TestEvents;
import io.entente.platform.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Shared steps: alliances announced over the broker as the backlog would, tokens, request bodies. */
final class DecisionFixtures {

    static final String ADMIN = TestTokens.user("admin").roles("admin").sign();
    private static final Set<String> REGISTERED = ConcurrentHashMap.newKeySet();

    private DecisionFixtures() {
    }

    static String manager(String... alliances) {
        return TestTokens.user("alex").roles("alliance-manager").alliances(alliances).sign();
    }

    static String stakeholder(String... alliances) {
        return TestTokens.user("sven").roles("stakeholder").alliances(alliances).sign();
    }

    static String teamMember(String... alliances) {
        return TestTokens.user("tara").roles("team-member").alliances(alliances).sign();
    }

    /** Publishes AllianceRegistered as the backlog service would and waits until this service knows it. */
    static void registerAlliance(String bootstrap, String allianceId) {
        if (!REGISTERED.add(allianceId)) {
            return;
        }
        try (TestEvents events = new TestEvents(bootstrap, "/entente/backlog-service")) {
            events.publish(new AllianceRegistered(allianceId, "Test alliance " + allianceId, "Partner Co",
                    "CO_DEVELOPMENT", 1, "EXECUTION", 4, 3, "alex", LocalDate.of(2025, 1, 1)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(ADMIN)
                .get("/api/escalation-ladders/" + allianceId).statusCode() == 200);
    }

    static String body(String alliance, String title, LocalDate due, int leadTime) {
        return body(alliance, title, due, leadTime, "JSC", false);
    }

    static String body(String alliance, String title, LocalDate due, int leadTime, String governanceBody,
                       boolean draft) {
        return """
                {"allianceId":"%s","title":"%s","question":"Which dose do we take into phase 3?",
                 "context":"Phase 2b read-out in October",
                 "options":[{"key":"A","title":"Low dose","pros":"Safety margin","cons":"Weaker efficacy"},
                            {"key":"B","title":"High dose","pros":"Efficacy","cons":"Tox signal"}],
                 "governanceBody":"%s","dueDate":"%s","leadTimeDays":%d,"driver":"alex","approver":"user:alex",
                 "contributors":["user:tara"],"informed":["user:sven"],
                 "internalNotes":"We can accept B if Helix funds the extra tox study","draft":%s}"""
                .formatted(alliance, title, governanceBody, due, leadTime, draft);
    }

    static ValidatableResponse create(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/decisions").then();
    }

    static LocalDate today() {
        return TestClock.CLOCK.today();
    }
}
