package io.entente.backlog;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.entente.backlog.Fixtures.createItemId;
import static io.entente.backlog.Fixtures.etag;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class BacklogItemResourceTest {

    static final String TARA = Fixtures.member("B-ITEMS", "B-RANK", "B-NOOP", "B-LIST", "B-CSV");
    static final String SVEN = Fixtures.stakeholder("B-ITEMS", "B-LIST");
    static final String NORA = Fixtures.member("B-FOREIGN");

    @Inject
    EntityManager em;

    @BeforeEach
    void portfolio() {
        Fixtures.alliances("B-ITEMS", "B-RANK", "B-NOOP", "B-LIST", "B-CSV", "B-FOREIGN");
    }

    static String update(String title, String status, String dependsOn) {
        return """
                {"title":"%s","description":"Agree the pre-read","discipline":"GOVERNANCE","type":"TASK",
                 "estimate":5,"beneficiary":"JSC co-chairs","stakeholderValue":8,"owner":"gwen",
                 "dueDate":"2026-12-20"%s%s}""".formatted(title,
                status == null ? "" : ",\"status\":\"" + status + "\"",
                dependsOn == null ? "" : ",\"dependsOn\":" + dependsOn);
    }

    @Test
    void createReadUpdateWithOptimisticLocking() {
        String id = createItemId(TARA, "B-ITEMS", "Draft JSC agenda");
        String path = "/api/backlog-items/" + id;
        String etag = etag(path, SVEN);

        given().auth().oauth2(TARA).contentType(ContentType.JSON).body(update("Draft JSC Q1 agenda", "READY", null))
                .when().put(path).then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(SVEN).contentType(ContentType.JSON).header("If-Match", etag)
                .body(update("x", null, null)).when().put(path).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(NORA).contentType(ContentType.JSON).header("If-Match", etag)
                .body(update("x", null, null)).when().put(path).then().statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", etag)
                .body(update("x", null, null)).when().put(path).then().statusCode(401);
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", etag)
                .body(update("", null, null)).when().put(path).then().statusCode(400)
                .body("errors.field", hasItem("title"));
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", etag)
                .body(update("x", "DONE", null)).when().put(path).then().statusCode(409)
                .body("detail", containsString("NEW and READY"));

        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", etag)
                .body(update("Draft JSC Q1 agenda", "READY", null))
                .when().put(path).then().statusCode(200)
                .body("title", equalTo("Draft JSC Q1 agenda"))
                .body("status", equalTo("READY"))
                .body("stakeholderValue", equalTo(8))
                .body("beneficiary", equalTo("JSC co-chairs"))
                .header("ETag", not(equalTo(etag)));
        // The same stale ETag again: refused, nothing changes.
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", etag)
                .body(update("Overwritten", "NEW", null)).when().put(path).then().statusCode(412)
                .contentType("application/problem+json");
        given().auth().oauth2(SVEN).when().get(path).then().statusCode(200)
                .body("title", equalTo("Draft JSC Q1 agenda")).body("status", equalTo("READY"));
        given().auth().oauth2(NORA).when().get(path).then().statusCode(404);
        given().when().get(path).then().statusCode(401);

        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + id
                + "' and event_type = 'io.entente.BacklogItemUpdated' and payload like '%READY%'"));
        assertEquals(2, count("select count(*) from audit_log where aggregate_id = '" + id + "'"));
    }

    @Test
    void itemsOfAnUnknownOrForeignAllianceAreRefusedWith404() {
        given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON)
                .body(Fixtures.itemBody("B-NOWHERE", "x")).when().post("/api/backlog-items")
                .then().statusCode(404).body("detail", containsString("B-NOWHERE"));
        given().auth().oauth2(TARA).contentType(ContentType.JSON)
                .body(Fixtures.itemBody("B-FOREIGN", "x")).when().post("/api/backlog-items")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void dependenciesAreVisibleItemsWithoutLoops() {
        String a = createItemId(TARA, "B-ITEMS", "Collect decision requests");
        String b = createItemId(TARA, "B-ITEMS", "Assemble pre-read");
        String foreign = createItemId(NORA, "B-FOREIGN", "Corvid close-out");
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", etag("/api/backlog-items/" + b, TARA))
                .body(update("Assemble pre-read", null, "[\"" + a + "\"]"))
                .when().put("/api/backlog-items/" + b).then().statusCode(200).body("dependsOn", contains(a));
        // The dependencies travel with the event, so that planning in the sprint service knows them.
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + b
                + "' and event_type = 'io.entente.BacklogItemUpdated' and payload like '%\"dependsOn\":[\"" + a + "\"]%'"));
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", etag("/api/backlog-items/" + a, TARA))
                .body(update("Collect decision requests", null, "[\"" + b + "\"]"))
                .when().put("/api/backlog-items/" + a).then().statusCode(409)
                .body("type", containsString("dependency-cycle"));
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", etag("/api/backlog-items/" + a, TARA))
                .body(update("Collect decision requests", null, "[\"" + foreign + "\"]"))
                .when().put("/api/backlog-items/" + a).then().statusCode(400)
                .body("errors.field", hasItem("dependsOn"));
        given().auth().oauth2(TARA).when().get("/api/backlog-items/" + a).then().body("dependsOn", empty());
    }

    @Test
    void rankMovesRewriteOnlyTheMovedItem() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            ids.add(createItemId(TARA, "B-RANK", "Item " + i));
        }
        List<String> ranksBefore = ranks(ids);
        long auditBefore = count("select count(*) from audit_log");
        // Move item 4 above item 2: 1, 4, 2, 3.
        String path = "/api/backlog-items/" + ids.get(3) + "/rank";
        given().auth().oauth2(TARA).contentType(ContentType.JSON)
                .header("If-Match", etag("/api/backlog-items/" + ids.get(3), TARA))
                .body("{\"above\":\"" + ids.get(1) + "\"}")
                .when().post(path).then().statusCode(200);
        given().auth().oauth2(TARA).queryParam("allianceId", "B-RANK").when().get("/api/backlog-items")
                .then().statusCode(200).body("items.title", contains("Item 1", "Item 4", "Item 2", "Item 3"));
        List<String> ranksAfter = ranks(ids);
        for (int i = 0; i < 3; i++) {
            assertEquals(ranksBefore.get(i), ranksAfter.get(i), "untouched item " + (i + 1) + " kept its rank");
        }
        assertEquals(1, count("select count(*) from audit_log") - auditBefore, "one audit row per move");
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + ids.get(3)
                + "' and event_type = 'io.entente.BacklogItemRanked'"));

        // Move item 1 below item 3: 4, 2, 3, 1.
        given().auth().oauth2(TARA).contentType(ContentType.JSON)
                .header("If-Match", etag("/api/backlog-items/" + ids.get(0), TARA))
                .body("{\"below\":\"" + ids.get(2) + "\"}")
                .when().post("/api/backlog-items/" + ids.get(0) + "/rank").then().statusCode(200);
        given().auth().oauth2(TARA).queryParam("allianceId", "B-RANK").when().get("/api/backlog-items")
                .then().body("items.title", contains("Item 4", "Item 2", "Item 3", "Item 1"));

        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"above\":\"" + ids.get(1) + "\",\"below\":\"" + ids.get(2) + "\"}")
                .when().post(path).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"above\":\"" + ids.get(1) + "\"}")
                .when().post(path).then().statusCode(412);
        given().auth().oauth2(SVEN).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"above\":\"" + ids.get(1) + "\"}").when().post(path).then().statusCode(403);
        given().auth().oauth2(NORA).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"above\":\"" + ids.get(1) + "\"}").when().post(path).then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"above\":\"" + ids.get(1) + "\"}")
                .when().post(path).then().statusCode(401);
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"above\":\"" + UUID.randomUUID() + "\"}").when().post(path).then().statusCode(404);
    }

    @Test
    void listFiltersSortsAndPages() {
        // The test clock stands still: move it, so that creation times differ and -createdAt has one answer.
        String a = createItemId(TARA, "B-LIST", "Finance true-up for Q4");
        TestClock.CLOCK.advance(Duration.ofSeconds(1));
        given().auth().oauth2(TARA).contentType(ContentType.JSON)
                .body("""
                        {"allianceId":"B-LIST","title":"IP review","discipline":"LEGAL","type":"RISK_FOLLOW_UP",
                         "dueDate":"2026-12-01"}""").when().post("/api/backlog-items").then().statusCode(201);
        TestClock.CLOCK.advance(Duration.ofSeconds(1));
        createItemId(TARA, "B-LIST", "Update obligations register");
        createItemId(NORA, "B-FOREIGN", "Finance true-up for Corvid");

        given().auth().oauth2(TARA).queryParam("allianceId", "B-LIST").queryParam("limit", 2)
                .when().get("/api/backlog-items").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("next", not(nullValue()));
        given().auth().oauth2(TARA).queryParam("q", "true-up").when().get("/api/backlog-items")
                .then().statusCode(200).body("items.id", hasItem(a))
                .body("items.allianceId", not(hasItem("B-FOREIGN")));
        given().auth().oauth2(TARA).queryParam("allianceId", "B-LIST").queryParam("discipline", "LEGAL")
                .when().get("/api/backlog-items").then().body("items.title", contains("IP review"));
        given().auth().oauth2(TARA).queryParam("allianceId", "B-LIST").queryParam("type", "RISK_FOLLOW_UP,TASK")
                .queryParam("dueBefore", "2026-12-05").when().get("/api/backlog-items")
                .then().body("items.title", contains("IP review"));
        given().auth().oauth2(TARA).queryParam("allianceId", "B-LIST").queryParam("sort", "dueDate")
                .when().get("/api/backlog-items").then().body("items[0].title", equalTo("IP review"));
        given().auth().oauth2(TARA).queryParam("allianceId", "B-LIST").queryParam("sort", "-createdAt")
                .when().get("/api/backlog-items").then().body("items[0].title", equalTo("Update obligations register"));
        given().auth().oauth2(TARA).queryParam("allianceId", "B-FOREIGN").when().get("/api/backlog-items")
                .then().statusCode(200).body("items", empty());

        // Walk every page of a sort with ties (same due date) and see each item exactly once.
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            var page = given().auth().oauth2(TARA).queryParam("allianceId", "B-LIST").queryParam("sort", "dueDate")
                    .queryParam("limit", 1).queryParam("after", after == null ? "" : after)
                    .when().get("/api/backlog-items").then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            after = page.path("next");
        } while (after != null);
        assertEquals(seen.size(), seen.stream().distinct().count());
        assertEquals(count("select count(*) from backlog_item where alliance_id = 'B-LIST'"), seen.size());

        given().auth().oauth2(TARA).queryParam("status", "SLEEPING").when().get("/api/backlog-items")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("status"));
        given().auth().oauth2(TARA).queryParam("dueBefore", "soon").when().get("/api/backlog-items")
                .then().statusCode(400).body("errors.field", hasItem("dueBefore"));
        given().auth().oauth2(TARA).queryParam("after", "garbage").when().get("/api/backlog-items")
                .then().statusCode(400).body("errors.field", hasItem("after"));
        given().when().get("/api/backlog-items").then().statusCode(401);
    }

    @Test
    void dropNeedsAReasonAndEndsTheItem() {
        String id = createItemId(TARA, "B-ITEMS", "Obsolete task");
        String path = "/api/backlog-items/" + id + "/drop";
        String etag = etag("/api/backlog-items/" + id, TARA);
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", etag).body("{}")
                .when().post(path).then().statusCode(400).body("errors.field", hasItem("reason"));
        given().auth().oauth2(SVEN).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"reason\":\"superseded\"}").when().post(path).then().statusCode(403);
        given().auth().oauth2(NORA).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"reason\":\"superseded\"}").when().post(path).then().statusCode(404);
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", "\"7\"")
                .body("{\"reason\":\"superseded\"}").when().post(path).then().statusCode(412);
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"reason\":\"superseded by JSC decision\"}").when().post(path)
                .then().statusCode(200).body("status", equalTo("DROPPED"));
        given().auth().oauth2(TARA).contentType(ContentType.JSON)
                .header("If-Match", etag("/api/backlog-items/" + id, TARA))
                .body("{\"reason\":\"again\"}").when().post(path).then().statusCode(409);
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + id
                + "' and event_type = 'io.entente.BacklogItemDropped' and payload like '%superseded by JSC%'"));
    }

    @Test
    void csvExportOfAFilteredBacklog() {
        createItemId(TARA, "B-CSV", "Plain title");
        given().auth().oauth2(TARA).contentType(ContentType.JSON)
                .body("""
                        {"allianceId":"B-CSV","title":"=HYPERLINK(\\"x\\"), with comma","discipline":"FINANCE",
                         "type":"TASK"}""").when().post("/api/backlog-items").then().statusCode(201);
        String csv = given().auth().oauth2(Fixtures.stakeholder("B-CSV")).accept("text/csv")
                .queryParam("allianceId", "B-CSV").when().get("/api/backlog-items/export")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("backlog.csv"))
                .header("X-Entente-Truncated", "false")
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(3, lines.length, csv);
        assertTrue(lines[0].startsWith("id,allianceId,rank,title"));
        assertTrue(lines[1].contains(",Plain title,GOVERNANCE,TASK,NEW,3,"), lines[1]);
        assertTrue(lines[2].contains("\"'=HYPERLINK(\"\"x\"\"), with comma\""), lines[2]);
        given().auth().oauth2(TARA).accept("text/csv").queryParam("allianceId", "B-CSV").queryParam("type", "FINANCE")
                .when().get("/api/backlog-items/export").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(NORA).accept("text/csv").queryParam("allianceId", "B-CSV")
                .when().get("/api/backlog-items/export").then().statusCode(200)
                .body(equalTo(lines[0] + "\r\n"));
        given().accept("text/csv").when().get("/api/backlog-items/export").then().statusCode(401);
    }

    @Test
    void aMoveToWhereTheItemAlreadyIsChangesNothing() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ids.add(createItemId(TARA, "B-NOOP", "Item " + i));
        }
        String second = ids.get(1);
        String third = ids.get(2);
        // A real move first: 1, 3, 2, with 3 directly above 2 in the whole backlog (other tests' items included).
        given().auth().oauth2(TARA).contentType(ContentType.JSON)
                .header("If-Match", etag("/api/backlog-items/" + third, TARA))
                .body("{\"above\":\"" + second + "\"}")
                .when().post("/api/backlog-items/" + third + "/rank").then().statusCode(200);

        for (String[] move : new String[][]{{third, "above", second}, {second, "below", third}}) {
            String path = "/api/backlog-items/" + move[0];
            String etag = etag(path, TARA);
            String body = given().auth().oauth2(TARA).when().get(path).then().extract().asString();
            long audited = count("select count(*) from audit_log where aggregate_id = '" + move[0] + "'");
            long outboxed = count("select count(*) from outbox_event where aggregate_id = '" + move[0] + "'");

            given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", etag)
                    .body("{\"" + move[1] + "\":\"" + move[2] + "\"}")
                    .when().post(path + "/rank").then().statusCode(200)
                    .header("ETag", equalTo(etag))
                    .body(equalTo(body));

            given().auth().oauth2(TARA).when().get(path).then().header("ETag", equalTo(etag)).body(equalTo(body));
            assertEquals(audited, count("select count(*) from audit_log where aggregate_id = '" + move[0] + "'"),
                    "no audit row for a move that changes nothing");
            assertEquals(outboxed, count("select count(*) from outbox_event where aggregate_id = '" + move[0] + "'"),
                    "no event for a move that changes nothing");
            // Still a conditional request: a stale version is refused even when nothing would change.
            given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", "\"99\"")
                    .body("{\"" + move[1] + "\":\"" + move[2] + "\"}")
                    .when().post(path + "/rank").then().statusCode(412);
        }
        given().auth().oauth2(TARA).queryParam("allianceId", "B-NOOP").when().get("/api/backlog-items")
                .then().body("items.title", contains("Item 1", "Item 3", "Item 2"));
        assertEquals(2, count("select count(*) from audit_log where aggregate_id = '" + third + "'"),
                "item 3: its create and the one real move");
    }

    @Test
    void aFieldTheRequestDoesNotDefineIsRefusedAndNothingIsStored() {
        long before = count("select count(*) from backlog_item where alliance_id = 'B-ITEMS'");
        given().auth().oauth2(TARA).contentType(ContentType.JSON)
                .body("""
                        {"allianceId":"B-ITEMS","title":"Promote me","discipline":"GOVERNANCE","type":"TASK",
                         "admin":true}""")
                .when().post("/api/backlog-items").then().statusCode(400)
                .contentType("application/problem+json");
        assertEquals(before, count("select count(*) from backlog_item where alliance_id = 'B-ITEMS'"));
    }

    private List<String> ranks(List<String> ids) {
        List<String> ranks = new ArrayList<>();
        for (String id : ids) {
            ranks.add((String) em.createNativeQuery("select rank from backlog_item where id = cast(?1 as uuid)")
                    .setParameter(1, id).getSingleResult());
        }
        return ranks;
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
