package io.entente.decision;

import io.entente.platform.testing.EndpointInventory;
import io.entente.platform.testing.LeakSweep;
import io.entente.platform.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static io.entente.decision.DecisionFixtures.ADMIN;
import static io.entente.decision.DecisionFixtures.body;
import static io.entente.decision.DecisionFixtures.create;
import static io.entente.decision.DecisionFixtures.today;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The leak sweep of the decision service: a joint committee's decision carries a marker in every internal field
 * (internal notes, risk reason, a preparation item), and a decision of our executive sponsors carries one in every
 * field. A partner reads every read endpoint and their own calendar feed and finds no marker; our stakeholder, reading
 * the same, finds every one.
 */
@QuarkusTest
class LeakSweepTest {

    static final String A = "LKD-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    static final List<String> MARKERS = List.of("ZZLEAK-notes", "ZZLEAK-riskReason", "ZZLEAK-prep",
            "ZZLEAK-sponsors");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @Test
    void aPartnerReadsNoInternalFieldAndOurStakeholderReadsThemAll() {
        DecisionFixtures.registerAlliance(bootstrap, A);
        String joint = create(ADMIN, body(A, "Dose for phase 3", today().plusDays(10), 5)
                .replace("We can accept B if Helix funds the extra tox study", "ZZLEAK-notes"))
                .statusCode(201).extract().path("id");
        String sponsors = create(ADMIN, body(A, "ZZLEAK-sponsors", today().plusDays(12), 5, "EXECUTIVE_SPONSORS",
                false).replace("We can accept B if Helix funds the extra tox study", "ZZLEAK-sponsors notes"))
                .statusCode(201).extract().path("id");
        // The risk job and the backlog's events would write these; the sweep needs them to carry markers.
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update decision set risk_state = 'AT_RISK', risk_reason = 'ZZLEAK-riskReason' "
                    + "where id = cast(:id as uuid)").setParameter("id", joint).executeUpdate();
            em.createNativeQuery("insert into prep_item (item_id, decision_id, alliance_id, title, backlog_status, "
                            + "dropped, updated_at) values (gen_random_uuid(), cast(:id as uuid), :a, 'ZZLEAK-prep', "
                            + "'READY', false, now())")
                    .setParameter("id", joint).setParameter("a", A).executeUpdate();
        });
        String partner = TestTokens.user("pia").roles("partner").alliances(A).sign();
        String stakeholder = TestTokens.user("sven").roles("stakeholder").alliances(A).sign();

        sweep(partner, joint, sponsors).assertNone("a partner", partner, MARKERS);
        sweep(stakeholder, joint, sponsors).assertAll("a stakeholder", stakeholder, MARKERS);
        String partnerJson = given().auth().oauth2(partner).get("/api/decisions/" + joint).then().statusCode(200)
                .extract().asString();
        assertFalse(partnerJson.contains("riskState") || partnerJson.contains("internalNotes")
                || partnerJson.contains("\"prep\""), partnerJson);
    }

    private static LeakSweep sweep(String token, String joint, String sponsors) {
        String url = given().auth().oauth2(token).post("/api/calendar-feeds").then().statusCode(201).extract()
                .path("url");
        String feed = url.substring(url.indexOf("/calendar/"));
        LeakSweep sweep = LeakSweep.of(EndpointInventory.scan("io.entente.decision", "io.entente.platform"))
                .read("GET /api/me", "/api/me")
                .read("GET /api/calendar-feeds/mine", "/api/calendar-feeds/mine")
                .read("GET /calendar/{secret}.ics", feed, "text/calendar", LeakSweepTest::unfolded)
                .read("GET /api/decisions", "/api/decisions?allianceId=" + A)
                .read("GET /api/decisions/upcoming", "/api/decisions/upcoming?allianceId=" + A)
                .read("GET /api/decisions/{id}", "/api/decisions/" + joint)
                .read("GET /api/decisions/{id}", "/api/decisions/" + sponsors)
                .read("GET /api/decisions/{id}/history", "/api/decisions/" + joint + "/history")
                .read("GET /api/decisions/{id}/history", "/api/decisions/" + sponsors + "/history")
                .read("GET /api/escalation-ladders/{allianceId}", "/api/escalation-ladders/" + A)
                .read("GET /api/governance-health", "/api/governance-health?alliance=" + A);
        sweep.assertCoversEveryRead();
        return sweep;
    }

    // iCalendar folds long lines (RFC 5545 3.1): a marker could be split across two.
    private static String unfolded(Response r) {
        return r.asString().replace("\r\n ", "").replace("\n ", "");
    }
}
