package io.entente.governance;

import io.entente.events.backlog.AllianceEvent.AllianceRegistered;
import io.entente.platform.testing.AccessMatrix;
import io.entente.platform.testing.AccessMatrix.Row;
import io.entente.platform.testing.EndpointAccess;
import io.entente.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.entente.platform.testing.AccessMatrix.Foreign.FILTERED;
import static io.entente.platform.testing.AccessMatrix.Partner.ALLOWED;
import static io.entente.platform.testing.AccessMatrix.Partner.FORBIDDEN;
import static io.entente.platform.testing.AccessMatrix.Partner.HIDDEN;
import static io.entente.platform.testing.AccessMatrix.row;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * The security matrix of the governance service; see {@link EndpointAccess}. Alliance A has a body, a
 * held meeting with agenda, attendance and an action item owned by the control user, and two packet versions.
 */
@QuarkusTest
class EndpointAccessTest extends EndpointAccess {

    static final String A = Fixtures.allianceKey("ACG");
    static final String B = Fixtures.allianceKey("BCG");

    static final String MEETING = """
            {"bodyId":"{body}","title":"Access probe meeting","startsAt":"2026-11-10T09:00:00+01:00",
             "timeZone":"Europe/Zurich","durationMinutes":120,"location":"Basel",
             "callLink":"https://meet.example.com/x","internalBriefing":"Access probe briefing"}""";
    static final String MEETING_UPDATE = """
            {"title":"Renamed meeting","startsAt":"2026-11-10T09:00:00+01:00","timeZone":"Europe/Zurich",
             "durationMinutes":120,"location":"Basel","callLink":"https://meet.example.com/x","attendees":[]}""";
    static final String BODY_UPDATE = """
            {"name":"JSC","quorum":3,"cadence":"QUARTERLY","decisionRights":"d","members":[]}""";
    static final String AGENDA = """
            {"items":[{"id":"item-1","section":"Strategy","title":"Portfolio review","durationMinutes":40,
             "purpose":"DISCUSSION","internalNote":"Access probe note"}]}""";
    static final String OUTCOME = """
            {"agendaItemId":"item-1","type":"ACTION_ITEM","actionTitle":"Access probe action","owner":"ally",
             "dueDate":"2026-12-04"}""";

    static final List<Row> ROWS = List.of(
            row("GET /api/me").foreign(FILTERED, "only the caller's own identity").partner(ALLOWED),

            row("GET /api/action-items").at("/api/action-items?allianceId={A}")
                    .partner(ALLOWED, "only the action items they own"),
            row("GET /api/action-items/{id}").at("/api/action-items/{action}")
                    .partner(HIDDEN, "an action item someone else owns"),
            row("POST /api/action-items/{id}/done").at("/api/action-items/{action}/done")
                    .partner(HIDDEN, "an action item someone else owns"),

            row("GET /api/governance-bodies").at("/api/governance-bodies?allianceId={A}")
                    .partner(ALLOWED, "joint bodies only"),
            row("GET /api/governance-bodies/{id}").at("/api/governance-bodies/{body}")
                    .partner(ALLOWED, "a joint body"),
            row("GET /api/governance-bodies/{id}/missing-meetings")
                    .at("/api/governance-bodies/{body}/missing-meetings")
                    .partner(FORBIDDEN, "our compliance check"),
            row("GET /api/governance-bodies/{id}/history").at("/api/governance-bodies/{body}/history")
                    .partner(FORBIDDEN, "histories are internal"),
            row("POST /api/governance-bodies").body(Fixtures.body("{A}", "JDC", "MONTHLY")).partner(FORBIDDEN),
            row("PUT /api/governance-bodies/{id}").at("/api/governance-bodies/{body}").body(BODY_UPDATE)
                    .ifMatchOf("/api/governance-bodies/{body}").partner(FORBIDDEN),

            row("GET /api/meetings").at("/api/meetings?allianceId={A}")
                    .partner(ALLOWED, "joint bodies' meetings, partner edition"),
            row("GET /api/meetings/{id}").at("/api/meetings/{meeting}").partner(ALLOWED, "partner edition"),
            row("GET /api/meetings/{id}/history").at("/api/meetings/{meeting}/history")
                    .partner(FORBIDDEN, "histories are internal"),
            row("POST /api/meetings").body(MEETING).partner(FORBIDDEN),
            row("PUT /api/meetings/{id}").at("/api/meetings/{meeting}").body(MEETING_UPDATE)
                    .ifMatchOf("/api/meetings/{meeting}").partner(FORBIDDEN),
            row("PUT /api/meetings/{id}/agenda").at("/api/meetings/{meeting}/agenda").body(AGENDA)
                    .ifMatchOf("/api/meetings/{meeting}").partner(FORBIDDEN),
            row("POST /api/meetings/{id}/agenda/draft").at("/api/meetings/{meeting}/agenda/draft")
                    .ifMatchOf("/api/meetings/{meeting}").partner(FORBIDDEN),
            row("PUT /api/meetings/{id}/attendance").at("/api/meetings/{meeting}/attendance")
                    .body(Fixtures.attendanceAllPresent()).ifMatchOf("/api/meetings/{meeting}")
                    .partner(FORBIDDEN),
            row("POST /api/meetings/{id}/outcomes").at("/api/meetings/{meeting}/outcomes").body(OUTCOME)
                    .ifMatchOf("/api/meetings/{meeting}").partner(FORBIDDEN),
            row("POST /api/meetings/{id}/minutes/approval").at("/api/meetings/{meeting}/minutes/approval")
                    .ifMatchOf("/api/meetings/{meeting}").partner(FORBIDDEN),
            row("PUT /api/meetings/{id}/rsvp").at("/api/meetings/{meeting}/rsvp").body("{\"rsvp\":\"ACCEPTED\"}")
                    .ifMatchOf("/api/meetings/{meeting}").partner(ALLOWED, "their own RSVP"),

            row("GET /api/governance-health").at("/api/governance-health?alliance={A}")
                    .foreign(AccessMatrix.Foreign.NOT_FOUND, "another alliance's figures answer as if it did not exist")
                    .partner(FORBIDDEN, "internal governance figures"),
            row("GET /api/meetings/{id}/my-pulse-invitation").at("/api/meetings/{meeting}/my-pulse-invitation")
                    .partner(ALLOWED, "their own survey link, when they attended"),
            row("POST /api/meetings/{id}/pulse-invitations/revocation")
                    .at("/api/meetings/{meeting}/pulse-invitations/revocation").partner(FORBIDDEN),
            row("GET /api/pulse-results/{allianceId}").at("/api/pulse-results/{A}")
                    .partner(FORBIDDEN, "our reading of the relationship, from answers given in confidence"),
            row("GET /pulse/{token}").at("{pulse}")
                    .publicBecause("attendees of both companies answer without a login: the signed, expiring, "
                            + "revocable token in the path is the credential (quarkus.http.auth.permission.pulse)",
                            "/pulse/" + "A".repeat(22) + "." + "B".repeat(43)),
            row("POST /pulse/{token}").at("{pulse}")
                    .publicBecause("the answer to that survey; the token is the credential, posts are limited per "
                            + "link and per address", "/pulse/" + "A".repeat(22) + "." + "B".repeat(43)),

            row("GET /api/meetings/{meetingId}/packets").at("/api/meetings/{meeting}/packets").partner(ALLOWED),
            row("GET /api/meetings/{meetingId}/packets/compare")
                    .at("/api/meetings/{meeting}/packets/compare?from=1&to=2")
                    .partner(ALLOWED, "partner edition"),
            row("GET /api/meetings/{meetingId}/packets/{version}").at("/api/meetings/{meeting}/packets/1")
                    .partner(ALLOWED, "partner edition"),
            row("POST /api/meetings/{meetingId}/packets").at("/api/meetings/{meeting}/packets").partner(FORBIDDEN));

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @Override
    protected String servicePackage() {
        return "io.entente.governance";
    }

    @Override
    protected List<Row> rows() {
        return ROWS;
    }

    @Override
    protected List<String> changesOpenToEveryRole() {
        // Every attendee answers their own invitation, whatever their role (the service refuses anyone else).
        // Likewise every owner reports their own action item done.
        return List.of("POST /api/action-items/{id}/done", "PUT /api/meetings/{id}/rsvp");
    }

    @Override
    protected AccessMatrix fixtures(AccessMatrix matrix) {
        String admin = TestTokens.user("admin").roles("admin").sign();
        for (String key : List.of(A, B)) {
            Fixtures.publish(bootstrap, "/entente/backlog-service", new AllianceRegistered(key, "Alliance " + key,
                    "Partner Pharma", "CO_DEVELOPMENT", 1, "EXECUTION", 3, 3, "alex", LocalDate.of(2025, 1, 1)));
        }
        String body = await().atMost(Duration.ofSeconds(30)).until(() -> {
            Response r = Fixtures.createBody(admin, A, "JSC", "QUARTERLY");
            return r.statusCode() == 201 ? Fixtures.id(r) : null;
        }, id -> id != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.createBody(admin, B, "JSC", null)
                .statusCode() == 201);
        String meeting = Fixtures.id(send(admin, "POST", "/api/meetings", null, MEETING.replace("{body}", body)
                .replace("Access probe meeting", "Sealed JSC meeting " + A)
                .replace("Access probe briefing", "Sealed briefing " + A), 201));
        send(admin, "PUT", "/api/meetings/" + meeting + "/agenda", "\"0\"", AGENDA
                .replace("Access probe note", "Sealed note " + A), 200);
        send(admin, "PUT", "/api/meetings/" + meeting + "/attendance", "\"1\"", Fixtures.attendanceAllPresent(), 200);
        send(admin, "POST", "/api/meetings/" + meeting + "/outcomes", "\"2\"", OUTCOME
                .replace("Access probe action", "Sealed action " + A), 200);
        send(admin, "POST", "/api/meetings/" + meeting + "/packets", null, null, 201);
        send(admin, "POST", "/api/meetings/" + meeting + "/packets", null, null, 201);
        String action = given().auth().oauth2(admin).queryParam("meetingId", meeting).get("/api/action-items")
                .then().statusCode(200).extract().path("items[0].id");
        // A second meeting, held and approved, so that the control user has a survey link to open.
        String held = Fixtures.approvedMeeting(admin, body, "Sealed pulse meeting " + A,
                List.of(Fixtures.attendee("ally", "Entente Bio", "US")));
        String pulse = given().auth().oauth2(memberOf("ally", A)).get("/api/meetings/" + held
                + "/my-pulse-invitation").then().statusCode(200).extract().path("url");
        return matrix
                .bind("A", A).bind("body", body).bind("meeting", meeting).bind("action", action).bind("pulse", pulse)
                .secret(A, body, meeting, action, "Sealed JSC meeting", "Sealed briefing", "Sealed note",
                        "Sealed action", "Access probe")
                .reader(admin)
                .ally(memberOf("ally", A))
                .foreigner(memberOf("bea", B))
                .partner(partnerOf("pia", A))
                .refused(memberWithRoles("rolf", A))
                .fingerprint(this::fingerprint);
    }

    static Response send(String token, String method, String path, String ifMatch, String body, int expected) {
        var request = given().auth().oauth2(token);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        Response r = request.request(method, path);
        r.then().statusCode(expected);
        return r;
    }

    List<Long> fingerprint() {
        List<String> sql = new ArrayList<>(AccessMatrix.changeRecordSql(A, "rolf", "bea", "pia"));
        for (String table : List.of("governance_body", "meeting", "packet")) {
            sql.add("select count(*) + coalesce(sum(version), 0) from " + table + " where alliance_id = '" + A + "'");
        }
        sql.add("select count(*) from action_item where alliance_id = '" + A + "'");
        sql.add("select count(*) + coalesce(sum(version), 0) from pulse_invitation where alliance_id = '" + A + "'");
        sql.add("select count(*) from pulse_answer where alliance_id = '" + A + "'");
        return sql.stream().map(q -> ((Number) em.createNativeQuery(q).getSingleResult()).longValue()).toList();
    }
}
