package io.entente.backlog;

import io.entente.platform.testing.ListParameters;
import io.quarkus.test.common.RestAssuredURLManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import java.util.List;

import static io.restassured.RestAssured.given;

/** Every list of the backlog service, with a value each of its typed filters cannot read. */
@QuarkusTest
class ListParametersTest extends ListParameters {

    static final String TARA = Fixtures.member("L-ONE", "L-TWO");

    static final ListEndpoint ALLIANCES = new ListEndpoint("/api/alliances", TARA);
    static final ListEndpoint ITEMS = new ListEndpoint("/api/backlog-items", TARA);
    static final ListEndpoint RISKS = new ListEndpoint("/api/risks", TARA);
    static final ListEndpoint OBLIGATIONS = new ListEndpoint("/api/obligations", TARA);
    /** One page by design (the quarters bound it), so only its own filters are swept. */
    static final ListEndpoint HEALTH = new ListEndpoint("/api/governance-health", TARA);
    static final ListEndpoint PLAYBOOKS = new ListEndpoint("/api/playbooks", TARA);
    /** Not a page (CSV), but it reads the same filters as the item list. */
    static final ListEndpoint EXPORT = new ListEndpoint("/api/backlog-items/export", TARA);
    static final ListEndpoint RISK_EXPORT = new ListEndpoint("/api/risks/export", TARA);
    static final ListEndpoint OBLIGATION_EXPORT = new ListEndpoint("/api/obligations/export", TARA);
    /** An alliance and an item with two changes each, so that a first page of one change issues a cursor. */
    static final ListEndpoint ALLIANCE_HISTORY = new ListEndpoint("/api/alliances/L-ONE/history", TARA);
    private static ListEndpoint itemHistory;

    private static boolean seeded;

    /**
     * Two rows in every list, so that a first page of one issues a next cursor. Seeded when the lists are first
     * asked for: the parameter sources run once the application is up, before any case reads a list.
     */
    private static synchronized void twoOfEverything() {
        if (seeded) {
            return;
        }
        seeded = true;
        Fixtures.alliances("L-ONE", "L-TWO");
        if (given().auth().oauth2(TARA).get("/api/alliances/L-ONE/history").path("items.size()").equals(1)) {
            given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON)
                    .header("If-Match", Fixtures.etag("/api/alliances/L-ONE", TARA))
                    .body("{\"phase\":\"RENEWAL\"}").post("/api/alliances/L-ONE/phase").then().statusCode(200);
        }
        String historied = Fixtures.createItemId(TARA, "L-ONE", "Item with a history");
        given().auth().oauth2(TARA).contentType(ContentType.JSON)
                .header("If-Match", Fixtures.etag("/api/backlog-items/" + historied, TARA))
                .body("{\"reason\":\"a second change\"}").post("/api/backlog-items/" + historied + "/drop")
                .then().statusCode(200);
        itemHistory = new ListEndpoint("/api/backlog-items/" + historied + "/history", TARA);
        if (given().auth().oauth2(TARA).get("/api/risks").path("items.size()").equals(0)) {
            for (int i = 1; i <= 2; i++) {
                Fixtures.createItem(TARA, "L-ONE", "Listed item " + i);
                post("/api/risks", """
                        {"allianceId":"L-ONE","title":"Listed risk %d","category":"SUPPLY","likelihood":2,
                         "impact":2,"owner":"tara"}""".formatted(i));
                post("/api/obligations", """
                        {"allianceId":"L-ONE","title":"Listed obligation %d","clauseRef":"§%d","kind":"REPORT",
                         "owedBy":"US","dueDate":"2027-06-30","leadTimeDays":10}""".formatted(i, i));
            }
        }
    }

    private static void post(String path, String body) {
        given().auth().oauth2(TARA).contentType(ContentType.JSON).body(body).post(path).then().statusCode(201);
    }

    @Override
    protected List<ListEndpoint> lists() {
        // The parameter sources call the lists before Quarkus points RestAssured at the application (it does so
        // per test), so point it here.
        RestAssuredURLManager.setURL(false);
        twoOfEverything();
        return List.of(ALLIANCES, ITEMS, RISKS, OBLIGATIONS, PLAYBOOKS, ALLIANCE_HISTORY, itemHistory);
    }

    @Override
    protected List<BadParameter> badFilters() {
        return List.of(
                new BadParameter(HEALTH, "from", "2026-Q9"),
                new BadParameter(HEALTH, "to", "last year"),
                new BadParameter(HEALTH, "alliance", "lower case"),
                new BadParameter(ALLIANCES, "phase", "NAPPING"),
                new BadParameter(ALLIANCES, "type", "MERGER"),
                new BadParameter(ALLIANCES, "tier", "first"),
                new BadParameter(ITEMS, "discipline", "ASTROLOGY"),
                new BadParameter(ITEMS, "status", "SLEEPING"),
                new BadParameter(ITEMS, "status", "READY,SLEEPING"),
                new BadParameter(ITEMS, "type", "EPIC"),
                new BadParameter(ITEMS, "dueBefore", "2026-02-30"),
                new BadParameter(ITEMS, "dueBefore", "soon"),
                new BadParameter(ITEMS, "sprintId", "sprint-7"),
                new BadParameter(ITEMS, "sort", "password"),
                new BadParameter(EXPORT, "status", "SLEEPING"),
                new BadParameter(EXPORT, "dueBefore", "soon"),
                new BadParameter(EXPORT, "sprintId", "1-2-3-4-5"),
                new BadParameter(RISKS, "status", "WORRYING"),
                new BadParameter(RISKS, "category", "WEATHER"),
                new BadParameter(RISKS, "sort", "mood"),
                new BadParameter(RISK_EXPORT, "status", "WORRYING"),
                new BadParameter(RISK_EXPORT, "sort", "mood"),
                new BadParameter(OBLIGATION_EXPORT, "kind", "FAVOUR"),
                new BadParameter(OBLIGATION_EXPORT, "dueBefore", "2027-13-01"),
                new BadParameter(OBLIGATIONS, "status", "FORGOTTEN"),
                new BadParameter(OBLIGATIONS, "kind", "FAVOUR"),
                new BadParameter(OBLIGATIONS, "owedBy", "NOBODY"),
                new BadParameter(OBLIGATIONS, "dueBefore", "2027-13-01"),
                new BadParameter(PLAYBOOKS, "sort", "popularity"));
    }
}
