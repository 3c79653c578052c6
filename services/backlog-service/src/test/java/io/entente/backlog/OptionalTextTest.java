package io.entente.backlog;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Optional text of nothing but blanks is stored as no value (null), other optional text without surrounding blanks. */
@QuarkusTest
class OptionalTextTest {

    static final String ALEX = Fixtures.manager("T-BLANK", "T-BLANK-PHASE");

    @Inject
    EntityManager em;

    @BeforeEach
    void portfolio() {
        Fixtures.alliances("T-BLANK");
    }

    @Test
    void blankItemTextIsNoTextAndOtherTextIsTrimmed() {
        String id = given().auth().oauth2(ALEX).contentType(ContentType.JSON).body("""
                        {"allianceId":"T-BLANK","title":"Prepare the JSC pre-read","description":"   ",
                         "discipline":"GOVERNANCE","type":"TASK","beneficiary":" \\t ","owner":""}""")
                .when().post("/api/backlog-items").then().statusCode(201)
                .body("description", nullValue()).body("beneficiary", nullValue()).body("owner", nullValue())
                .extract().path("id");
        assertStored("backlog_item", id, "description", null);
        assertStored("backlog_item", id, "beneficiary", null);
        assertStored("backlog_item", id, "owner", null);

        String path = "/api/backlog-items/" + id;
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", Fixtures.etag(path, ALEX))
                .body("""
                        {"title":"Prepare the JSC pre-read","description":"  Agree the agenda \\n ",
                         "discipline":"GOVERNANCE","type":"TASK","estimate":null,"beneficiary":"  JSC co-chairs ",
                         "stakeholderValue":null,"owner":"  gwen  ","dueDate":null}""")
                .when().put(path).then().statusCode(200)
                .body("description", equalTo("Agree the agenda")).body("beneficiary", equalTo("JSC co-chairs"))
                .body("owner", equalTo("gwen"));
        assertStored("backlog_item", id, "owner", "gwen");

        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", Fixtures.etag(path, ALEX))
                .body("""
                        {"title":"Prepare the JSC pre-read","description":" \\n\\t ","discipline":"GOVERNANCE",
                         "type":"TASK","estimate":null,"beneficiary":"   ","stakeholderValue":null,"owner":"   ",
                         "dueDate":null}""")
                .when().put(path).then().statusCode(200)
                .body("description", nullValue()).body("beneficiary", nullValue()).body("owner", nullValue());
        assertStored("backlog_item", id, "description", null);
        assertStored("backlog_item", id, "beneficiary", null);
        assertStored("backlog_item", id, "owner", null);
        // Required text stays required: blanks are not a title.
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", Fixtures.etag(path, ALEX))
                .body("""
                        {"title":"   ","description":null,"discipline":"GOVERNANCE","type":"TASK","estimate":null,
                         "beneficiary":null,"stakeholderValue":null,"owner":null,"dueDate":null}""")
                .when().put(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("title"));
    }

    @Test
    void aBlankMitigationIsNoMitigation() {
        String id = given().auth().oauth2(ALEX).contentType(ContentType.JSON).body("""
                        {"allianceId":"T-BLANK","title":"Late CMC data","category":"REGULATORY","likelihood":2,
                         "impact":2,"owner":"alex","mitigation":"    "}""")
                .when().post("/api/risks").then().statusCode(201).body("mitigation", nullValue())
                .extract().path("id");
        assertStored("risk", id, "mitigation", null);

        String path = "/api/risks/" + id;
        String update = """
                {"title":"Late CMC data","category":"REGULATORY","owner":"alex","mitigation":"%s","status":"OPEN"}""";
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", Fixtures.etag(path, ALEX))
                .body(update.formatted("  Weekly CMC call  ")).when().put(path).then().statusCode(200)
                .body("mitigation", equalTo("Weekly CMC call"));
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", Fixtures.etag(path, ALEX))
                .body(update.formatted(" \\t")).when().put(path).then().statusCode(200)
                .body("mitigation", nullValue());
        assertStored("risk", id, "mitigation", null);
    }

    @Test
    void aBlankPhaseChangeReasonIsNoReason() {
        given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON)
                .body(Fixtures.allianceBody("T-BLANK-PHASE", "EVALUATION", 3))
                .when().post("/api/alliances").then().statusCode(201);
        given().auth().oauth2(ALEX).contentType(ContentType.JSON)
                .header("If-Match", Fixtures.etag("/api/alliances/T-BLANK-PHASE", ALEX))
                .body("{\"phase\":\"DUE_DILIGENCE\",\"reason\":\"   \"}")
                .when().post("/api/alliances/T-BLANK-PHASE/phase").then().statusCode(200);
        @SuppressWarnings("unchecked")
        List<String> payloads = em.createNativeQuery("""
                        select payload from outbox_event
                        where aggregate_id = 'T-BLANK-PHASE' and event_type = 'io.entente.AlliancePhaseChanged'""")
                .getResultList();
        assertEquals(1, payloads.size());
        assertEquals(0, payloads.stream().filter(p -> p.contains("\"reason\":\"")).count(),
                "no blank reason in the event: " + payloads);
    }

    private void assertStored(String table, String id, String column, String expected) {
        Object stored = em.createNativeQuery("select " + column + " from " + table + " where id = cast(?1 as uuid)")
                .setParameter(1, id).getSingleResult();
        assertEquals(expected, stored, table + "." + column);
    }
}
