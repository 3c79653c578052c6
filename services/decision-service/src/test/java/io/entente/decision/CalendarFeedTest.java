package io.entente.decision;

import io.entente.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static io.entente.decision.DecisionFixtures.ADMIN;
import static io.entente.decision.DecisionFixtures.body;
import static io.entente.decision.DecisionFixtures.create;
import static io.entente.decision.DecisionFixtures.stakeholder;
import static io.entente.decision.DecisionFixtures.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The iCalendar feed: a secret URL per user, fetched without a token, parsed back with ical4j. */
@QuarkusTest
class CalendarFeedTest {

    static final String MINE = "T-CAL-A";
    static final String FOREIGN = "T-CAL-B";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void setUp() {
        TestClock.reset();
        DecisionFixtures.registerAlliance(bootstrap, MINE);
        DecisionFixtures.registerAlliance(bootstrap, FOREIGN);
    }

    @Test
    void aStakeholderSubscribesToDueDatesOfTheirAlliancesOnly() throws Exception {
        String visible = create(ADMIN, body(MINE, "Label expansion", today().plusDays(12), 5)).statusCode(201)
                .extract().path("id");
        create(ADMIN, body(FOREIGN, "Foreign secret deal", today().plusDays(12), 5)).statusCode(201);
        create(ADMIN, body(MINE, "Still a draft", today().plusDays(12), 5, "JSC", true)).statusCode(201);
        String sven = stakeholder(MINE);

        ExtractableResponse<Response> feed = given().auth().oauth2(sven).post("/api/calendar-feeds").then()
                .statusCode(201)
                .body("url", containsString("/calendar/"))
                .body("url", endsWith(".ics"))
                .body("alliances", equalTo(List.of(MINE)))
                .extract();
        String url = feed.path("url");
        assertEquals(url, feed.header("Location"));

        ExtractableResponse<Response> ics = given().get(url).then().statusCode(200)
                .contentType(containsString("text/calendar")).extract();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics.asString()));
        assertFalse(calendar.validate().hasErrors(), () -> "not valid RFC 5545: " + calendar.validate());
        assertEquals("-//Entente//Decision due dates//EN",
                calendar.getProperty(Property.PRODID).map(Property::getValue).orElseThrow());
        List<VEvent> events = calendar.getComponents("VEVENT");
        VEvent label = events.stream().filter(e -> summary(e).contains("Label expansion")).findFirst().orElseThrow();
        assertEquals("[" + MINE + "] JSC decision due: Label expansion", summary(label));
        assertEquals(today().plusDays(12), LocalDate.parse(label.getProperty(Property.DTSTART).map(Property::getValue)
                .orElseThrow(), java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
        assertEquals("decision-" + visible + "@entente",
                label.getProperty(Property.UID).map(Property::getValue).orElseThrow());
        assertTrue(value(label, Property.DESCRIPTION).contains("Which dose do we take into phase 3?"));
        assertTrue(events.stream().noneMatch(e -> summary(e).contains("Foreign secret deal")));
        assertTrue(events.stream().noneMatch(e -> summary(e).contains("Still a draft")));
        assertFalse(ics.asString().contains("tox study"), "internal notes must never reach a calendar");

        // Rotating cuts off the old URL.
        String rotated = given().auth().oauth2(sven).post("/api/calendar-feeds").then().statusCode(201)
                .extract().path("url");
        assertNotEquals(url, rotated);
        given().get(url).then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("rotated or revoked"));
        given().get(rotated).then().statusCode(200);
        given().auth().oauth2(sven).get("/api/calendar-feeds/mine").then().statusCode(200)
                .body("url", nullValue()).body("alliances", equalTo(List.of(MINE)));

        // Revoking ends it.
        given().auth().oauth2(sven).delete("/api/calendar-feeds/mine").then().statusCode(204);
        given().get(rotated).then().statusCode(404);
        given().auth().oauth2(sven).delete("/api/calendar-feeds/mine").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(sven).get("/api/calendar-feeds/mine").then().statusCode(404);
    }

    @Test
    void aDecidedDecisionLeavesTheFeed() throws Exception {
        String token = DecisionFixtures.manager(MINE);
        ExtractableResponse<Response> created = create(token, body(MINE, "Decided soon", today().plusDays(20), 5))
                .statusCode(201).extract();
        String url = given().auth().oauth2(token).post("/api/calendar-feeds").then().statusCode(201).extract()
                .path("url");
        assertTrue(given().get(url).then().statusCode(200).extract().asString().contains("Decided soon"));
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", created.header("ETag"))
                .body("{\"chosenOption\":\"A\",\"rationale\":\"Agreed early\"}")
                .post("/api/decisions/" + created.path("id") + "/decide").then().statusCode(200);
        Calendar calendar = new CalendarBuilder().build(new StringReader(given().get(url).then().statusCode(200)
                .extract().asString()));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertTrue(events.stream().noneMatch(e -> summary(e).contains("Decided soon")));
    }

    @Test
    void feedsNeedATokenToManageAndAValidSecretToRead() {
        given().post("/api/calendar-feeds").then().statusCode(401);
        given().delete("/api/calendar-feeds/mine").then().statusCode(401);
        given().get("/api/calendar-feeds/mine").then().statusCode(401);
        String noRole = TestTokens.user("ghost").alliances(MINE).sign();
        given().auth().oauth2(noRole).post("/api/calendar-feeds").then().statusCode(403)
                .contentType("application/problem+json");
        given().get("/calendar/" + "x".repeat(43) + ".ics").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/calendar/short.ics").then().statusCode(404);
    }

    private static String summary(VEvent event) {
        return value(event, Property.SUMMARY);
    }

    private static String value(VEvent event, String name) {
        Optional<Property> property = event.getProperty(name);
        return property.map(Property::getValue).orElse("");
    }
}
