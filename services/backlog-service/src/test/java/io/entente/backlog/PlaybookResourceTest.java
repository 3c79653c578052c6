package io.entente.backlog;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class PlaybookResourceTest {

    static final String GWEN = Fixtures.governance("P-JSC");

    @Inject
    EntityManager em;

    @BeforeEach
    void portfolio() {
        Fixtures.alliances("P-JSC", "P-OTHER");
    }

    @Test
    void theDefaultPlaybooksShipWithTheService() {
        given().auth().oauth2(Fixtures.stakeholder()).when().get("/api/playbooks")
                .then().statusCode(200)
                .body("items.size()", greaterThanOrEqualTo(6))
                .body("items.key", hasItems("due-diligence", "alliance-launch", "jsc-preparation", "annual-health-check",
                        "obligation-reporting", "wind-down", "decision-preparation"))
                .body("items.tasks.flatten().discipline", hasItems("GOVERNANCE", "CONTRACTS", "FINANCE",
                        "ALLIANCE_HEALTH", "PROJECT_MANAGEMENT", "LEGAL"));
        given().auth().oauth2(GWEN).when().get("/api/playbooks/jsc-preparation")
                .then().statusCode(200).body("anchorLabel", equalTo("meeting date"))
                .body("tasks[0].offsetDays", equalTo(-21))
                .body("tasks.title", hasItem("Send the pre-read to members"));
        given().auth().oauth2(GWEN).when().get("/api/playbooks/b0000000-0000-4000-8000-000000000006")
                .then().statusCode(200).body("key", equalTo("wind-down"));
        given().auth().oauth2(GWEN).when().get("/api/playbooks/team-offsite").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/playbooks").then().statusCode(401);
    }

    @Test
    void applyingAPlaybookCreatesItsItemsWithDueDatesFromTheOffsets() {
        long before = count("select count(*) from backlog_item where alliance_id = 'P-JSC'");
        given().auth().oauth2(GWEN).contentType(ContentType.JSON)
                .body("{\"playbook\":\"jsc-preparation\",\"anchorDate\":\"2027-02-15\"}")
                .when().post("/api/alliances/P-JSC/playbook-applications")
                .then().statusCode(201)
                .body("playbookKey", equalTo("jsc-preparation"))
                .body("items.size()", equalTo(8))
                .body("items[0].title", equalTo("Agree the agenda with the partner co-chair"))
                .body("items[0].dueDate", equalTo("2027-01-25"))
                .body("items[5].dueDate", equalTo("2027-02-08"))
                .body("items.allianceId", everyItem(equalTo("P-JSC")))
                .body("items.sourceRef", everyItem(containsString("playbook:b0000000-0000-4000-8000-000000000003")));
        assertEquals(before + 8, count("select count(*) from backlog_item where alliance_id = 'P-JSC'"));
        assertEquals(1, count("select count(*) from playbook_application where alliance_id = 'P-JSC'"));
        assertEquals(8, count("select count(*) from outbox_event where alliance_id = 'P-JSC' "
                + "and event_type = 'io.entente.BacklogItemCreated' and payload like '%playbook:%'"));
    }

    @Test
    void applyingIsRefusedWithoutRoleMembershipOrAValidPlaybook() {
        long before = count("select count(*) from backlog_item");
        String body = "{\"playbook\":\"wind-down\",\"anchorDate\":\"2027-06-30\"}";
        given().auth().oauth2(GWEN).contentType(ContentType.JSON)
                .body("{\"playbook\":\"team-offsite\",\"anchorDate\":\"2027-06-30\"}")
                .when().post("/api/alliances/P-JSC/playbook-applications")
                .then().statusCode(400).body("errors.field", hasItem("playbook"));
        given().auth().oauth2(GWEN).contentType(ContentType.JSON).body("{\"playbook\":\"wind-down\"}")
                .when().post("/api/alliances/P-JSC/playbook-applications")
                .then().statusCode(400).body("errors.field", hasItem("anchorDate"));
        given().auth().oauth2(Fixtures.stakeholder("P-JSC")).contentType(ContentType.JSON).body(body)
                .when().post("/api/alliances/P-JSC/playbook-applications").then().statusCode(403);
        given().auth().oauth2(GWEN).contentType(ContentType.JSON).body(body)
                .when().post("/api/alliances/P-OTHER/playbook-applications").then().statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/alliances/P-JSC/playbook-applications").then().statusCode(401);
        assertEquals(before, count("select count(*) from backlog_item"));
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
