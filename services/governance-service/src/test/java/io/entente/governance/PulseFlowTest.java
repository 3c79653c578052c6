package io.entente.governance;

import io.cloudevents.CloudEvent;
import io.entente.events.backlog.AllianceEvent.AllianceRegistered;
import io.entente.platform.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The partner-experience pulse end to end: approved minutes issue a link per attendee, the links are answered
 * without a login (every bad answer stores nothing, a flood is cut off), the results keep the 3-answer rule, and a
 * partner mean under 3 raises one concern on the broker.
 */
@QuarkusTest
class PulseFlowTest {

    static final String A = Fixtures.allianceKey("PLS");
    static final List<String> OURS = List.of("usa", "usb", "usc", "usd", "use");
    static final List<String> THEIRS = List.of("pta", "ptb", "ptc", "ptd");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @Test
    void approvedMinutesLinksAnswersResultsAndOneConcern() {
        String admin = TestTokens.user("admin").roles("admin").sign();
        String meeting = approvedMeeting(admin);

        // The issue event names the invitees, never their links.
        List<CloudEvent> events = Fixtures.readEvents(bootstrap, "meeting.events", meeting,
                found -> found.stream().anyMatch(e -> e.getType().endsWith("PulseSurveyIssued")));
        String issued = Fixtures.data(events.stream().filter(e -> e.getType().endsWith("PulseSurveyIssued"))
                .findFirst().orElseThrow());
        assertTrue(issued.contains("pta") && issued.contains("usa"), issued);
        assertFalse(issued.contains("/pulse/") || issued.contains("secret"), issued);
        assertEquals(9L, count("select count(*) from pulse_invitation where meeting_id = '" + meeting + "'"));

        Map<String, String> links = new HashMap<>();
        for (String user : OURS) {
            links.put(user, myLink(meeting, TestTokens.user(user).roles("team-member").alliances(A).sign()));
        }
        for (String user : THEIRS) {
            links.put(user, myLink(meeting, TestTokens.user(user).roles("partner").alliances(A).sign()));
        }
        given().auth().oauth2(TestTokens.user("nobody").roles("team-member").alliances(A).sign())
                .get("/api/meetings/" + meeting + "/my-pulse-invitation").then().statusCode(200)
                .body("status", equalTo("NONE")).body("url", nullValue());

        // The survey is public, and shows nothing of the meeting but its title and day.
        given().get(links.get("pta")).then().statusCode(200)
                .body("meetingTitle", equalTo("Pulse JSC " + A)).body("meetingDate", equalTo("2026-11-10"))
                .body("status", equalTo("OPEN")).body("questions", hasSize(4))
                .body(not(containsString("briefing"))).body(not(containsString("usa")));

        badInputStoresNothing(links.get("usa"));

        answer(links.get("usa"), "10.0.0.1", 4, 4, 4, 4, "Well prepared").then().statusCode(200);
        answer(links.get("usb"), "10.0.0.2", 5, 4, 4, 5, null).then().statusCode(200);
        answer(links.get("usc"), "10.0.0.3", 4, 5, 4, 4, "Good decisions").then().statusCode(200);
        answer(links.get("pta"), "10.0.1.1", 4, 3, 2, 4, "We felt like guests").then().statusCode(200);
        answer(links.get("ptb"), "10.0.1.2", 3, 3, 2, 4, null).then().statusCode(200);

        // Replayed: the link is used up, nothing more is stored.
        long stored = answers();
        answer(links.get("usa"), "10.0.0.1", 1, 1, 1, 1, null).then().statusCode(409)
                .contentType(containsString("problem+json")).body("detail", containsString("already used"));
        given().get(links.get("usa")).then().statusCode(200).body("status", equalTo("ANSWERED"));
        assertEquals(stored, answers());

        // Two partner answers: a count, no mean, no comment, no concern.
        String reader = TestTokens.user("sven").roles("stakeholder").alliances(A).sign();
        given().auth().oauth2(reader).get("/api/pulse-results/" + A).then().statusCode(200)
                .body("minimumAnswers", equalTo(3))
                .body("quarters[0].quarter", equalTo("2026-Q4"))
                .body("quarters[0].invited", equalTo(9)).body("quarters[0].answered", equalTo(5))
                .body("quarters[0].questions[2].question", equalTo("oneTeam"))
                .body("quarters[0].questions[2].ourMean", equalTo(4.0f))
                .body("quarters[0].questions[2].partnerMean", nullValue())
                .body("quarters[0].questions[2].partnerCount", equalTo(2))
                .body("quarters[0].questions[2].gap", nullValue())
                .body("quarters[0].comments.side", not(org.hamcrest.Matchers.hasItem("PARTNER")))
                .body(not(containsString("We felt like guests")));
        assertEquals(0L, count("select count(*) from pulse_concern where alliance_id = '" + A + "'"));

        answer(links.get("ptc"), "10.0.1.3", 4, 4, 3, 4, "Agendas came late").then().statusCode(200);
        given().auth().oauth2(reader).get("/api/pulse-results/" + A).then().statusCode(200)
                .body("quarters[0].questions[2].partnerMean", equalTo(2.33f))
                .body("quarters[0].questions[2].gap", equalTo(1.67f))
                .body("quarters[0].questions[2].concern", containsString("partner side mean 2.33"))
                .body("quarters[0].comments.text", org.hamcrest.Matchers.hasItem("We felt like guests"))
                .body(not(containsString("pta"))).body(not(containsString("10.0.1")));

        // A flood from one address: one answer at most, the rest refused, most of them as too many.
        String flooded = links.get("ptd");
        int tooMany = 0;
        Instant start = Instant.now();
        for (int i = 0; i < 1000; i++) {
            int status = answer(flooded, "203.0.113.9", 1, 1, 1, 1, null).statusCode();
            assertTrue(status == 200 && i == 0 || status == 409 || status == 429, "post " + i + ": " + status);
            tooMany += status == 429 ? 1 : 0;
        }
        assertTrue(tooMany >= 950, tooMany + " of 1000 posts refused as too many");
        System.out.printf("1000 posts of one link from one address: %d answered 429, %d ms%n", tooMany,
                Duration.between(start, Instant.now()).toMillis());
        // The same link from many addresses is limited per link.
        String perLink = links.get("usd");
        int perLinkTooMany = 0;
        for (int i = 0; i < 12; i++) {
            int status = answer(perLink, "198.51.100." + i, 3, 3, 3, 3, null).statusCode();
            perLinkTooMany += status == 429 ? 1 : 0;
        }
        assertTrue(perLinkTooMany >= 6, perLinkTooMany + " of 12 posts of one link refused as too many");
        assertEquals(8L, answers(), "usa, usb, usc, usd, pta, ptb, ptc, ptd: one each");

        // The concern is raised once, though the flood's answer kept the partner mean under 3.
        List<CloudEvent> concerns = Fixtures.readEvents(bootstrap, "meeting.events", meeting,
                found -> found.stream().anyMatch(e -> e.getType().endsWith("PulseConcernRaised")));
        List<String> oneTeam = new ArrayList<>();
        concerns.stream().filter(e -> e.getType().endsWith("PulseConcernRaised")).map(Fixtures::data)
                .filter(d -> d.contains("\"oneTeam\"")).forEach(oneTeam::add);
        assertEquals(1, oneTeam.size(), oneTeam.toString());
        assertTrue(oneTeam.get(0).contains(A + ":2026-Q4:oneTeam"), oneTeam.get(0));
        assertFalse(oneTeam.get(0).contains("guests") || oneTeam.get(0).contains("pta"), oneTeam.get(0));
        assertEquals(1L, count("select count(*) from pulse_concern where alliance_id = '" + A
                + "' and question = 'oneTeam'"));
        assertEquals(1L, count("select count(*) from outbox_event where event_type = 'io.entente.PulseConcernRaised'"
                + " and payload like '%" + A + ":2026-Q4:oneTeam%'"));

        // Withdrawn: the last open link answers 410 and stores nothing.
        String gwen = TestTokens.user("gwen").roles("governance-ops").alliances(A).sign();
        given().auth().oauth2(gwen).post("/api/meetings/" + meeting + "/pulse-invitations/revocation")
                .then().statusCode(200).body("revoked", equalTo(1));
        answer(links.get("use"), "10.0.0.5", 3, 3, 3, 3, null).then().statusCode(410)
                .contentType(containsString("problem+json")).body("detail", containsString("withdrawn"));
        assertEquals(8L, answers());

        // The partner company's people do not read the pulse; another alliance's people find nothing.
        given().auth().oauth2(TestTokens.user("pta").roles("partner").alliances(A).sign())
                .get("/api/pulse-results/" + A).then().statusCode(403);
        given().auth().oauth2(TestTokens.user("bea").roles("alliance-manager").alliances("OTHER").sign())
                .get("/api/pulse-results/" + A).then().statusCode(404);
    }

    @Test
    void anExpiredLinkTakesNoAnswer() {
        String admin = TestTokens.user("admin").roles("admin").sign();
        String meeting = approvedMeeting(admin);
        String link = myLink(meeting, TestTokens.user("usa").roles("team-member").alliances(A).sign());
        long before = answers();
        Instant now = TestClock.CLOCK.instant();
        try {
            TestClock.CLOCK.advance(Duration.ofDays(15));
            answer(link, "10.0.2.1", 3, 3, 3, 3, null).then().statusCode(410)
                    .contentType(containsString("problem+json")).body("detail", containsString("expired"));
            given().get(link).then().statusCode(200).body("status", equalTo("EXPIRED"));
        } finally {
            TestClock.CLOCK.set(now);
        }
        assertEquals(before, answers());
    }

    private void badInputStoresNothing(String link) {
        long before = answers();
        String valid = body(3, 3, 3, 3, null);
        List<String> bad = List.of(
                valid.replace("\"preparation\":3", "\"preparation\":0"),
                valid.replace("\"recommend\":3", "\"recommend\":6"),
                valid.replace("\"oneTeam\":3", "\"oneTeam\":\"five\""),
                valid.replace("\"oneTeam\":3,", ""),
                valid.replace("{", "{\"respondent\":\"usa\","),
                body(3, 3, 3, 3, "x".repeat(2001)),
                "not json");
        for (String json : bad) {
            Response r = given().contentType(ContentType.JSON).header("X-Forwarded-For", "10.9.9.9").body(json)
                    .post(link);
            assertEquals(400, r.statusCode(), json.length() > 200 ? "oversized comment" : json);
            assertTrue(r.contentType().contains("problem+json"), r.asString());
        }
        given().contentType(ContentType.JSON).body(valid.replace("\"preparation\":3", "\"preparation\":0"))
                .post(link).then().statusCode(400).body("errors[0].field", equalTo("preparation"));
        String altered = link.substring(0, link.length() - 1) + (link.endsWith("A") ? "B" : "A");
        answer(altered, "10.9.9.8", 3, 3, 3, 3, null).then().statusCode(404)
                .contentType(containsString("problem+json"));
        answer("/pulse/not-a-token", "10.9.9.8", 3, 3, 3, 3, null).then().statusCode(404);
        given().get(altered).then().statusCode(404);
        assertEquals(before, answers());
        given().get(link).then().statusCode(200).body("status", equalTo("OPEN"));
    }

    private static String body;

    private String approvedMeeting(String admin) {
        if (body == null) {
            Fixtures.publish(bootstrap, "/entente/backlog-service", new AllianceRegistered(A, "Alliance " + A,
                    "Partner Pharma", "CO_DEVELOPMENT", 1, "EXECUTION", 3, 3, "alex", LocalDate.of(2025, 1, 1)));
            body = await().atMost(Duration.ofSeconds(30)).until(() -> {
                Response r = Fixtures.createBody(admin, A, "JSC", null);
                return r.statusCode() == 201 ? Fixtures.id(r) : null;
            }, id -> id != null);
        }
        List<String> attendees = new ArrayList<>();
        OURS.forEach(u -> attendees.add(Fixtures.attendee(u, "Entente Bio", "US")));
        THEIRS.forEach(u -> attendees.add(Fixtures.attendee(u, "Helix Biotherapeutics", "PARTNER")));
        return Fixtures.approvedMeeting(admin, body, "Pulse JSC " + A, attendees);
    }

    private static String myLink(String meeting, String token) {
        String url = given().auth().oauth2(token).get("/api/meetings/" + meeting + "/my-pulse-invitation")
                .then().statusCode(200).body("status", equalTo("OPEN")).extract().path("url");
        assertTrue(url.startsWith("/pulse/"), url);
        return url;
    }

    private static String body(int preparation, int decisionQuality, int oneTeam, int recommend, String comment) {
        return "{\"preparation\":%d,\"decisionQuality\":%d,\"oneTeam\":%d,\"recommend\":%d%s}".formatted(
                preparation, decisionQuality, oneTeam, recommend,
                comment == null ? "" : ",\"comment\":\"" + comment + "\"");
    }

    private static Response answer(String link, String address, int preparation, int decisionQuality, int oneTeam,
                                   int recommend, String comment) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .body(body(preparation, decisionQuality, oneTeam, recommend, comment)).post(link);
    }

    private long answers() {
        return count("select count(*) from pulse_answer where alliance_id = '" + A + "'");
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
