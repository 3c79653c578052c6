package io.entente.governance;

import io.entente.events.backlog.AllianceEvent.AllianceRegistered;
import io.entente.platform.testing.TestTokens;
import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The owner of an action item reports it done; nobody else may. */
@QuarkusTest
class ActionItemDoneTest {

    static final String A = Fixtures.allianceKey("ADN");
    static final String B = Fixtures.allianceKey("ADC");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void onlyTheOwnerReportsTheirOpenActionItemDone() {
        String action = actionOwnedBy(A, "omar");
        String owner = TestTokens.user("omar").roles("team-member").alliances(A).sign();
        String colleague = TestTokens.user("tom").roles("alliance-manager").alliances(A).sign();
        String partner = TestTokens.user("pia").roles("partner").alliances(A).sign();
        String path = "/api/action-items/" + action + "/done";

        given().auth().oauth2(partner).post(path).then().statusCode(404)
                .contentType(containsString("problem+json"));
        given().auth().oauth2(colleague).post(path).then().statusCode(403)
                .contentType(containsString("problem+json"));

        given().auth().oauth2(owner).post(path).then().statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("reportedDoneBy", equalTo("omar"))
                .body("reportedDoneAt", notNullValue());
        List<CloudEvent> events = Fixtures.readEvents(bootstrap, "meeting.events", meetingOf(action),
                found -> found.stream().anyMatch(e -> e.getType().endsWith("ActionItemReportedDone")));
        assertTrue(events.stream().filter(e -> e.getType().endsWith("ActionItemReportedDone"))
                .anyMatch(e -> Fixtures.data(e).contains(action) && Fixtures.data(e).contains("omar")));
    }

    @Test
    void anActionItemThatIsNoLongerOpenIsNotReportedAgain() {
        String action = actionOwnedBy(B, "olga");
        // The backlog closed the carrying item, and governance's mirror followed.
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("update action_item set status = 'DONE' where id = cast(?1 as uuid)")
                .setParameter(1, action).executeUpdate());
        String owner = TestTokens.user("olga").roles("partner").alliances(B).sign();
        given().auth().oauth2(owner).post("/api/action-items/" + action + "/done").then().statusCode(409)
                .contentType(containsString("problem+json"));
    }

    @Inject
    EntityManager em;

    private String meetingOf(String action) {
        String admin = TestTokens.user("admin").roles("admin").sign();
        return given().auth().oauth2(admin).get("/api/action-items/" + action).then().statusCode(200)
                .extract().path("meetingId");
    }

    private String actionOwnedBy(String alliance, String owner) {
        String admin = TestTokens.user("admin").roles("admin").sign();
        Fixtures.publish(bootstrap, "/entente/backlog-service", new AllianceRegistered(alliance, "Alliance " + alliance,
                "Partner Pharma", "CO_DEVELOPMENT", 1, "EXECUTION", 3, 3, "alex", LocalDate.of(2025, 1, 1)));
        String body = await().atMost(Duration.ofSeconds(30)).until(() -> {
            Response r = Fixtures.createBody(admin, alliance, "JSC", null);
            return r.statusCode() == 201 ? Fixtures.id(r) : null;
        }, id -> id != null);
        String meeting = Fixtures.id(EndpointAccessTest.send(admin, "POST", "/api/meetings", null,
                EndpointAccessTest.MEETING.replace("{body}", body), 201));
        EndpointAccessTest.send(admin, "PUT", "/api/meetings/" + meeting + "/agenda", "\"0\"",
                EndpointAccessTest.AGENDA, 200);
        EndpointAccessTest.send(admin, "PUT", "/api/meetings/" + meeting + "/attendance", "\"1\"",
                Fixtures.attendanceAllPresent(), 200);
        EndpointAccessTest.send(admin, "POST", "/api/meetings/" + meeting + "/outcomes", "\"2\"",
                EndpointAccessTest.OUTCOME.replace("\"ally\"", "\"" + owner + "\""), 200);
        return given().auth().oauth2(admin).queryParam("meetingId", meeting).get("/api/action-items")
                .then().statusCode(200).extract().path("items[0].id");
    }
}
