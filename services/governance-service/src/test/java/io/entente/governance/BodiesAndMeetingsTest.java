package io.entente.governance;

import io.entente.events.backlog.AllianceEvent.AllianceRegistered;
import io.entente.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.entente.platform.testing.BadInput.with;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every governance-body, meeting, agenda, minutes and action-item endpoint: happy path and each refusal. */
@QuarkusTest
class BodiesAndMeetingsTest {

    static final String A = Fixtures.allianceKey("NRV");
    static final String B = Fixtures.allianceKey("QNT");
    static final String ALEX = TestTokens.user("alex").roles("alliance-manager").alliances(A).sign();
    static final String TARA = TestTokens.user("tara").roles("team-member").alliances(A).sign();
    static final String SVEN = TestTokens.user("sven").roles("stakeholder").alliances(A).sign();
    static final String PIA = TestTokens.user("pia").roles("partner").alliances(A).sign();
    static final String NORA = TestTokens.user("nora").roles("governance-ops").alliances(B).sign();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @Test
    void bodies() {
        // Without a known tier there is no default cadence.
        Fixtures.createBody(ALEX, A, "JCC", null).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("cadence"));
        Fixtures.publish(bootstrap, "/entente/backlog-service", new AllianceRegistered(A, "Norvane combination",
                "Norvane Pharma", "CLINICAL_COLLABORATION", 2, "LAUNCH", 4, 4, "alex", LocalDate.of(2025, 10, 1)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Fixtures.createBody(ALEX, A, "JSC", null)
                .then().statusCode(201).body("cadence", equalTo("SEMI_ANNUAL")));
        Response jdc = Fixtures.createBody(ALEX, A, "JDC", "MONTHLY");
        jdc.then().statusCode(201).header("ETag", notNullValue()).header("Location", containsString("/api/governance-bodies/"))
                .body("name", equalTo("Joint Development Committee")).body("members.size()", equalTo(5));
        String id = Fixtures.id(jdc);

        Fixtures.createBody(ALEX, A, "JDC", "MONTHLY").then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(ALEX).contentType(ContentType.JSON)
                .body(Fixtures.body(A, "FINANCE", "QUARTERLY").replace("\"PARTNER\",\"role\":\"CO_CHAIR\"",
                        "\"US\",\"role\":\"CO_CHAIR\""))
                .post("/api/governance-bodies").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("different companies"));
        given().auth().oauth2(ALEX).contentType(ContentType.JSON)
                .body(Fixtures.body(A, "FINANCE", "QUARTERLY").replace("\"quorum\":3", "\"quorum\":9"))
                .post("/api/governance-bodies").then().statusCode(400).body("detail", containsString("quorum 9"));
        given().auth().oauth2(ALEX).contentType(ContentType.JSON)
                .body(Fixtures.body(A, "PARTY", "QUARTERLY")).post("/api/governance-bodies").then().statusCode(400);
        given().auth().oauth2(ALEX).contentType(ContentType.JSON)
                .body(Fixtures.body(A, "FINANCE", null).replace("\"quorum\":3,", "\"quorum\":3,\"version\":4,"))
                .post("/api/governance-bodies").then().statusCode(400).body("detail", containsString("version"));
        given().contentType(ContentType.JSON).body(Fixtures.body(A, "FINANCE", "QUARTERLY"))
                .post("/api/governance-bodies").then().statusCode(401);
        Fixtures.createBody(TARA, A, "FINANCE", "QUARTERLY").then().statusCode(403).contentType("application/problem+json");
        Fixtures.createBody(SVEN, A, "FINANCE", "QUARTERLY").then().statusCode(403);
        Fixtures.createBody(NORA, A, "FINANCE", "QUARTERLY").then().statusCode(404).contentType("application/problem+json");

        String etag = given().auth().oauth2(SVEN).get("/api/governance-bodies/" + id).then().statusCode(200)
                .body("type", equalTo("JDC")).extract().header("ETag");
        given().auth().oauth2(NORA).get("/api/governance-bodies/" + id).then().statusCode(404);
        given().get("/api/governance-bodies/" + id).then().statusCode(401);

        String update = """
                {"name":"JDC (oncology)","quorum":2,"cadence":"QUARTERLY","decisionRights":"Protocols",
                 "members":%s}""".formatted(Fixtures.members());
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).body(update)
                .put("/api/governance-bodies/" + id).then().statusCode(428);
        given().auth().oauth2(SVEN).contentType(ContentType.JSON).header("If-Match", etag).body(update)
                .put("/api/governance-bodies/" + id).then().statusCode(403);
        given().auth().oauth2(NORA).contentType(ContentType.JSON).header("If-Match", etag).body(update)
                .put("/api/governance-bodies/" + id).then().statusCode(404);
        given().contentType(ContentType.JSON).header("If-Match", etag).body(update)
                .put("/api/governance-bodies/" + id).then().statusCode(401);
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", etag)
                .body(update.replace("\"quorum\":2", "\"quorum\":0"))
                .put("/api/governance-bodies/" + id).then().statusCode(400).body("errors.field", hasItem("quorum"));
        String next = given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", etag).body(update)
                .put("/api/governance-bodies/" + id).then().statusCode(200).body("cadence", equalTo("QUARTERLY"))
                .extract().header("ETag");
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", etag).body(update)
                .put("/api/governance-bodies/" + id).then().statusCode(412).contentType("application/problem+json");
        assertEquals(false, etag.equals(next));

        // Lists: need-to-know, sorting, keyset pages.
        given().auth().oauth2(SVEN).queryParam("allianceId", A).queryParam("type", "JDC")
                .get("/api/governance-bodies").then().statusCode(200).body("items.name", equalTo(List.of("JDC (oncology)")))
                .body("next", nullValue());
        List<String> types = new ArrayList<>();
        String after = null;
        do {
            var page = given().auth().oauth2(SVEN).queryParam("sort", "type").queryParam("limit", 1)
                    .queryParam("after", after == null ? "" : after).get("/api/governance-bodies").then()
                    .statusCode(200).extract().jsonPath();
            types.addAll(page.getList("items.type"));
            after = page.getString("next");
        } while (after != null);
        // Other tests of this class may add bodies to the alliance: the order and the pages are what matter.
        assertEquals(types.stream().sorted().toList(), types);
        assertEquals(true, types.containsAll(List.of("JDC", "JSC")) && types.size() == types.stream().distinct().count());
        given().auth().oauth2(NORA).get("/api/governance-bodies").then().statusCode(200).body("items.size()", equalTo(0));
        given().auth().oauth2(SVEN).queryParam("limit", 201).get("/api/governance-bodies").then().statusCode(400);
        given().auth().oauth2(SVEN).queryParam("type", "NOPE").get("/api/governance-bodies").then().statusCode(400);
        given().auth().oauth2(SVEN).queryParam("after", "garbage!").get("/api/governance-bodies").then().statusCode(400);
        given().get("/api/governance-bodies").then().statusCode(401);
    }

    @Test
    void blankOptionalTextIsStoredAsNull() {
        String alliance = Fixtures.allianceKey("BLK");
        String token = TestTokens.user("alex").roles("alliance-manager").alliances(alliance).sign();
        String body = with(with(Fixtures.body(alliance, "JSC", "QUARTERLY"), "name", "\"   \""), "decisionRights",
                "\" \\t \"");
        body = body.replace("\"role\":\"SECRETARY\"", "\"role\":\"SECRETARY\",\"email\":\"  \"");
        Response created = given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/governance-bodies");
        created.then().statusCode(201).body("name", equalTo("Joint Steering Committee"))
                .body("decisionRights", nullValue()).body("members[4].email", nullValue());
        String bodyId = Fixtures.id(created);

        // Held two days ago, so that minutes may be taken.
        OffsetDateTime held = TestClock.CLOCK.instant().minus(Duration.ofDays(2)).atOffset(ZoneOffset.ofHours(1))
                .truncatedTo(ChronoUnit.HOURS);
        String meeting = Fixtures.meeting(bodyId, "x", held.toString(), "Europe/Zurich");
        meeting = with(meeting, "title", "\"  \"");
        meeting = with(meeting, "location", "\"   \"");
        meeting = with(meeting, "callLink", "\" \"");
        meeting = with(meeting, "internalBriefing", "\"\\n\\t \"");
        meeting = with(meeting, "attendees", """
                [{"name":"Dr. Ana Ruiz","organisation":"Entente Bio","side":"US","email":" "}]""");
        created = given().auth().oauth2(token).contentType(ContentType.JSON).body(meeting).post("/api/meetings");
        created.then().statusCode(201).body("location", nullValue()).body("callLink", nullValue())
                .body("internalBriefing", nullValue()).body("attendees[0].email", nullValue())
                .body("title", notNullValue());
        String path = "/api/meetings/" + Fixtures.id(created);

        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("""
                        {"items":[{"id":"  ","section":"Opening","title":"Welcome","presenter":"   ",
                         "durationMinutes":10,"purpose":"INFORMATION","internalNote":" \\n "}]}""")
                .put(path + "/agenda").then().statusCode(200).body("agenda[0].id", notNullValue())
                .body("agenda[0].presenter", nullValue()).body("agenda[0].internalNote", nullValue());
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Fixtures.attendanceAllPresent()).put(path + "/attendance").then().statusCode(200);
        String agendaItem = given().auth().oauth2(token).get(path).then().extract().path("agenda[0].id");
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"2\"").body("""
                        {"agendaItemId":"%s","type":"ACTION_ITEM","notes":"   ","actionTitle":"Send the memo",
                         "owner":"alex","dueDate":"%s"}""".formatted(agendaItem, held.toLocalDate().plusDays(14)))
                .post(path + "/outcomes").then().statusCode(200).body("outcomes[0].notes", nullValue());

        // Stored as null, not merely shown as null.
        Object[] row = (Object[]) em.createNativeQuery("select location, call_link, internal_briefing, "
                        + "agenda_json, attendees_json, outcomes_json from meeting where id = cast(?1 as uuid)")
                .setParameter(1, path.substring(path.lastIndexOf('/') + 1)).getSingleResult();
        assertEquals(Arrays.asList(null, null, null), Arrays.asList(row[0], row[1], row[2]));
        for (int i = 3; i < 6; i++) {
            assertFalse(row[i].toString().matches("(?s).*\":\"\\s+\".*"), "blank text stored: " + row[i]);
        }
        assertEquals(null, em.createNativeQuery("select decision_rights from governance_body where id = cast(?1 as uuid)")
                .setParameter(1, bodyId).getSingleResult());
    }

    @Test
    void meetingsAgendaMinutesAndActions() {
        String body = Fixtures.id(Fixtures.createBody(ALEX, A, "EXECUTIVE_SPONSORS", "ANNUAL").then().statusCode(201)
                .extract().response());
        String request = Fixtures.meeting(body, "Sponsors 2026", "2026-11-20T15:00:00-05:00", "America/New_York");

        given().auth().oauth2(ALEX).contentType(ContentType.JSON)
                .body(request.replace("America/New_York", "Mars/Olympus_Mons"))
                .post("/api/meetings").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("timeZone"));
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).body(request.replace("https://", "ftp://"))
                .post("/api/meetings").then().statusCode(400).body("errors.field", hasItem("callLink"));
        given().contentType(ContentType.JSON).body(request).post("/api/meetings").then().statusCode(401);
        given().auth().oauth2(TARA).contentType(ContentType.JSON).body(request).post("/api/meetings").then()
                .statusCode(403);
        given().auth().oauth2(NORA).contentType(ContentType.JSON).body(request).post("/api/meetings").then()
                .statusCode(404);
        Response created = given().auth().oauth2(ALEX).contentType(ContentType.JSON).body(request)
                .post("/api/meetings");
        created.then().statusCode(201).header("ETag", equalTo("\"0\""))
                .body("startsAt", equalTo("2026-11-20T15:00:00-05:00")).body("attendees.size()", equalTo(5))
                .body("attendees[0].rsvp", equalTo("PENDING")).body("status", equalTo("SCHEDULED"));
        String id = Fixtures.id(created);
        String path = "/api/meetings/" + id;

        given().auth().oauth2(SVEN).get(path).then().statusCode(200).body("bodyType", equalTo("EXECUTIVE_SPONSORS"));
        given().auth().oauth2(NORA).get(path).then().statusCode(404);
        given().get(path).then().statusCode(401);

        // Reschedule with RSVPs.
        String update = """
                {"title":"Sponsors 2026","startsAt":"2026-11-20T16:00:00-05:00","timeZone":"America/New_York",
                 "durationMinutes":90,"location":"New York","attendees":[{"name":"Dr. Ana Ruiz",
                 "organisation":"Entente Bio","side":"US","rsvp":"ACCEPTED"}]}""";
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).body(update).put(path).then().statusCode(428);
        given().auth().oauth2(SVEN).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(update).put(path)
                .then().statusCode(403);
        given().auth().oauth2(NORA).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(update).put(path)
                .then().statusCode(404);
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(update.replace("America/New_York", "EST5EDT-ish")).put(path).then().statusCode(400);
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(update).put(path)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("attendees[0].rsvp", equalTo("ACCEPTED"));
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(update).put(path)
                .then().statusCode(412);

        // Agenda: replace, draft.
        String agenda = """
                {"items":[{"id":"open","section":"Opening","title":"Welcome","durationMinutes":10,
                 "purpose":"INFORMATION","internalNote":"Keep it short"},
                 {"section":"Strategy","title":"Portfolio review","durationMinutes":40,"purpose":"DISCUSSION"}]}""";
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(agenda)
                .put(path + "/agenda").then().statusCode(412);
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(agenda)
                .put(path + "/agenda").then().statusCode(403);
        given().auth().oauth2(NORA).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(agenda)
                .put(path + "/agenda").then().statusCode(404);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(agenda)
                .put(path + "/agenda").then().statusCode(401);
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(agenda.replace("\"purpose\":\"DISCUSSION\"", "\"purpose\":\"GOSSIP\""))
                .put(path + "/agenda").then().statusCode(400);
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(agenda)
                .put(path + "/agenda").then().statusCode(200).body("agenda.id", equalTo(List.of("open", "item-1")));
        // Our stakeholders read internal notes; the executive sponsors are our own body, so no partner sees it at all.
        given().auth().oauth2(SVEN).get(path).then().body("agenda[0].internalNote", equalTo("Keep it short"));
        given().auth().oauth2(PIA).get(path).then().statusCode(404);
        given().auth().oauth2(TARA).get(path).then().body("agenda[0].internalNote", equalTo("Keep it short"));
        given().auth().oauth2(TARA).header("If-Match", "\"2\"").post(path + "/agenda/draft").then().statusCode(403);
        given().auth().oauth2(NORA).header("If-Match", "\"2\"").post(path + "/agenda/draft").then().statusCode(404);
        given().header("If-Match", "\"2\"").post(path + "/agenda/draft").then().statusCode(401);
        given().auth().oauth2(ALEX).header("If-Match", "\"1\"").post(path + "/agenda/draft").then().statusCode(412);
        given().auth().oauth2(ALEX).header("If-Match", "\"2\"").post(path + "/agenda/draft").then().statusCode(200)
                .body("agenda[0].title", equalTo("Welcome, quorum and adoption of the agenda"))
                .body("agenda[0].presenter", equalTo("Dr. Ana Ruiz and Dr. Ben Okafor"));
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", "\"3\"").body(agenda)
                .put(path + "/agenda").then().statusCode(200);

        // Minutes: attendance, outcomes, approval.
        String attendance = Fixtures.attendanceAllPresent();
        given().auth().oauth2(SVEN).contentType(ContentType.JSON).header("If-Match", "\"4\"").body(attendance)
                .put(path + "/attendance").then().statusCode(403);
        given().auth().oauth2(NORA).contentType(ContentType.JSON).header("If-Match", "\"4\"").body(attendance)
                .put(path + "/attendance").then().statusCode(404);
        given().contentType(ContentType.JSON).header("If-Match", "\"4\"").body(attendance)
                .put(path + "/attendance").then().statusCode(401);
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", "\"4\"")
                .body("{\"attendance\":[]}").put(path + "/attendance").then().statusCode(400);
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", "\"3\"").body(attendance)
                .put(path + "/attendance").then().statusCode(412);
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", "\"4\"").body(attendance)
                .put(path + "/attendance").then().statusCode(200).body("attendance.size()", equalTo(4));

        String action = """
                {"agendaItemId":"item-1","type":"ACTION_ITEM","actionTitle":"Circulate the portfolio memo",
                 "owner":"alex","dueDate":"2026-12-04"}""";
        given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", "\"5\"").body(action)
                .post(path + "/outcomes").then().statusCode(403);
        given().auth().oauth2(NORA).contentType(ContentType.JSON).header("If-Match", "\"5\"").body(action)
                .post(path + "/outcomes").then().statusCode(404);
        given().contentType(ContentType.JSON).header("If-Match", "\"5\"").body(action)
                .post(path + "/outcomes").then().statusCode(401);
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", "\"5\"")
                .body(action.replace("2026-12-04", "2026-11-01")).post(path + "/outcomes").then().statusCode(400)
                .body("errors.field", hasItem("dueDate"));
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", "\"5\"")
                .body(action.replace("ACTION_ITEM", "DECISION_MADE")).post(path + "/outcomes").then().statusCode(400)
                .body("detail", containsString("names no decision"));
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", "\"5\"")
                .body(action.replace("item-1", "nope")).post(path + "/outcomes").then().statusCode(400);
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", "\"4\"").body(action)
                .post(path + "/outcomes").then().statusCode(412);
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", "\"5\"").body(action)
                .post(path + "/outcomes").then().statusCode(200).body("outcomes[0].owner", equalTo("alex"));

        given().auth().oauth2(SVEN).header("If-Match", "\"6\"").post(path + "/minutes/approval").then().statusCode(403);
        given().auth().oauth2(NORA).header("If-Match", "\"6\"").post(path + "/minutes/approval").then().statusCode(404);
        given().header("If-Match", "\"6\"").post(path + "/minutes/approval").then().statusCode(401);
        given().auth().oauth2(ALEX).header("If-Match", "\"5\"").post(path + "/minutes/approval").then().statusCode(412);
        given().auth().oauth2(ALEX).post(path + "/minutes/approval").then().statusCode(428);
        given().auth().oauth2(ALEX).header("If-Match", "\"6\"").post(path + "/minutes/approval").then()
                .statusCode(200).body("status", equalTo("MINUTES_APPROVED")).body("minutesApprovedBy", equalTo("alex"));
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", "\"7\"").body(action)
                .post(path + "/outcomes").then().statusCode(409).contentType("application/problem+json");

        // A future meeting cannot have minutes yet.
        String future = Fixtures.id(given().auth().oauth2(ALEX).contentType(ContentType.JSON)
                .body(Fixtures.meeting(body, "Sponsors 2027", "2027-11-20T15:00:00-05:00", "America/New_York"))
                .post("/api/meetings").then().statusCode(201).extract().response());
        given().auth().oauth2(ALEX).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(attendance)
                .put("/api/meetings/" + future + "/attendance").then().statusCode(409)
                .body("detail", containsString("not taken place"));

        // Lists.
        given().auth().oauth2(SVEN).queryParam("bodyId", body).queryParam("sort", "-startsAt")
                .get("/api/meetings").then().statusCode(200)
                .body("items.title", equalTo(List.of("Sponsors 2027", "Sponsors 2026")));
        var first = given().auth().oauth2(SVEN).queryParam("bodyId", body).queryParam("limit", 1)
                .get("/api/meetings").then().statusCode(200).body("items.title", equalTo(List.of("Sponsors 2026")))
                .extract().jsonPath();
        given().auth().oauth2(SVEN).queryParam("bodyId", body).queryParam("limit", 1)
                .queryParam("after", first.getString("next")).get("/api/meetings").then()
                .body("items.title", equalTo(List.of("Sponsors 2027"))).body("next", nullValue());
        given().auth().oauth2(SVEN).queryParam("status", "MINUTES_APPROVED").queryParam("from", "2026-11-01")
                .queryParam("to", "2026-11-30").queryParam("allianceId", A)
                .get("/api/meetings").then().body("items.title", equalTo(List.of("Sponsors 2026")));
        given().auth().oauth2(NORA).queryParam("bodyId", body).get("/api/meetings").then().body("items.size()", equalTo(0));
        given().auth().oauth2(SVEN).queryParam("from", "yesterday").get("/api/meetings").then().statusCode(400);
        given().auth().oauth2(SVEN).queryParam("sort", "title").get("/api/meetings").then().statusCode(400);
        given().get("/api/meetings").then().statusCode(401);

        var actions = given().auth().oauth2(SVEN).queryParam("meetingId", id).get("/api/action-items").then()
                .statusCode(200).body("items.title", equalTo(List.of("Circulate the portfolio memo")))
                .body("items[0].status", equalTo("OPEN")).extract().jsonPath();
        String actionId = actions.getString("items[0].id");
        given().auth().oauth2(SVEN).get("/api/action-items/" + actionId).then().statusCode(200)
                .body("sourceRef", equalTo("action-item:" + actionId));
        given().auth().oauth2(NORA).get("/api/action-items/" + actionId).then().statusCode(404);
        given().get("/api/action-items/" + actionId).then().statusCode(401);
        given().auth().oauth2(NORA).queryParam("meetingId", id).get("/api/action-items").then()
                .body("items.size()", equalTo(0));
        given().auth().oauth2(SVEN).queryParam("status", "LATE").get("/api/action-items").then().statusCode(400);
        given().get("/api/action-items").then().statusCode(401);
    }

    @Test
    void missingMeetingsAndHistory() {
        String alliance = Fixtures.allianceKey("HST");
        String ops = TestTokens.user("gwen").roles("governance-ops").alliances(alliance).sign();
        String stakeholder = TestTokens.user("sven").roles("stakeholder").alliances(alliance).sign();
        Response created = Fixtures.createBody(ops, alliance, "JCC", "MONTHLY");
        created.then().statusCode(201);
        String body = "/api/governance-bodies/" + Fixtures.id(created);
        LocalDate today = LocalDate.ofInstant(TestClock.CLOCK.instant(), ZoneOffset.UTC);

        // A new body needs its first meeting within one cadence interval; once it is scheduled nothing is missing.
        given().auth().oauth2(stakeholder).get(body + "/missing-meetings").then().statusCode(200)
                .body("items.dueBy", equalTo(List.of(today.plusMonths(1).toString())))
                .body("items[0].overdue", equalTo(false)).body("next", nullValue());
        given().auth().oauth2(NORA).get(body + "/missing-meetings").then().statusCode(404);
        given().get(body + "/missing-meetings").then().statusCode(401);
        String startsAt = today.plusDays(14).atTime(9, 0).atOffset(ZoneOffset.ofHours(1)).toString();
        Response meeting = given().auth().oauth2(ops).contentType(ContentType.JSON)
                .body(Fixtures.meeting(Fixtures.id(created), "JCC kick-off", startsAt, "Europe/Zurich")
                        .replace("\"durationMinutes\"", "\"internalBriefing\":\"Push for the EU launch first\","
                                + "\"attendees\":[],\"durationMinutes\""))
                .post("/api/meetings");
        meeting.then().statusCode(201);
        given().auth().oauth2(ops).get(body + "/missing-meetings").then().statusCode(200)
                .body("items.size()", equalTo(0));

        // The body's history: who changed what, newest first, for anyone who may see the body.
        String etag = given().auth().oauth2(ops).get(body).then().extract().header("ETag");
        given().auth().oauth2(ops).contentType(ContentType.JSON).header("If-Match", etag).body("""
                        {"name":"JCC","quorum":2,"cadence":"MONTHLY","members":%s}""".formatted(Fixtures.members()))
                .put(body).then().statusCode(200);
        given().auth().oauth2(stakeholder).get(body + "/history").then().statusCode(200)
                .body("items.action", equalTo(List.of("GovernanceBodyUpdated", "GovernanceBodyCreated")))
                .body("items[0].actor", equalTo("gwen"))
                .body("items[0].changes.field", hasItem("quorum"))
                .body("items[0].changes.find { it.field == 'quorum' }.after", equalTo("2"));
        given().auth().oauth2(ops).queryParam("limit", 1).get(body + "/history").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("next", notNullValue());
        given().auth().oauth2(NORA).get(body + "/history").then().statusCode(404);
        given().get(body + "/history").then().statusCode(401);

        // The meeting's history: our stakeholders see the internal briefing's changes; histories are not the partner's.
        String path = "/api/meetings/" + Fixtures.id(meeting);
        given().auth().oauth2(ops).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("""
                        {"title":"JCC kick-off","startsAt":"%s","timeZone":"Europe/Zurich","durationMinutes":150,
                         "location":"Basel, Helix HQ","callLink":"https://meet.example.com/jsc",
                         "internalBriefing":"Push for the US launch first","attendees":[]}""".formatted(startsAt))
                .put(path).then().statusCode(200);
        given().auth().oauth2(ops).get(path + "/history").then().statusCode(200)
                .body("items.action", equalTo(List.of("MeetingUpdated", "MeetingScheduled")))
                .body("items[0].changes.field", hasItem("internalBriefing"));
        given().auth().oauth2(stakeholder).get(path + "/history").then().statusCode(200)
                .body("items.action", equalTo(List.of("MeetingUpdated", "MeetingScheduled")));
        given().auth().oauth2(TestTokens.user("pia").roles("partner").alliances(alliance).sign())
                .get(path + "/history").then().statusCode(403);
        given().auth().oauth2(NORA).get(path + "/history").then().statusCode(404);
        given().get(path + "/history").then().statusCode(401);
        given().auth().oauth2(ops).queryParam("after", "garbage!").get(path + "/history").then().statusCode(400);
    }
}
