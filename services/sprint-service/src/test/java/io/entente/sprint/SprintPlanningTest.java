package io.entente.sprint;

import io.entente.sprint.Fixtures.Item;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.entente.sprint.Fixtures.ADMIN;
import static io.entente.sprint.Fixtures.GWEN;
import static io.entente.sprint.Fixtures.NORA;
import static io.entente.sprint.Fixtures.SVEN;
import static io.entente.sprint.Fixtures.TARA;
import static io.entente.sprint.Fixtures.commit;
import static io.entente.sprint.Fixtures.etag;
import static io.entente.sprint.Fixtures.publish;
import static io.entente.sprint.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Planning a sprint against the team's capacity, the concentration rule, starting a sprint. */
@QuarkusTest
class SprintPlanningTest {

    private static final String PROBLEM = "application/problem+json";

    @BeforeEach
    void monday() {
        TestClock.CLOCK.setDate(LocalDate.of(2026, 11, 23));
    }

    @Test
    void plansASprintWithCapacityFromTheMembers() {
        String team = Fixtures.team(unique("Governance Operations"), null);
        given().auth().oauth2(TARA).contentType(ContentType.JSON)
                .body(Map.of("teamId", team, "name", "GovOps 26.24", "goal", "Helix JSC packet out a week ahead",
                        "startDate", "2026-11-23", "endDate", "2026-12-04"))
                .when().post("/api/sprints")
                .then().statusCode(201)
                .header("Location", containsString("/api/sprints/"))
                .header("ETag", "\"0\"")
                .body("state", equalTo("PLANNED"))
                .body("capacity.userId", contains("nora", "tara"))
                .body("capacity[0].workingDays", equalTo(10))
                .body("capacity[0].capacityPoints", equalTo(5))
                .body("planning.capacityPoints", equalTo(15))
                .body("planning.committedPoints", equalTo(0));
        // The team's next sprint may not overlap this one.
        given().auth().oauth2(TARA).contentType(ContentType.JSON)
                .body(Map.of("teamId", team, "name", "Overlap", "startDate", "2026-12-01", "endDate", "2026-12-12"))
                .when().post("/api/sprints")
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("GovOps 26.24"));
    }

    @Test
    void planningGuards() {
        String team = Fixtures.team(unique("Guards"), null);
        Map<String, Object> good = Map.of("teamId", team, "name", "S", "startDate", "2027-01-04",
                "endDate", "2027-01-15");
        given().contentType(ContentType.JSON).body(good).when().post("/api/sprints").then().statusCode(401);
        given().auth().oauth2(SVEN).contentType(ContentType.JSON).body(good).when().post("/api/sprints")
                .then().statusCode(403).contentType(PROBLEM);
        // gwen has a planning role but is not on this team
        given().auth().oauth2(GWEN).contentType(ContentType.JSON).body(good).when().post("/api/sprints")
                .then().statusCode(403).contentType(PROBLEM).body("type", containsString("not-team-member"));
        given().auth().oauth2(TARA).contentType(ContentType.JSON)
                .body(Map.of("teamId", team, "name", "S", "startDate", "2027-01-15", "endDate", "2027-01-04"))
                .when().post("/api/sprints")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("endDate"));
        given().auth().oauth2(TARA).contentType(ContentType.JSON)
                .body(Map.of("name", "", "startDate", "2027-01-04", "endDate", "2027-01-15"))
                .when().post("/api/sprints")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("teamId"))
                .body("errors.field", hasItem("name"));
        given().auth().oauth2(TARA).contentType(ContentType.JSON)
                .body(Map.of("teamId", "00000000-0000-0000-0000-000000000009", "name", "S",
                        "startDate", "2027-01-04", "endDate", "2027-01-15"))
                .when().post("/api/sprints").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TARA).when().get("/api/sprints/00000000-0000-0000-0000-000000000009")
                .then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/sprints").then().statusCode(401);
        given().auth().oauth2(TARA).queryParam("state", "RUNNING").when().get("/api/sprints")
                .then().statusCode(400).contentType(PROBLEM);
        // nothing was persisted by the refusals
        given().auth().oauth2(TARA).queryParam("teamId", team).when().get("/api/sprints")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void capacityPlanFollowsAbsence() {
        String team = Fixtures.team(unique("Capacity"), null);
        String sprint = Fixtures.sprint(team);
        String path = "/api/sprints/" + sprint + "/capacity";
        Map<String, Object> plan = Map.of("members", List.of(
                Map.of("userId", "tara", "absenceDays", 2),
                Map.of("userId", "nora", "absenceDays", 0, "pointsPerDay", 0.8)));
        given().auth().oauth2(NORA).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(plan)
                .when().put(path)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("planning.capacityPoints", equalTo(16))
                .body("capacity.find { it.userId == 'tara' }.capacityPoints", equalTo(8));
        assertTrue(Fixtures.outbox(sprint, "SprintCapacityChanged").get(0).contains("\"capacityPoints\":16"));

        given().auth().oauth2(NORA).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(plan)
                .when().put(path).then().statusCode(412).contentType(PROBLEM);
        given().auth().oauth2(NORA).contentType(ContentType.JSON).body(plan)
                .when().put(path).then().statusCode(428).contentType(PROBLEM);
        given().auth().oauth2(NORA).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("members", List.of(Map.of("userId", "gwen", "absenceDays", 0))))
                .when().put(path).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("members[0].userId"));
        given().auth().oauth2(NORA).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("members", List.of(Map.of("userId", "tara", "absenceDays", 11))))
                .when().put(path).then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(SVEN).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(plan)
                .when().put(path).then().statusCode(403);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(plan)
                .when().put(path).then().statusCode(401);
        given().auth().oauth2(NORA).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(plan)
                .when().put("/api/sprints/00000000-0000-0000-0000-000000000009/capacity")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void refusesToGoOverCapacityUnlessOverriddenWithAReason() {
        String team = Fixtures.team(unique("Over capacity"), null);
        String sprint = Fixtures.sprint(team);
        List<String> ids = publish(Item.of("ONC-HELIX", "Draft JSC agenda", 8),
                Item.of("CDX-QUANTIA", "Collect JDC minutes", 5), Item.of("ONC-HELIX", "Chase action items", 3));

        commit(TARA, sprint, ids.get(0)).statusCode(201)
                .header("Location", containsString("/items/" + ids.get(0)))
                .body("card.column", equalTo("TODO"))
                .body("planning.committedPoints", equalTo(8))
                .body("planning.capacityPoints", equalTo(15));
        commit(TARA, sprint, ids.get(1)).statusCode(201).body("planning.committedPoints", equalTo(13));
        commit(TARA, sprint, ids.get(2)).statusCode(409).contentType(PROBLEM)
                .body("type", containsString("over-capacity"))
                .body("detail", containsString("16 committed points against a capacity of 15"));
        given().auth().oauth2(TARA).contentType(ContentType.JSON)
                .body(Map.of("itemId", ids.get(2), "overrideCapacity", true))
                .when().post("/api/sprints/" + sprint + "/items")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(TARA).contentType(ContentType.JSON)
                .body(Map.of("itemId", ids.get(2), "overrideCapacity", true,
                        "reason", "JSC moved forward; partner expects the follow-up this sprint"))
                .when().post("/api/sprints/" + sprint + "/items")
                .then().statusCode(201)
                .body("card.overCapacityOverride", equalTo(true))
                .body("planning.overCapacity", equalTo(true))
                .body("planning.warnings.code", hasItem("OVER_CAPACITY"));

        List<String> events = Fixtures.outbox(sprint, "ItemCommittedToSprint");
        assertEquals(3, events.size());
        assertTrue(events.get(2).contains("\"overCapacityOverride\":true"), events.get(2));
        assertTrue(events.get(0).contains("\"overCapacityOverride\":false"), events.get(0));
        String audited = Fixtures.audit(sprint, "ItemCommittedToSprint").get(2);
        assertTrue(audited.contains("JSC moved forward") && audited.endsWith(" by tara"), audited);
    }

    @Test
    void warnsWhenOneAllianceTakesMoreThanAThird() {
        String team = Fixtures.team(unique("Concentration"), null);
        String sprint = Fixtures.sprint(team);
        List<String> ids = publish(Item.of("ONC-HELIX", "Helix JSC pre-read", 5),
                Item.of("ONC-HELIX", "Helix JDC minutes", 3), Item.of("CDX-QUANTIA", "Quantia obligations", 3),
                Item.of("LIC-CORVID", "Corvid final accounting", 3));
        for (String id : ids) {
            commit(ADMIN, sprint, id).statusCode(201);
        }
        // Helix has 8 of 14 points (57%); Quantia and Corvid 3 each (21%).
        given().auth().oauth2(TARA).when().get("/api/sprints/" + sprint)
                .then().statusCode(200)
                .body("planning.committedPoints", equalTo(14))
                .body("planning.loadByAlliance[0].allianceId", equalTo("ONC-HELIX"))
                .body("planning.loadByAlliance[0].shareOfCommitted", equalTo(0.571f))
                .body("planning.loadByAlliance[0].concentrated", equalTo(true))
                .body("planning.loadByAlliance.findAll { it.concentrated }", hasSize(1))
                .body("planning.warnings.code", contains("CONCENTRATION"))
                .body("planning.warnings[0].message", containsString("ONC-HELIX"))
                .body("planning.warnings[0].message", containsString("57%"));
        // Nora sees Helix's load as a restricted alliance: the warning stands, the name does not leak.
        given().auth().oauth2(NORA).when().get("/api/sprints/" + sprint)
                .then().statusCode(200)
                .body("planning.loadByAlliance[0].restricted", equalTo(true))
                .body("planning.loadByAlliance[0].allianceId", nullValue())
                .body("planning.warnings[0].message", containsString("an alliance you cannot see"))
                .body("planning.warnings[0].message", not(containsString("HELIX")));
    }

    @Test
    void refusesItemsTheTeamCannotOrMayNotTake() {
        String team = Fixtures.team(unique("Commit rules"), null);
        String sprint = Fixtures.sprint(team);
        String other = Fixtures.sprint(team, LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 18));
        Item legal = Item.of("ONC-HELIX", "Review termination clause", 2).discipline("LEGAL");
        List<String> ids = publish(Item.of("ONC-HELIX", "Helix JSC pre-read", 2), legal,
                Item.of("DTX-ASTER", "Aster evaluation", 1), Item.of("ONC-HELIX", "Hidden from Nora", 1));

        commit(TARA, sprint, ids.get(0)).statusCode(201);
        commit(TARA, sprint, ids.get(0)).statusCode(409).body("type", containsString("already-committed"));
        commit(TARA, other, ids.get(0)).statusCode(409).body("type", containsString("item-in-another-sprint"));
        commit(TARA, sprint, ids.get(1)).statusCode(409).body("type", containsString("discipline-not-served"));
        commit(TARA, sprint, ids.get(2)).statusCode(409).body("type", containsString("alliance-not-covered"));
        // 404: nora is on the team but not in Helix; an unknown item reads the same
        commit(NORA, sprint, ids.get(3)).statusCode(404).contentType(PROBLEM)
                .body("detail", not(containsString("Hidden")));
        commit(NORA, sprint, "00000000-0000-0000-0000-000000000009").statusCode(404);
        commit(SVEN, sprint, ids.get(3)).statusCode(403);
        commit(GWEN, sprint, ids.get(3)).statusCode(403).body("type", containsString("not-team-member"));
        given().contentType(ContentType.JSON).body(Map.of("itemId", ids.get(3)))
                .when().post("/api/sprints/" + sprint + "/items").then().statusCode(401);
        given().auth().oauth2(TARA).contentType(ContentType.JSON).body(Map.of("itemId", "not-a-uuid"))
                .when().post("/api/sprints/" + sprint + "/items").then().statusCode(400).contentType(PROBLEM);
        commit(TARA, "00000000-0000-0000-0000-000000000009", ids.get(3)).statusCode(404);
        // the committed item left the planning view
        given().auth().oauth2(TARA).queryParam("teamId", team).queryParam("limit", 200)
                .when().get("/api/sprint-candidates")
                .then().statusCode(200).body("items.itemId", not(hasItem(ids.get(0))))
                .body("items.itemId", hasItem(ids.get(3)));
    }

    @Test
    void startsOneSprintPerTeamAtATime() {
        String team = Fixtures.team(unique("Start"), null);
        String first = Fixtures.sprint(team);
        String second = Fixtures.sprint(team, LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 18));
        String path = "/api/sprints/" + first + "/state";
        Map<String, Object> active = Map.of("state", "ACTIVE");
        given().auth().oauth2(TARA).contentType(ContentType.JSON).body(active).when().put(path)
                .then().statusCode(428).contentType(PROBLEM);
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", "\"5\"").body(active)
                .when().put(path).then().statusCode(412);
        given().auth().oauth2(SVEN).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(active)
                .when().put(path).then().statusCode(403);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(active).when().put(path)
                .then().statusCode(401);
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(active)
                .when().put("/api/sprints/00000000-0000-0000-0000-000000000009/state").then().statusCode(404);
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("state", "PLANNED")).when().put(path)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("state"));
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("state", "ACTIVE", "defaultDisposition", "BACKLOG")).when().put(path)
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("state", "CLOSED", "defaultDisposition", "BACKLOG")).when().put(path)
                .then().statusCode(409).body("type", containsString("sprint-not-active"));
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(active)
                .when().put(path)
                .then().statusCode(200).body("sprint.state", equalTo("ACTIVE")).body("carriedOver", hasSize(0))
                .header("ETag", "\"1\"");
        assertEquals(1, Fixtures.outbox(first, "SprintStarted").size());
        given().auth().oauth2(TARA).header("If-Match", etag("/api/sprints/" + second, TARA))
                .contentType(ContentType.JSON).body(active).when().put("/api/sprints/" + second + "/state")
                .then().statusCode(409).contentType(PROBLEM).body("type", containsString("one-active-sprint"));
        given().auth().oauth2(TARA).queryParam("teamId", team).queryParam("state", "active")
                .when().get("/api/sprints")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(first));
        var page = given().auth().oauth2(TARA).queryParam("teamId", team).queryParam("limit", 1)
                .when().get("/api/sprints").then().statusCode(200)
                .body("items[0].id", equalTo(second)).extract();
        given().auth().oauth2(TARA).queryParam("teamId", team).queryParam("limit", 1)
                .queryParam("after", (String) page.path("next"))
                .when().get("/api/sprints").then().statusCode(200)
                .body("items[0].id", equalTo(first)).body("next", nullValue());
    }

    @Test
    void commitsWithAnAssigneeAndWarnsWhenAMemberIsOverTheirCapacity() {
        String team = Fixtures.team(unique("Member load"), null);
        String sprint = Fixtures.sprint(team);
        List<String> ids = publish(Item.of("ONC-HELIX", "Chase CMC sign-off", 8),
                Item.of("CDX-QUANTIA", "Update obligations log", 2));
        String items = "/api/sprints/" + sprint + "/items";
        given().auth().oauth2(TARA).contentType(ContentType.JSON)
                .body(Map.of("itemId", ids.get(0), "assignee", "gwen"))
                .when().post(items).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("assignee"));
        // nora's capacity is 10 days x 0.5 = 5 points: 8 assigned to her is over, the team (15) is not.
        given().auth().oauth2(TARA).contentType(ContentType.JSON)
                .body(Map.of("itemId", ids.get(0), "assignee", "nora"))
                .when().post(items).then().statusCode(201)
                .body("card.assignee", equalTo("nora"))
                .body("card.assigneeName", equalTo("Nora Haddad"))
                .body("planning.overCapacity", equalTo(false))
                .body("planning.loadByMember.find { it.userId == 'nora' }.committedPoints", equalTo(8))
                .body("planning.loadByMember.find { it.userId == 'nora' }.overCapacity", equalTo(true))
                .body("planning.warnings.code", hasItem("MEMBER_OVER_CAPACITY"));
        given().auth().oauth2(TARA).contentType(ContentType.JSON).body(Map.of("itemId", ids.get(1)))
                .when().post(items).then().statusCode(201).body("card.assignee", nullValue());
        given().auth().oauth2(TARA).when().get("/api/sprints/" + sprint).then().statusCode(200)
                .body("planning.loadByMember.find { it.userId == 'tara' }.committedPoints", equalTo(0))
                .body("planning.warnings.find { it.code == 'MEMBER_OVER_CAPACITY' }.message",
                        containsString("Nora Haddad holds 8 points"));
        // Unassigning takes the load off her.
        Fixtures.move(TARA, sprint, ids.get(0), "TODO", null).statusCode(200);
        given().auth().oauth2(TARA).when().get("/api/sprints/" + sprint).then().statusCode(200)
                .body("planning.loadByMember.find { it.userId == 'nora' }.committedPoints", equalTo(0))
                .body("planning.warnings.code", not(hasItem(
                        "MEMBER_OVER_CAPACITY")));
    }

    @Test
    void warnsWhenAnItemIsCommittedBeforeWhatItDependsOn() {
        String team = Fixtures.team(unique("Dependencies"), null);
        String sprint = Fixtures.sprint(team);
        String first = java.util.UUID.randomUUID().toString();
        String second = java.util.UUID.randomUUID().toString();
        Fixtures.publishEvents(
                new io.entente.events.backlog.BacklogItemEvent.BacklogItemCreated(first, "ONC-HELIX",
                        "Collect decision requests", "d", "GOVERNANCE", "TASK", 2, null, "READY", "a0", null,
                        List.of()),
                new io.entente.events.backlog.BacklogItemEvent.BacklogItemCreated(second, "ONC-HELIX",
                        "Draft JSC pre-read", "d", "GOVERNANCE", "TASK", 3, null, "READY", "a1", null,
                        List.of(first)));
        for (String id : List.of(first, second)) {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                    given().auth().oauth2(ADMIN).when().get("/api/sprint-candidates/" + id).then().statusCode(200));
        }
        commit(TARA, sprint, second).statusCode(201)
                .body("planning.warnings.find { it.code == 'DEPENDENCY' }.message",
                        equalTo("'Draft JSC pre-read' depends on 'Collect decision requests', which is neither done "
                                + "nor planned in a sprint"));
        // An update in the form of before dependencies travelled says nothing about them: what was known stays.
        Fixtures.publishEvents(new io.entente.events.backlog.BacklogItemEvent.BacklogItemUpdated(second, "ONC-HELIX",
                "Draft JSC pre-read v2", "d", "GOVERNANCE", "TASK", 3, null, "READY", null));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TARA).when().get("/api/sprints/" + sprint).then().statusCode(200)
                        .body("planning.warnings.find { it.code == 'DEPENDENCY' }.message",
                                containsString("'Draft JSC pre-read v2' depends on 'Collect decision requests'")));
        // Planned in the same sprint: the order is the team's to keep.
        commit(TARA, sprint, first).statusCode(201)
                .body("planning.warnings.code", not(hasItem("DEPENDENCY")));
        given().auth().oauth2(TARA).when().get("/api/sprints/" + sprint).then().statusCode(200)
                .body("planning.warnings.code", not(hasItem("DEPENDENCY")));
    }
}
