package io.entente.governance;

import io.entente.events.backlog.AllianceEvent.AllianceRegistered;
import io.entente.platform.testing.EndpointInventory;
import io.entente.platform.testing.LeakSweep;
import io.entente.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The leak sweep of the governance service. A joint committee's meeting carries markers in its internal briefing,
 * its agenda's internal note and its minutes while they are not approved; an action item owned by someone else and
 * everything of our executive sponsors carry markers too. A partner reads every read endpoint, and every packet
 * edition they may have as JSON, HTML and PDF (text extracted), and finds no marker; our stakeholder finds them all.
 */
@QuarkusTest
class LeakSweepTest {

    static final String A = Fixtures.allianceKey("LKG");
    static final String OPS = TestTokens.user("gwen").roles("governance-ops").alliances(A).sign();
    static final String PARTNER = TestTokens.user("pia").roles("partner").alliances(A).sign();
    static final String STAKEHOLDER = TestTokens.user("sven").roles("stakeholder").alliances(A).sign();
    static final List<String> MARKERS = List.of("ZZLEAK-briefing", "ZZLEAK-agendanote", "ZZLEAK-draftminutes",
            "ZZLEAK-othersaction", "ZZLEAK-sponsors");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    // Made once for both tests (JUnit makes an instance per test).
    static String jsc;
    static String sponsors;
    static String meeting;
    static String sponsorsMeeting;
    static String othersAction;
    static String pulseMeeting;
    static String pulseLink;

    @Test
    void aPartnerReadsNoInternalMaterialAndOurStakeholderReadsItAll() {
        fixtures();
        sweep().assertNone("a partner", PARTNER, MARKERS);
        sweep().assertAll("a stakeholder", STAKEHOLDER, MARKERS);
        // The partner's own action item and the joint committee's meeting are theirs to read.
        given().auth().oauth2(PARTNER).queryParam("allianceId", A).get("/api/action-items").then().statusCode(200)
                .body("items.title", equalTo(List.of("Send the partner's data package")));
        given().auth().oauth2(PARTNER).get("/api/meetings/" + meeting).then().statusCode(200)
                .body("title", equalTo("JSC leak sweep")).body("outcomes.size()", equalTo(0));
    }

    @Test
    void anAttendeeAnswersTheirOwnInvitationOnly() {
        fixtures();
        String path = "/api/meetings/" + meeting + "/rsvp";
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body("{\"rsvp\":\"ACCEPTED\"}").put(path)
                .then().statusCode(428);
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).header("If-Match", etag(meeting))
                .body("{\"rsvp\":\"SOON\"}").put(path).then().statusCode(400);
        given().auth().oauth2(STAKEHOLDER).contentType(ContentType.JSON).header("If-Match", etag(meeting))
                .body("{\"rsvp\":\"ACCEPTED\"}").put(path).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user("pia").roles("partner").alliances("OTHER-1").sign())
                .contentType(ContentType.JSON).header("If-Match", etag(meeting)).body("{\"rsvp\":\"ACCEPTED\"}")
                .put(path).then().statusCode(404);
        String before = etag(meeting);
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).header("If-Match", before)
                .body("{\"rsvp\":\"TENTATIVE\"}").put(path).then().statusCode(200)
                .body("attendees.find { it.user == 'pia' }.rsvp", equalTo("TENTATIVE"));
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).header("If-Match", before)
                .body("{\"rsvp\":\"DECLINED\"}").put(path).then().statusCode(412);
        given().auth().oauth2(OPS).get("/api/meetings/" + meeting + "/history").then().statusCode(200)
                .body("items[0].action", equalTo("RsvpGiven")).body("items[0].actor", equalTo("pia"));
        // The sponsors' meeting is not the partner's, invited or not.
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).header("If-Match", etag(sponsorsMeeting))
                .body("{\"rsvp\":\"ACCEPTED\"}").put("/api/meetings/" + sponsorsMeeting + "/rsvp").then()
                .statusCode(404);
    }

    private LeakSweep sweep() {
        String packets = "/api/meetings/" + meeting + "/packets";
        LeakSweep sweep = LeakSweep.of(EndpointInventory.scan("io.entente.governance", "io.entente.platform"))
                .read("GET /api/me", "/api/me")
                .read("GET /api/action-items", "/api/action-items?allianceId=" + A)
                .read("GET /api/action-items/{id}", "/api/action-items/" + othersAction)
                .read("GET /api/governance-bodies", "/api/governance-bodies?allianceId=" + A)
                .read("GET /api/meetings", "/api/meetings?allianceId=" + A)
                .read("GET /api/governance-health", "/api/governance-health?alliance=" + A)
                .read("GET /api/meetings/{meetingId}/packets", packets)
                .read("GET /api/meetings/{meetingId}/packets/compare", packets + "/compare?from=1&to=2")
                .read("GET /api/meetings/{meetingId}/packets/{version}", packets + "/2", "application/json",
                        Response::asString)
                .read("GET /api/meetings/{meetingId}/packets/{version}", packets + "/latest", "text/html",
                        Response::asString)
                .read("GET /api/meetings/{meetingId}/packets/{version}", packets + "/1", "application/pdf",
                        LeakSweepTest::pdfText);
        for (String body : List.of(jsc, sponsors)) {
            sweep.read("GET /api/governance-bodies/{id}", "/api/governance-bodies/" + body)
                    .read("GET /api/governance-bodies/{id}/missing-meetings",
                            "/api/governance-bodies/" + body + "/missing-meetings")
                    .read("GET /api/governance-bodies/{id}/history", "/api/governance-bodies/" + body + "/history");
        }
        for (String m : List.of(meeting, sponsorsMeeting, pulseMeeting)) {
            sweep.read("GET /api/meetings/{id}", "/api/meetings/" + m)
                    .read("GET /api/meetings/{id}/history", "/api/meetings/" + m + "/history")
                    .read("GET /api/meetings/{id}/my-pulse-invitation", "/api/meetings/" + m + "/my-pulse-invitation");
        }
        sweep.read("GET /api/pulse-results/{allianceId}", "/api/pulse-results/" + A)
                .read("GET /pulse/{token}", pulseLink);
        sweep.assertCoversEveryRead();
        return sweep;
    }

    private void fixtures() {
        if (meeting != null) {
            return;
        }
        Fixtures.publish(bootstrap, "/entente/backlog-service", new AllianceRegistered(A, "Alliance " + A,
                "Partner Pharma", "CO_DEVELOPMENT", 1, "EXECUTION", 3, 3, "alex", LocalDate.of(2025, 1, 1)));
        Response[] created = new Response[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            created[0] = Fixtures.createBody(OPS, A, "JSC", "QUARTERLY");
            assertEquals(201, created[0].statusCode(), created[0].asString());
        });
        jsc = Fixtures.id(created[0]);
        // An approved meeting the partner attended: their survey link is public, and must show nothing internal.
        pulseMeeting = Fixtures.approvedMeeting(OPS, jsc, "JSC pulse sweep",
                List.of(Fixtures.attendee("pia", "Partner Pharma", "PARTNER")));
        pulseLink = given().auth().oauth2(PARTNER).get("/api/meetings/" + pulseMeeting + "/my-pulse-invitation")
                .then().statusCode(200).extract().path("url");
        sponsors = Fixtures.id(Fixtures.createBody(OPS, A, "EXECUTIVE_SPONSORS", "QUARTERLY"));
        // Held two days ago, so that its minutes can be recorded.
        String startsAt = TestClock.CLOCK.instant().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS)
                .atOffset(ZoneOffset.UTC).toString();
        meeting = Fixtures.id(given().auth().oauth2(OPS).contentType(ContentType.JSON).body("""
                        {"bodyId":"%s","title":"JSC leak sweep","startsAt":"%s","timeZone":"Europe/Zurich",
                         "internalBriefing":"ZZLEAK-briefing","attendees":[
                          {"name":"Dr. Ana Ruiz","organisation":"Entente Bio","side":"US"},
                          {"name":"Pia Lund","organisation":"Partner Pharma","side":"PARTNER","user":"pia"}]}"""
                        .formatted(jsc, startsAt)).post("/api/meetings").then().statusCode(201).extract()
                .response());
        sponsorsMeeting = Fixtures.id(given().auth().oauth2(OPS).contentType(ContentType.JSON).body("""
                        {"bodyId":"%s","title":"ZZLEAK-sponsors meeting","startsAt":"%s","timeZone":"Europe/Zurich",
                         "attendees":[{"name":"Pia Lund","organisation":"Partner Pharma","side":"PARTNER",
                                       "user":"pia"}]}"""
                        .formatted(sponsors, startsAt)).post("/api/meetings").then().statusCode(201).extract()
                .response());
        change("PUT", "/agenda", """
                {"items":[{"id":"cmc","section":"Progress","title":"CMC update","durationMinutes":15,
                           "purpose":"DISCUSSION","internalNote":"ZZLEAK-agendanote"}]}""");
        change("POST", "/packets", null);
        change("POST", "/packets", null);
        change("PUT", "/attendance", Fixtures.attendanceAllPresent());
        change("POST", "/outcomes", """
                {"agendaItemId":"cmc","type":"INFORMATION_NOTED","notes":"ZZLEAK-draftminutes"}""");
        change("POST", "/outcomes", """
                {"agendaItemId":"cmc","type":"ACTION_ITEM","actionTitle":"ZZLEAK-othersaction","owner":"alex",
                 "dueDate":"2027-01-15"}""");
        change("POST", "/outcomes", """
                {"agendaItemId":"cmc","type":"ACTION_ITEM","actionTitle":"Send the partner's data package",
                 "owner":"pia","dueDate":"2027-01-15"}""");
        othersAction = given().auth().oauth2(OPS).queryParam("meetingId", meeting).queryParam("owner", "alex")
                .get("/api/action-items").then().statusCode(200).body("items.title", hasItem("ZZLEAK-othersaction"))
                .extract().path("items[0].id");
    }

    private void change(String method, String path, String body) {
        var request = given().auth().oauth2(OPS).contentType(ContentType.JSON).header("If-Match", etag(meeting));
        if (body != null) {
            request = request.body(body);
        }
        int status = request.request(method, "/api/meetings/" + meeting + path).statusCode();
        if (status != 200 && status != 201) {
            throw new AssertionError(method + " " + path + ": " + status);
        }
    }

    private static String etag(String meeting) {
        return given().auth().oauth2(OPS).get("/api/meetings/" + meeting).then().statusCode(200).extract()
                .header("ETag");
    }

    private static String pdfText(Response response) {
        try (var document = Loader.loadPDF(response.asByteArray())) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
