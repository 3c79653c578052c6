package io.entente.sprint;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.entente.sprint.Fixtures.ADMIN;
import static io.entente.sprint.Fixtures.ALEX;
import static io.entente.sprint.Fixtures.GWEN;
import static io.entente.sprint.Fixtures.NORA;
import static io.entente.sprint.Fixtures.SVEN;
import static io.entente.sprint.Fixtures.TARA;
import static io.entente.sprint.Fixtures.teamBody;
import static io.entente.sprint.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class TeamResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void createsReadsListsAndReplacesATeam() {
        String name = unique("Governance Operations");
        var created = given().auth().oauth2(GWEN).contentType(ContentType.JSON)
                .body(teamBody(name, List.of("GOVERNANCE"), List.of("ONC-HELIX", "LIC-CORVID"),
                        Map.of("IN_PROGRESS", 4, "IN_REVIEW", 2)))
                .when().post("/api/teams")
                .then().statusCode(201)
                .header("Location", containsString("/api/teams/"))
                .header("ETag", notNullValue())
                .body("name", equalTo(name))
                .body("members", hasSize(2))
                .body("members[0].displayName", equalTo("Nora Haddad"))
                .body("wipLimits.IN_PROGRESS", equalTo(4))
                .body("wipLimits.TODO", nullValue())
                .extract();
        String id = created.path("id");

        given().auth().oauth2(SVEN).when().get("/api/teams/" + id)
                .then().statusCode(200).header("ETag", "\"0\"")
                .body("alliances", contains("ONC-HELIX"))
                .body("restrictedAlliances", equalTo(1));

        given().auth().oauth2(TARA).queryParam("discipline", "GOVERNANCE").queryParam("member", "nora")
                .queryParam("allianceId", "ONC-HELIX").queryParam("limit", 200)
                .when().get("/api/teams")
                .then().statusCode(200).body("items.name", hasItem(name));
        given().auth().oauth2(TARA).queryParam("discipline", "LEGAL").queryParam("limit", 200)
                .when().get("/api/teams")
                .then().statusCode(200).body("items.name", everyItem(org.hamcrest.Matchers.not(name)));

        // Alex cannot see Corvid: his replacement keeps it covered rather than silently dropping it.
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(teamBody(name, List.of("GOVERNANCE", "FINANCE"), List.of("ONC-HELIX", "CDX-QUANTIA"), null))
                .when().put("/api/teams/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("disciplines", contains("GOVERNANCE", "FINANCE"))
                .body("alliances", contains("ONC-HELIX", "CDX-QUANTIA"))
                .body("restrictedAlliances", equalTo(1));
        given().auth().oauth2(ADMIN).when().get("/api/teams/" + id)
                .then().body("alliances", contains("ONC-HELIX", "CDX-QUANTIA", "LIC-CORVID"));
    }

    @Test
    void pagesThroughTeamsByName() {
        String prefix = unique("Paging");
        for (String suffix : List.of("A", "B", "C")) {
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                    .body(teamBody(prefix + " " + suffix, List.of("LEGAL"), List.of("DTX-ASTER"), null))
                    .when().post("/api/teams").then().statusCode(201);
        }
        var first = given().auth().oauth2(ADMIN).queryParam("discipline", "LEGAL").queryParam("limit", 2)
                .when().get("/api/teams").then().statusCode(200).body("items", hasSize(2)).extract();
        String next = first.path("next");
        given().auth().oauth2(ADMIN).queryParam("discipline", "LEGAL").queryParam("limit", 2)
                .queryParam("after", next)
                .when().get("/api/teams").then().statusCode(200).body("items", hasSize(1)).body("next", nullValue());
        given().auth().oauth2(ADMIN).queryParam("after", "garbage!").when().get("/api/teams")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(ADMIN).queryParam("limit", 201).when().get("/api/teams")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void refusesBadInputWithProblemDetails() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(teamBody("", List.of("governance"), List.of("ONC-HELIX"), Map.of("IN_PROGRESS", 0)))
                .when().post("/api/teams")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem(startsWith("disciplines")))
                .body("errors.field", hasItem(startsWith("wipLimits")));
        Map<String, Object> twice = teamBody(unique("Twice"), List.of("GOVERNANCE"), List.of("ONC-HELIX"), null);
        twice.put("members", List.of(
                Map.of("userId", "tara", "displayName", "Tara", "role", "LEAD", "pointsPerDay", 1),
                Map.of("userId", "tara", "displayName", "Tara again", "role", "MEMBER", "pointsPerDay", 1)));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(twice)
                .when().post("/api/teams")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("members[1].userId"));
        Map<String, Object> unknown = teamBody(unique("Unknown"), List.of("GOVERNANCE"), List.of("ONC-HELIX"), null);
        unknown.put("id", "00000000-0000-0000-0000-000000000001");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(unknown)
                .when().post("/api/teams").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(teamBody(unique("Bad column"), List.of("GOVERNANCE"), List.of("ONC-HELIX"),
                        Map.of("BLOCKED", 2)))
                .when().post("/api/teams").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void refusesADuplicateName() {
        String name = unique("Contracts & Obligations");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(teamBody(name, List.of("CONTRACTS"), List.of("LIC-CORVID"), null))
                .when().post("/api/teams").then().statusCode(201);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(teamBody(name.toUpperCase(), List.of("CONTRACTS"), List.of("LIC-CORVID"), null))
                .when().post("/api/teams").then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void guardsEveryEndpoint() {
        String id = Fixtures.team(unique("Guarded"), null);
        Map<String, Object> body = teamBody(unique("Guarded"), List.of("GOVERNANCE"), List.of("ONC-HELIX"), null);
        // 401 without a token
        given().contentType(ContentType.JSON).body(body).when().post("/api/teams").then().statusCode(401);
        given().when().get("/api/teams").then().statusCode(401);
        given().when().get("/api/teams/" + id).then().statusCode(401);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body).when().put("/api/teams/" + id)
                .then().statusCode(401);
        given().when().get("/api/teams/" + id + "/velocity").then().statusCode(401);
        // 403: staffing teams is for admins, alliance managers and governance ops
        given().auth().oauth2(TARA).contentType(ContentType.JSON).body(body).when().post("/api/teams")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(SVEN).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .when().put("/api/teams/" + id).then().statusCode(403).contentType(PROBLEM);
        // 404: an alliance the user may not see is answered like a missing one; unknown team
        given().auth().oauth2(ALEX).contentType(ContentType.JSON)
                .body(teamBody(unique("Corvid"), List.of("CONTRACTS"), List.of("LIC-CORVID"), null))
                .when().post("/api/teams").then().statusCode(404).contentType(PROBLEM)
                .body("detail", containsString("LIC-CORVID"));
        given().auth().oauth2(NORA).when().get("/api/teams/00000000-0000-0000-0000-000000000042")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(NORA).when().get("/api/teams/" + id + "/velocity?last=0")
                .then().statusCode(400).contentType(PROBLEM);
        // 428 without If-Match, 412 with a stale one
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body).when().put("/api/teams/" + id)
                .then().statusCode(428).contentType(PROBLEM);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", "\"7\"").body(body)
                .when().put("/api/teams/" + id).then().statusCode(412).contentType(PROBLEM);
    }
}
