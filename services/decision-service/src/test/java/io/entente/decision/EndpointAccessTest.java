package io.entente.decision;

import io.entente.platform.testing.AccessMatrix;
import io.entente.platform.testing.AccessMatrix.Row;
import io.entente.platform.testing.EndpointAccess;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

/**
 * The security matrix of the decision service; see {@link EndpointAccess}. The one endpoint open without a
 * token is the iCalendar feed, whose unguessable secret path is the credential.
 */
@QuarkusTest
class EndpointAccessTest extends EndpointAccess {

    static final String A = "ACD-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    static final String B = "BCD-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    static final String NOTES = "Sealed negotiation notes";

    // A committee approves, so the ally (who is governance ops among other roles) may record its decision.
    static final String DECISION = DecisionFixtures.body("{A}", "Access probe decision", LocalDate.of(2027, 3, 1),
            14).replace("user:alex", "body:JSC");
    static final String DRAFT = DecisionFixtures.body("{A}", "Access probe draft", LocalDate.of(2027, 3, 1), 14,
            "JSC", true).replace("user:alex", "body:JSC");
    static final String LADDER = """
            {"steps":[{"body":"JSC","days":30},{"body":"EXECUTIVE_SPONSORS","days":30}]}""";

    // The feed rows come first and in this order: the control of POST rotates the ally's secret, DELETE revokes it.
    static final List<Row> ROWS = List.of(
            row("GET /api/me").foreign(FILTERED, "only the caller's own identity").partner(ALLOWED),

            row("GET /calendar/{secret}.ics").at("/calendar/{feedSecret}.ics")
                    .publicBecause("calendar clients cannot send a bearer token: the unguessable secret in the path is "
                            + "the credential (quarkus.http.auth.permission.calendar-feed)",
                            "/calendar/" + "x".repeat(43) + ".ics"),
            row("GET /api/calendar-feeds/mine").foreign(FILTERED, "the caller's own feed")
                    .partner(ALLOWED, "their own feed"),
            row("POST /api/calendar-feeds").foreign(SHARED, "the caller's own feed; it shows what they may see")
                    .partner(ALLOWED, "their own feed, joint decisions only"),
            row("DELETE /api/calendar-feeds/mine").foreign(SHARED, "the caller's own feed")
                    .partner(ALLOWED, "their own feed"),

            row("GET /api/decisions").at("/api/decisions?allianceId={A}")
                    .partner(ALLOWED, "joint committees' decisions, partner edition"),
            row("GET /api/decisions/upcoming").at("/api/decisions/upcoming?allianceId={A}")
                    .partner(ALLOWED, "joint committees' decisions, partner edition"),
            row("GET /api/decisions/{id}").at("/api/decisions/{decision}")
                    .partner(ALLOWED, "a JSC decision, partner edition"),
            row("GET /api/decisions/{id}/history").at("/api/decisions/{decision}/history")
                    .partner(FORBIDDEN, "histories are internal"),
            row("POST /api/decisions").body(DECISION).partner(FORBIDDEN),
            row("PUT /api/decisions/{id}").at("/api/decisions/{draft}").body(DRAFT)
                    .ifMatchOf("/api/decisions/{draft}").partner(FORBIDDEN),
            row("POST /api/decisions/{id}/open").at("/api/decisions/{draft}/open")
                    .ifMatchOf("/api/decisions/{draft}").partner(FORBIDDEN),
            row("POST /api/decisions/{id}/propose").at("/api/decisions/{decision}/propose")
                    .body("{\"proposedOption\":\"A\",\"summary\":\"Low dose\"}")
                    .ifMatchOf("/api/decisions/{decision}").partner(FORBIDDEN),
            row("POST /api/decisions/{id}/decide").at("/api/decisions/{decision}/decide")
                    .body("{\"chosenOption\":\"A\",\"rationale\":\"Safety margin\"}")
                    .ifMatchOf("/api/decisions/{decision}")
                    .partner(FORBIDDEN, "the partner decides in committee"),
            row("POST /api/decisions/{id}/defer").at("/api/decisions/{decision}/defer")
                    .body("{\"newDueDate\":\"2027-04-01\",\"reason\":\"Data late\"}")
                    .ifMatchOf("/api/decisions/{decision}").partner(FORBIDDEN),
            row("POST /api/decisions/{id}/withdraw").at("/api/decisions/{decision}/withdraw")
                    .body("{\"reason\":\"Programme stopped\"}").ifMatchOf("/api/decisions/{decision}")
                    .partner(FORBIDDEN),
            row("POST /api/decisions/{id}/supersede").at("/api/decisions/{decision}/supersede").body(DECISION)
                    .ifMatchOf("/api/decisions/{decision}").partner(FORBIDDEN),

            row("GET /api/governance-health").at("/api/governance-health?alliance={A}")
                    .foreign(AccessMatrix.Foreign.NOT_FOUND, "another alliance's figures answer as if it did not exist")
                    .partner(FORBIDDEN, "internal governance figures"),

            row("GET /api/escalation-ladders/{allianceId}").at("/api/escalation-ladders/{A}")
                    .partner(FORBIDDEN, "our escalation planning"),
            row("PUT /api/escalation-ladders/{allianceId}").at("/api/escalation-ladders/{A}").body(LADDER)
                    .ifMatchOf("/api/escalation-ladders/{A}").partner(FORBIDDEN));

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @Override
    protected String servicePackage() {
        return "io.entente.decision";
    }

    @Override
    protected List<Row> rows() {
        return ROWS;
    }

    @Override
    protected AccessMatrix fixtures(AccessMatrix matrix) {
        DecisionFixtures.registerAlliance(bootstrap, A);
        DecisionFixtures.registerAlliance(bootstrap, B);
        String admin = DecisionFixtures.ADMIN;
        String decision = DecisionFixtures.create(admin, sealed(DECISION, "Access probe decision",
                "Sealed dose decision")).statusCode(201).extract().path("id");
        String draft = DecisionFixtures.create(admin, sealed(DRAFT, "Access probe draft", "Sealed draft decision"))
                .statusCode(201).extract().path("id");
        DecisionFixtures.create(admin, DecisionFixtures.body(B, "Visible to B", LocalDate.of(2027, 2, 1), 14))
                .statusCode(201);
        String ally = memberOf("ally", A);
        String foreigner = memberOf("bea", B);
        String url = given().auth().oauth2(ally).post("/api/calendar-feeds").then().statusCode(201).extract()
                .path("url");
        String feedSecret = url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());
        given().auth().oauth2(foreigner).post("/api/calendar-feeds").then().statusCode(201);
        String partner = partnerOf("pia", A);
        given().auth().oauth2(partner).post("/api/calendar-feeds").then().statusCode(201);
        return matrix
                .bind("A", A).bind("decision", decision).bind("draft", draft).bind("feedSecret", feedSecret)
                .secret(A, decision, draft, feedSecret, "Sealed dose decision", "Sealed draft decision", NOTES)
                .reader(admin)
                .ally(ally)
                .foreigner(foreigner)
                .partner(partner)
                .refused(memberWithRoles("rolf", A))
                .fingerprint(this::fingerprint);
    }

    /** Alliance A's own version of a body: its key, a title and internal notes found nowhere else. */
    static String sealed(String body, String probeTitle, String title) {
        return body.replace("{A}", A).replace(probeTitle, title + " " + A).replace("We can accept B", NOTES + " " + A);
    }

    List<Long> fingerprint() {
        List<String> sql = new ArrayList<>(AccessMatrix.changeRecordSql(A, "rolf", "bea", "pia"));
        sql.add("select count(*) + coalesce(sum(version), 0) from decision where alliance_id = '" + A + "'");
        sql.add("select coalesce(sum(version), 0) from alliance where alliance_id = '" + A + "'");
        return sql.stream().map(q -> ((Number) em.createNativeQuery(q).getSingleResult()).longValue()).toList();
    }

    /**
     * Every role, the partner's included, may manage its own calendar feed; all other changes refuse some role
     * (any of our roles may be a decision's approver, but the partner company decides in committee, not here).
     */
    @Override
    protected List<String> changesOpenToEveryRole() {
        return List.of("POST /api/calendar-feeds", "DELETE /api/calendar-feeds/mine");
    }
}
