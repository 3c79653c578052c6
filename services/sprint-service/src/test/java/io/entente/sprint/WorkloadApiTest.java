package io.entente.sprint;

import io.entente.events.backlog.AllianceEvent.AlliancePhaseChanged;
import io.entente.events.backlog.AllianceEvent.AllianceRegistered;
import io.entente.events.backlog.AllianceEvent.AllianceUpdated;
import io.entente.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.entente.sprint.Fixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workload read model over the real broker: alliance events as the backlog service publishes them move the
 * loads within seconds; what-if stores nothing; the catalogue and managers' capacities are versioned and audited.
 */
@QuarkusTest
class WorkloadApiTest {

    static String key(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    }

    static JsonPath workload(String token) {
        return given().auth().oauth2(token).when().get("/api/workload?months=3")
                .then().statusCode(200).extract().jsonPath();
    }

    static Float managerDemand(JsonPath workload, String manager) {
        return workload.get("managers.find { it.id == '" + manager + "' }.demandHours");
    }

    static void register(String key, String manager, int tier, String phase) {
        Fixtures.publishEvents(new AllianceRegistered(key, "Alliance " + key, "Partner " + key, "CO_DEVELOPMENT",
                tier, phase, 3, 3, manager, LocalDate.of(2026, 1, 5)));
    }

    @Test
    void aReTieringOrAPhaseChangeInTheBacklogMovesTheLoadWithinSeconds() {
        String alliance = key("WL");
        String manager = "wl-" + alliance.toLowerCase(Locale.ROOT);
        register(alliance, manager, 1, "EXECUTION");
        // Tier 1 in execution: 20 manager hours a month, 60 over the quarter.
        await().atMost(Duration.ofSeconds(30)).until(() -> Float.valueOf(60f).equals(managerDemand(workload(ADMIN),
                manager)));

        Fixtures.publishEvents(new AllianceUpdated(alliance, "Alliance " + alliance, "Partner " + alliance,
                "CO_DEVELOPMENT", 3, 3, 3, manager));
        // Tier 3: one hour a month of decision planning.
        await().atMost(Duration.ofSeconds(30)).until(() -> Float.valueOf(3f).equals(managerDemand(workload(ADMIN),
                manager)));

        Fixtures.publishEvents(new AlliancePhaseChanged(alliance, "EXECUTION", "WIND_DOWN", "Deal ends"));
        // Wind-down brings the legal team's work, which no team covers here: the alliance turns up unmanaged.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath w = workload(ADMIN);
            List<String> uncovered = w.getList("unmanaged.find { it.key == '" + alliance + "' }.uncovered");
            assertTrue(uncovered.contains("WIND_DOWN by LEGAL"), String.valueOf(uncovered));
        });

        Fixtures.publishEvents(new AlliancePhaseChanged(alliance, "WIND_DOWN", "CLOSED", "Done"));
        await().atMost(Duration.ofSeconds(30)).until(() -> managerDemand(workload(ADMIN), manager) == null);
    }

    @Test
    void whatIfShowsEveryLoadChangeAndStoresNothing() {
        String alliance = key("WI");
        String mia = "wi-mia-" + alliance.toLowerCase(Locale.ROOT);
        String max = "wi-max-" + alliance.toLowerCase(Locale.ROOT);
        register(alliance, mia, 1, "EXECUTION");
        register(key("WJ"), max, 3, "EXECUTION");
        await().atMost(Duration.ofSeconds(30)).until(() -> managerDemand(workload(ADMIN), max) != null
                && managerDemand(workload(ADMIN), mia) != null);

        JsonPath answer = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("changes", List.of(
                        Map.of("kind", "MOVE", "allianceKey", alliance, "manager", max),
                        Map.of("kind", "ADD", "tier", 2, "phase", "LAUNCH", "manager", mia))))
                .when().post("/api/workload/what-if").then().statusCode(200).extract().jsonPath();
        assertEquals(60f, (Float) answer.get("before.managers.find { it.id == '" + max + "' }.demandHours") + 57f);
        assertEquals(63f, (Float) answer.get("after.managers.find { it.id == '" + max + "' }.demandHours"));
        // Mia loses the tier-1 alliance and gains a hypothetical tier-2 one in launch (3 + 2 + 1 h a month).
        assertEquals(18f, (Float) answer.get("after.managers.find { it.id == '" + mia + "' }.demandHours"));
        List<String> moved = answer.getList("changedLoads.id");
        assertTrue(moved.containsAll(List.of(mia, max)), moved.toString());
        assertEquals(List.of("NEW-1"), answer.getList("after.managers.find { it.id == '" + mia
                + "' }.alliances.findAll { it.key == 'NEW-1' }.key"));

        // Nothing was saved.
        assertEquals(60f, managerDemand(workload(ADMIN), mia));
        assertEquals(3f, managerDemand(workload(ADMIN), max));

        // An alliance the reader may not see: 404, as if it did not exist; a change without its field: 400.
        String outsider = TestTokens.user("olga").roles("alliance-manager").alliances("ONC-HELIX").sign();
        given().auth().oauth2(outsider).contentType(ContentType.JSON)
                .body(Map.of("changes", List.of(Map.of("kind", "RETIER", "allianceKey", alliance, "tier", 3))))
                .when().post("/api/workload/what-if").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("changes", List.of(Map.of("kind", "RETIER", "allianceKey", alliance))))
                .when().post("/api/workload/what-if").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        // The outsider sees the loads but not the alliance.
        JsonPath seen = workload(outsider);
        assertNull(seen.get("managers.find { it.id == '" + mia + "' }.alliances[0].key"));
        assertEquals(true, seen.get("managers.find { it.id == '" + mia + "' }.alliances[0].restricted"));
        assertFalse(seen.prettify().contains(alliance));
        given().auth().oauth2(TestTokens.user("tess").roles("team-member").alliances(alliance).sign())
                .when().get("/api/workload").then().statusCode(403);
        given().auth().oauth2(ADMIN).when().get("/api/workload?months=13").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void aManagersCapacityIsVersionedAuditedAndPublished() {
        String alliance = key("WC");
        String manager = "wc-" + alliance.toLowerCase(Locale.ROOT);
        register(alliance, manager, 1, "EXECUTION");
        String path = "/api/alliance-managers/" + manager;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(ADMIN).get(path)
                .then().statusCode(200).body("hoursPerMonth", equalTo(120)).body("defaulted", equalTo(true))
                .body("alliances", equalTo(1)));
        String etag = Fixtures.etag(path, ADMIN);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"hoursPerMonth\":60}")
                .when().put(path + "/capacity").then().statusCode(428);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"hoursPerMonth\":60}").when().put(path + "/capacity")
                .then().statusCode(200).body("hoursPerMonth", equalTo(60)).body("defaulted", equalTo(false));
        // The same ETag again is stale now.
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"hoursPerMonth\":90}").when().put(path + "/capacity").then().statusCode(412);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", Fixtures.etag(path, ADMIN))
                .body("{\"hoursPerMonth\":900}").when().put(path + "/capacity").then().statusCode(400);
        assertEquals(1, Fixtures.outbox(manager, "ManagerCapacityChanged").size());
        assertEquals(1, Fixtures.audit(manager, "ManagerCapacityChanged").size());
        // 60 h of demand against 180 h of capacity.
        assertEquals(33, (Integer) workload(ADMIN).get("managers.find { it.id == '" + manager + "' }.loadPercent"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"hoursPerMonth\":60}").when().put("/api/alliance-managers/nobody-at-all/capacity")
                .then().statusCode(404);
    }

    @Test
    void theCatalogueIsVersionedAuditedAndPublished() {
        JsonPath current = given().auth().oauth2(ADMIN).when().get("/api/service-catalogue")
                .then().statusCode(200).extract().jsonPath();
        long version = current.getLong("version");
        String etag = Fixtures.etag("/api/service-catalogue", ADMIN);
        List<Map<String, Object>> entries = current.getList("entries");
        entries.forEach(e -> e.remove("hoursPerMonth"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("entries", List.of(entries.get(0), entries.get(0))))
                .when().put("/api/service-catalogue").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("entries", entries))
                .when().put("/api/service-catalogue").then().statusCode(200)
                .body("version", equalTo((int) version + 1)).body("updatedBy", equalTo("admin"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("entries", entries))
                .when().put("/api/service-catalogue").then().statusCode(412);
        List<String> published = Fixtures.outbox("default", "ServiceCatalogueChanged");
        assertTrue(published.get(published.size() - 1).contains("\"version\":" + (version + 1)),
                published.get(published.size() - 1));
        given().auth().oauth2(TestTokens.user("gwen").roles("governance-ops").sign()).contentType(ContentType.JSON)
                .header("If-Match", Fixtures.etag("/api/service-catalogue", ADMIN)).body(Map.of("entries", entries))
                .when().put("/api/service-catalogue").then().statusCode(403);
    }
}
