package io.entente.governance;

import io.entente.platform.testing.ListParameters;
import io.entente.platform.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Every governance list reads its parameters strictly and answers {items, next}. Each list holds two rows of one
 * alliance so that a page of one issues a real cursor to tamper with.
 */
@QuarkusTest
class ListParametersTest extends ListParameters {

    static final String A = Fixtures.allianceKey("LPT");
    static final String ALEX = TestTokens.user("alex").roles("alliance-manager").alliances(A).sign();

    private static String meeting;

    // Also called while JUnit collects the parameterized cases, before Quarkus points RestAssured at the running
    // application, hence the explicit address.
    @BeforeEach
    void twoOfEverything() {
        if (meeting != null) {
            return;
        }
        URI app = URI.create(TestHTTPResourceManager.getUri());
        RestAssured.baseURI = app.getScheme() + "://" + app.getHost();
        RestAssured.port = app.getPort();
        String jsc = Fixtures.id(Fixtures.createBody(ALEX, A, "JSC", "QUARTERLY").then().statusCode(201).extract()
                .response());
        Fixtures.createBody(ALEX, A, "JDC", "MONTHLY").then().statusCode(201);
        String meeting = Fixtures.id(schedule(jsc, "JSC November", "2026-11-20T10:00:00+01:00"));
        schedule(jsc, "JSC February", "2027-02-10T10:00:00+01:00");
        String etag = given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", etag(meeting))
                .body("""
                        {"items":[{"id":"open","section":"Opening","title":"Welcome","durationMinutes":10,
                                   "purpose":"INFORMATION"}]}""")
                .put("/api/meetings/" + meeting + "/agenda").then().statusCode(200).extract().header("ETag");
        etag = given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Fixtures.attendanceAllPresent()).put("/api/meetings/" + meeting + "/attendance").then()
                .statusCode(200).extract().header("ETag");
        for (String title : List.of("Book the venue", "Send the data package")) {
            etag = given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", etag)
                    .body("""
                            {"agendaItemId":"open","type":"ACTION_ITEM","actionTitle":"%s","owner":"tara",
                             "dueDate":"2026-12-10"}""".formatted(title))
                    .post("/api/meetings/" + meeting + "/outcomes").then().statusCode(200).extract().header("ETag");
        }
        given().auth().oauth2(ALEX).post("/api/meetings/" + meeting + "/packets").then().statusCode(201);
        given().auth().oauth2(ALEX).post("/api/meetings/" + meeting + "/packets").then().statusCode(201);
        ListParametersTest.meeting = meeting;
    }

    @Override
    protected List<ListEndpoint> lists() {
        twoOfEverything();
        return List.of(bodies(), meetings(), actionItems(), packets(), meetingHistory());
    }

    @Override
    protected List<BadParameter> badFilters() {
        twoOfEverything();
        return List.of(
                new BadParameter(HEALTH, "from", "2026-Q0"),
                new BadParameter(HEALTH, "to", "2026"),
                new BadParameter(HEALTH, "committee", "not-a-uuid"),
                new BadParameter(bodies(), "type", "NOPE"),
                new BadParameter(bodies(), "sort", "password"),
                new BadParameter(meetings(), "status", "NOPE"),
                new BadParameter(meetings(), "bodyId", "not-a-uuid"),
                new BadParameter(meetings(), "from", "2026-13-45"),
                new BadParameter(meetings(), "to", "yesterday"),
                new BadParameter(meetings(), "sort", "title"),
                new BadParameter(actionItems(), "status", "NOPE"),
                new BadParameter(actionItems(), "meetingId", "1-2-3-4-5"),
                new BadParameter(actionItems(), "sort", "owner"),
                new BadParameter(packets(), "sort", "generatedAt"));
    }

    @Test
    void everyListIssuesACursorThatReadsOn() {
        for (ListEndpoint list : lists()) {
            String next = given().auth().oauth2(ALEX).queryParam("limit", 1).get(list.path()).then()
                    .statusCode(200).body("items.size()", equalTo(1)).body("next", notNullValue()).extract()
                    .path("next");
            given().auth().oauth2(ALEX).queryParam("limit", 1).queryParam("after", next).get(list.path()).then()
                    .statusCode(200).body("items.size()", equalTo(1));
        }
    }

    @Test
    void aCreateWithAnUnknownFieldIsRefusedAndStoresNothing() {
        String alliance = Fixtures.allianceKey("UNK");
        String token = TestTokens.user("uma").roles("alliance-manager").alliances(alliance).sign();
        String body = Fixtures.body(alliance, "JSC", "QUARTERLY");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(body.substring(0, body.lastIndexOf('}')) + ",\"admin\":true}")
                .post("/api/governance-bodies").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).queryParam("allianceId", alliance).get("/api/governance-bodies").then()
                .statusCode(200).body("items.size()", equalTo(0));
        Fixtures.createBody(token, alliance, "JSC", "QUARTERLY").then().statusCode(201);
        given().auth().oauth2(token).queryParam("allianceId", alliance).get("/api/governance-bodies").then()
                .statusCode(200).body("items.type", hasItem("JSC"));
    }

    /** One page by design (the quarters bound it), so only its own filters are swept. */
    private static final ListEndpoint HEALTH = new ListEndpoint("/api/governance-health", ALEX);

    private ListEndpoint bodies() {
        return new ListEndpoint("/api/governance-bodies?allianceId=" + A, ALEX);
    }

    private ListEndpoint meetings() {
        return new ListEndpoint("/api/meetings?allianceId=" + A, ALEX);
    }

    private ListEndpoint actionItems() {
        return new ListEndpoint("/api/action-items?allianceId=" + A, ALEX);
    }

    private ListEndpoint packets() {
        return new ListEndpoint("/api/meetings/" + meeting + "/packets", ALEX);
    }

    private ListEndpoint meetingHistory() {
        return new ListEndpoint("/api/meetings/" + meeting + "/history", ALEX);
    }

    private static Response schedule(String body, String title, String startsAt) {
        return given().auth().oauth2(ALEX).contentType(ContentType.JSON)
                .body(Fixtures.meeting(body, title, startsAt, "Europe/Zurich")).post("/api/meetings").then()
                .statusCode(201).extract().response();
    }

    private static String etag(String meeting) {
        return given().auth().oauth2(ALEX).get("/api/meetings/" + meeting).then().statusCode(200).extract()
                .header("ETag");
    }
}
