package io.entente.sprint;

import io.entente.events.DomainEvent;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemCreated;
import io.entente.platform.testing.TestEvents;
import io.entente.platform.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.persistence.EntityManager;
import io.quarkus.arc.Arc;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Tokens, backlog items arriving over the broker, and teams and sprints made through the API. */
final class Fixtures {

    static final String ADMIN = TestTokens.user("admin").roles("admin").sign();
    /** Team member of Helix, Quantia and Aster, as in the demo realm. */
    static final String TARA = TestTokens.user("tara").name("Tara Singh").roles("team-member")
            .alliances("ONC-HELIX", "CDX-QUANTIA", "DTX-ASTER").sign();
    /** Team member of Corvid only. */
    static final String NORA = TestTokens.user("nora").name("Nora Haddad").roles("team-member")
            .alliances("LIC-CORVID").sign();
    static final String GWEN = TestTokens.user("gwen").roles("governance-ops")
            .alliances("ONC-HELIX", "CMB-NORVANE", "CDX-QUANTIA", "DTX-ASTER", "LIC-CORVID").sign();
    static final String ALEX = TestTokens.user("alex").roles("alliance-manager")
            .alliances("ONC-HELIX", "CMB-NORVANE", "CDX-QUANTIA").sign();
    static final String SVEN = TestTokens.user("sven").roles("stakeholder").alliances("ONC-HELIX", "CMB-NORVANE")
            .sign();

    private Fixtures() {
    }

    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A team of tara (1 point/day) and nora (0.5 point/day) covering Helix, Quantia and Corvid. */
    static String team(String name, Map<String, Integer> wipLimits) {
        Map<String, Object> body = teamBody(name, List.of("GOVERNANCE", "CONTRACTS"),
                List.of("ONC-HELIX", "CDX-QUANTIA", "LIC-CORVID"), wipLimits);
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body)
                .when().post("/api/teams").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> teamBody(String name, List<String> disciplines, List<String> alliances,
                                        Map<String, Integer> wipLimits) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", "Meeting preparation and follow-up across alliances");
        body.put("disciplines", disciplines);
        body.put("alliances", alliances);
        body.put("members", List.of(
                Map.of("userId", "tara", "displayName", "Tara Singh", "role", "LEAD", "pointsPerDay", 1.0),
                Map.of("userId", "nora", "displayName", "Nora Haddad", "role", "MEMBER", "pointsPerDay", 0.5)));
        if (wipLimits != null) {
            body.put("wipLimits", wipLimits);
        }
        return body;
    }

    /** Plans a sprint as admin; 2026-11-23 to 2026-12-04 has 10 working days, so capacity 10 + 5 = 15. */
    static String sprint(String teamId, LocalDate start, LocalDate end) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("teamId", teamId, "name", unique("Sprint"), "goal", "JSC packet out on time",
                        "startDate", start.toString(), "endDate", end.toString()))
                .when().post("/api/sprints").then().statusCode(201).extract().path("id");
    }

    static String sprint(String teamId) {
        return sprint(teamId, LocalDate.of(2026, 11, 23), LocalDate.of(2026, 12, 4));
    }

    static String etag(String path, String token) {
        return given().auth().oauth2(token).when().get(path).then().statusCode(200).extract().header("ETag");
    }

    static void start(String sprintId) {
        given().auth().oauth2(ADMIN).header("If-Match", etag("/api/sprints/" + sprintId, ADMIN))
                .contentType(ContentType.JSON).body(Map.of("state", "ACTIVE"))
                .when().put("/api/sprints/" + sprintId + "/state").then().statusCode(200);
    }

    static ValidatableResponse commit(String token, String sprintId, String itemId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("itemId", itemId))
                .when().post("/api/sprints/" + sprintId + "/items").then();
    }

    static ValidatableResponse move(String token, String sprintId, String itemId, String column, String assignee) {
        String path = "/api/sprints/" + sprintId + "/items/" + itemId;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("column", column);
        body.put("assignee", assignee);
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag(path, ADMIN))
                .body(body).when().put(path).then();
    }

    /** An item as the backlog service would announce it. */
    record Item(String id, String allianceId, String title, String discipline, Integer estimate) {
        static Item of(String allianceId, String title, Integer estimate) {
            return new Item(UUID.randomUUID().toString(), allianceId, title, "GOVERNANCE", estimate);
        }

        Item discipline(String other) {
            return new Item(id, allianceId, title, other, estimate);
        }

        BacklogItemCreated created() {
            return new BacklogItemCreated(id, allianceId, title, "Prepared by the governance team", discipline,
                    "TASK", estimate, LocalDate.of(2026, 12, 10), "READY", "m" + id.substring(0, 6), null);
        }
    }

    /** Publishes the items' BacklogItemCreated to the real broker and waits until the sprint service has them. */
    static List<String> publish(Item... items) {
        List<DomainEvent> events = new ArrayList<>();
        for (Item item : items) {
            events.add(item.created());
        }
        publishEvents(events.toArray(DomainEvent[]::new));
        for (Item item : items) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(ADMIN)
                    .when().get("/api/sprint-candidates/" + item.id()).then().statusCode(200));
        }
        return java.util.Arrays.stream(items).map(Item::id).toList();
    }

    static void publishEvents(DomainEvent... events) {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (TestEvents publisher = new TestEvents(bootstrap, "/entente/backlog-service")) {
            for (DomainEvent event : events) {
                publisher.publish(event);
            }
        }
    }

    /** The outbox payloads of one event type for one aggregate, oldest first. */
    @SuppressWarnings("unchecked")
    static List<String> outbox(String aggregateId, String simpleType) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            return (List<String>) em.createNativeQuery("""
                            select payload from outbox_event where aggregate_id = ?1 and event_type = ?2 order by id""")
                    .setParameter(1, aggregateId).setParameter(2, "io.entente." + simpleType).getResultList();
        });
    }

    /** The after-state JSON of audit rows for an aggregate and action, oldest first. */
    @SuppressWarnings("unchecked")
    static List<String> audit(String aggregateId, String simpleType) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            return (List<String>) em.createNativeQuery("""
                            select cast(after_state as text) || ' by ' || actor from audit_log
                            where aggregate_id = ?1 and action = ?2 order by id""")
                    .setParameter(1, aggregateId).setParameter(2, "io.entente." + simpleType).getResultList();
        });
    }
}
