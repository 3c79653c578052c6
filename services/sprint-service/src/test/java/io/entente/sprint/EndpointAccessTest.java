package io.entente.sprint;

import io.entente.events.backlog.AllianceEvent.AllianceRegistered;
import io.entente.platform.testing.AccessMatrix;
import io.entente.platform.testing.AccessMatrix.Row;
import io.entente.platform.testing.EndpointAccess;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static io.entente.platform.testing.AccessMatrix.Foreign.FILTERED;
import static io.entente.platform.testing.AccessMatrix.Foreign.SHARED;
import static io.entente.platform.testing.AccessMatrix.Partner.ALLOWED;
import static io.entente.platform.testing.AccessMatrix.Partner.FORBIDDEN;
import static io.entente.platform.testing.AccessMatrix.row;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * The security matrix of the sprint service; see {@link EndpointAccess}. Teams and sprints span
 * alliances, so the user of alliance B here is a member of the same team as alliance A's people: that is where
 * need-to-know matters. Team and sprint reads answer them with alliance A left out (restricted cards, no key), team
 * and sprint changes are theirs to make, while alliance A's items and cards answer 404.
 */
@QuarkusTest
class EndpointAccessTest extends EndpointAccess {

    static final String A = "ACS-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    static final String B = "BCS-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);

    static final String TEAM = """
            {"name":"Access team","description":"Works for A and B","disciplines":["GOVERNANCE"],
             "alliances":["{A}","{B}"],
             "members":[{"userId":"ally","displayName":"Ally","role":"LEAD","pointsPerDay":1.0},
                        {"userId":"bea","displayName":"Bea","role":"MEMBER","pointsPerDay":1.0},
                        {"userId":"rolf","displayName":"Rolf","role":"MEMBER","pointsPerDay":0.5}]}""";
    static final String TEAM_OF_A = TEAM.replace(",\"{B}\"", "").replace("Access team", "Access team of A");
    static final String SPRINT = """
            {"teamId":"{team}","name":"Access sprint","goal":"g","startDate":"2026-12-07","endDate":"2026-12-18"}""";
    static final String CAPACITY = """
            {"members":[{"userId":"ally","absenceDays":1,"pointsPerDay":1.0}]}""";

    static final String MANAGER = "mgr-" + UUID.randomUUID().toString().substring(0, 8);
    static final String WHAT_IF = """
            {"changes":[{"kind":"ADD","tier":1,"phase":"EXECUTION","manager":"{manager}"}]}""";
    static final String CATALOGUE = """
            {"entries":[{"service":"HEALTH_CHECK","tier":3,"phase":"EXECUTION","timesPerYear":1,"hoursEach":6,
             "performedBy":"ALLIANCE_HEALTH"}]}""";

    static final List<Row> ROWS = List.of(
            row("GET /api/me").foreign(FILTERED, "only the caller's own identity").partner(ALLOWED),

            row("GET /api/sprint-candidates").at("/api/sprint-candidates?allianceId={A}")
                    .partner(FORBIDDEN, "sprints, teams and capacity are internal"),
            row("GET /api/sprint-candidates/{itemId}").at("/api/sprint-candidates/{candidate}")
                    .partner(FORBIDDEN, "sprints, teams and capacity are internal"),

            row("GET /api/teams").at("/api/teams?member=ally")
                    .foreign(FILTERED, "teams span alliances; covered alliances the reader may not see are left out")
                    .partner(FORBIDDEN, "sprints, teams and capacity are internal"),
            row("GET /api/teams/{id}").at("/api/teams/{team}").foreign(FILTERED, "teams span alliances; covered "
                    + "alliances the reader may not see are left out")
                    .partner(FORBIDDEN, "sprints, teams and capacity are internal"),
            row("GET /api/teams/{id}/velocity").at("/api/teams/{team}/velocity")
                    .foreign(FILTERED, "team totals, no alliance breakdown")
                    .partner(FORBIDDEN, "sprints, teams and capacity are internal"),
            row("GET /api/teams/{id}/history").at("/api/teams/{team}/history").foreign(FILTERED, "the team's "
                    + "changes without the covered alliances, which name alliance A")
                    .partner(FORBIDDEN, "sprints, teams and capacity are internal"),
            row("POST /api/teams").body(TEAM_OF_A).partner(FORBIDDEN, "sprints, teams and capacity are internal"),
            row("PUT /api/teams/{id}").at("/api/teams/{team}").body(TEAM_OF_A).ifMatchOf("/api/teams/{team}")
                    .partner(FORBIDDEN, "sprints, teams and capacity are internal"),

            row("GET /api/sprints").at("/api/sprints?teamId={team}")
                    .partner(FORBIDDEN, "sprints, teams and capacity are internal"),
            row("GET /api/sprints/{id}").at("/api/sprints/{sprint}")
                    .foreign(FILTERED, "sprints span alliances; load of alliances the reader may not see is hidden")
                    .partner(FORBIDDEN, "sprints, teams and capacity are internal"),
            row("GET /api/sprints/{id}/board").at("/api/sprints/{sprint}/board")
                    .foreign(FILTERED, "cards of alliance A come back restricted: opaque label, no title or key")
                    .partner(FORBIDDEN, "sprints, teams and capacity are internal"),
            row("GET /api/sprints/{id}/burndown").at("/api/sprints/{sprint}/burndown")
                    .foreign(FILTERED, "team totals, no alliance breakdown")
                    .partner(FORBIDDEN, "sprints, teams and capacity are internal"),
            row("GET /api/sprints/{id}/history").at("/api/sprints/{sprint}/history")
                    .foreign(FILTERED, "the sprint's own changes; changes to cards of alliance A are left out")
                    .partner(FORBIDDEN, "sprints, teams and capacity are internal"),
            row("POST /api/sprints").body(SPRINT)
                    .foreign(SHARED, "a team member of any alliance plans the team's sprints")
                    .partner(FORBIDDEN, "sprints, teams and capacity are internal"),
            row("PUT /api/sprints/{id}/capacity").at("/api/sprints/{sprint}/capacity").body(CAPACITY)
                    .ifMatchOf("/api/sprints/{sprint}")
                    .foreign(SHARED, "a team member of any alliance plans the team's capacity")
                    .partner(FORBIDDEN, "sprints, teams and capacity are internal"),
            row("PUT /api/sprints/{id}/state").at("/api/sprints/{sprint}/state").body("{\"state\":\"ACTIVE\"}")
                    .ifMatchOf("/api/sprints/{sprint}")
                    .foreign(SHARED, "a team member of any alliance starts and closes the team's sprints")
                    .partner(FORBIDDEN, "sprints, teams and capacity are internal"),

            row("POST /api/sprints/{sprintId}/items").at("/api/sprints/{sprint}/items")
                    .body("{\"itemId\":\"{candidate}\"}")
                    .partner(FORBIDDEN, "sprints, teams and capacity are internal"),
            row("GET /api/sprints/{sprintId}/items/{itemId}").at("/api/sprints/{sprint}/items/{card}")
                    .partner(FORBIDDEN, "sprints, teams and capacity are internal"),
            row("PUT /api/sprints/{sprintId}/items/{itemId}").at("/api/sprints/{sprint}/items/{card}")
                    .body("{\"column\":\"TODO\",\"assignee\":\"ally\"}")
                    .ifMatchOf("/api/sprints/{sprint}/items/{card}")
                    .partner(FORBIDDEN, "sprints, teams and capacity are internal"),
            row("DELETE /api/sprints/{sprintId}/items/{itemId}").at("/api/sprints/{sprint}/items/{card}")
                    .ifMatchOf("/api/sprints/{sprint}/items/{card}")
                    .partner(FORBIDDEN, "sprints, teams and capacity are internal"),

            row("GET /api/workload").foreign(FILTERED, "portfolio loads; alliances the reader may not see count "
                    + "but show restricted, without key, name or partner")
                    .partner(FORBIDDEN, "workload and capacity figures are internal"),
            row("POST /api/workload/what-if").body(WHAT_IF).foreign(FILTERED, "a read sent as POST; alliances the "
                    + "reader may not see show restricted")
                    .partner(FORBIDDEN, "workload and capacity figures are internal"),
            row("GET /api/service-catalogue").foreign(FILTERED, "the catalogue names no alliance")
                    .partner(FORBIDDEN, "workload and capacity figures are internal"),
            row("PUT /api/service-catalogue").body(CATALOGUE).ifMatchOf("/api/service-catalogue")
                    .foreign(SHARED, "the catalogue spans alliances")
                    .partner(FORBIDDEN, "workload and capacity figures are internal"),
            row("GET /api/governance-health").at("/api/governance-health?alliance={A}")
                    .foreign(AccessMatrix.Foreign.NOT_FOUND, "another alliance's figures answer as if it did not exist")
                    .partner(FORBIDDEN, "internal governance figures"),
            row("GET /api/alliance-managers").foreign(FILTERED, "managers with capacity and alliance counts, no keys")
                    .partner(FORBIDDEN, "workload and capacity figures are internal"),
            row("GET /api/alliance-managers/{id}").at("/api/alliance-managers/{manager}")
                    .foreign(FILTERED, "a manager's capacity and alliance count, no keys")
                    .partner(FORBIDDEN, "workload and capacity figures are internal"),
            row("PUT /api/alliance-managers/{id}/capacity").at("/api/alliance-managers/{manager}/capacity")
                    .body("{\"hoursPerMonth\":100}").ifMatchOf("/api/alliance-managers/{manager}")
                    .foreign(SHARED, "a manager's capacity spans alliances")
                    .partner(FORBIDDEN, "workload and capacity figures are internal"));

    @Inject
    EntityManager em;

    @Override
    protected String servicePackage() {
        return "io.entente.sprint";
    }

    @Override
    protected List<Row> rows() {
        return ROWS;
    }

    @Override
    protected AccessMatrix fixtures(AccessMatrix matrix) {
        String admin = Fixtures.ADMIN;
        Fixtures.Item card = Fixtures.Item.of(A, "Sealed tox study " + A, 3);
        Fixtures.Item candidate = Fixtures.Item.of(A, "Sealed CMC transfer " + A, 2);
        Fixtures.Item ofB = Fixtures.Item.of(B, "Visible to B", 2);
        Fixtures.publish(card, candidate, ofB);
        Fixtures.publishEvents(new AllianceRegistered(A, "Sealed alliance " + A, "Sealed partner " + A, "LICENSING",
                1, "EXECUTION", 3, 3, MANAGER, LocalDate.of(2026, 1, 5)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(admin)
                .get("/api/alliance-managers/" + MANAGER).then().statusCode(200));
        String team = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(TEAM.replace("{A}", A).replace("{B}", B)).post("/api/teams")
                .then().statusCode(201).extract().path("id");
        String sprint = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(SPRINT.replace("{team}", team)).post("/api/sprints")
                .then().statusCode(201).extract().path("id");
        Fixtures.commit(admin, sprint, card.id()).statusCode(201);
        Fixtures.commit(admin, sprint, ofB.id()).statusCode(201);
        return matrix
                .bind("A", A).bind("B", B).bind("team", team).bind("sprint", sprint).bind("card", card.id())
                .bind("candidate", candidate.id())
                .bind("manager", MANAGER)
                .secret(A, card.id(), candidate.id(), "Sealed tox study", "Sealed CMC transfer", "Sealed alliance",
                        "Sealed partner")
                .reader(admin)
                .ally(memberOf("ally", A))
                .foreigner(memberOf("bea", B))
                .partner(partnerOf("pia", A))
                // rolf is a member of the team too, so a 403 can only come from the role
                .refused(memberWithRoles("rolf", A))
                .fingerprint(() -> fingerprint(team, sprint));
    }

    List<Long> fingerprint(String team, String sprint) {
        List<String> sql = new ArrayList<>(AccessMatrix.changeRecordSql(A, "rolf", "bea", "pia"));
        sql.add("select count(*) + coalesce(sum(version), 0) from sprint_item where alliance_id = '" + A + "'");
        sql.add("select coalesce(sum(version), 0) from team where id = '" + team + "'");
        sql.add("select coalesce(sum(version), 0) from sprint where id = '" + sprint + "'");
        return sql.stream().map(q -> ((Number) em.createNativeQuery(q).getSingleResult()).longValue()).toList();
    }
}
