package io.entente.governance;

import io.entente.platform.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Measures packet generation for a large meeting (40 decisions, 300 sprint items, 30 risks); prints the figures and
 * asserts only that everything arrived, never on time.
 */
@QuarkusTest
class PacketSizeMeasurementTest {

    static final String A = Fixtures.allianceKey("BIG");
    static final String GWEN = TestTokens.user("gwen").roles("governance-ops").alliances(A).sign();

    @Inject
    EntityManager em;

    @Test
    void largePacket() throws IOException {
        fillReadModels();
        String body = Fixtures.id(Fixtures.createBody(GWEN, A, "JSC", "QUARTERLY").then().statusCode(201)
                .extract().response());
        String meeting = Fixtures.id(given().auth().oauth2(GWEN).contentType(ContentType.JSON)
                .body(Fixtures.meeting(body, "JSC big", "2026-11-30T10:00:00+01:00", "Europe/Zurich"))
                .post("/api/meetings").then().statusCode(201).extract().response());
        String path = "/api/meetings/" + meeting + "/packets";

        long t0 = System.nanoTime();
        given().auth().oauth2(GWEN).post(path).then().statusCode(201)
                .body("sections.decisions", equalTo(40)).body("sections.risks", equalTo(30));
        long generated = System.nanoTime() - t0;

        long html = 0;
        long[] pdf = new long[3];
        int pages = 0;
        int runs = pdf.length;
        for (int i = 0; i < runs; i++) {
            long t1 = System.nanoTime();
            String text = given().auth().oauth2(GWEN).queryParam("format", "html").get(path + "/1").then()
                    .statusCode(200).extract().asString();
            html += System.nanoTime() - t1;
            assertTrue(text.contains("Decision 40"));
            long t2 = System.nanoTime();
            byte[] bytes = given().auth().oauth2(GWEN).queryParam("format", "pdf").get(path + "/1").then()
                    .statusCode(200).extract().asByteArray();
            pdf[i] = System.nanoTime() - t2;
            try (PDDocument document = Loader.loadPDF(bytes)) {
                pages = document.getNumberOfPages();
            }
        }
        System.out.printf("PACKET MEASUREMENT (40 decisions, 300 items, 30 risks): snapshot generation %d ms; "
                        + "HTML %d ms (average of %d reads over HTTP); PDF %d ms rendered, then %d and %d ms "
                        + "from the cache (%d pages)%n", generated / 1_000_000, html / runs / 1_000_000, runs,
                pdf[0] / 1_000_000, pdf[1] / 1_000_000, pdf[2] / 1_000_000, pages);
        assertTrue(pages > 10);
    }

    private void fillReadModels() {
        QuarkusTransaction.requiringNew().run(() -> {
            OffsetDateTime now = OffsetDateTime.now();
            em.createNativeQuery("insert into alliance_ref values (?1, 'Big alliance', 'Partner Pharma', 1, "
                    + "'EXECUTION', ?2)").setParameter(1, A).setParameter(2, now).executeUpdate();
            String options = "[{\"key\":\"A\",\"title\":\"Proceed\",\"pros\":\"Speed\",\"cons\":\"Cost\"},"
                    + "{\"key\":\"B\",\"title\":\"Wait\",\"pros\":\"Data\",\"cons\":\"Delay\"},"
                    + "{\"key\":\"C\",\"title\":\"Stop\",\"pros\":\"Savings\",\"cons\":\"Lost value\"}]";
            for (int i = 1; i <= 40; i++) {
                em.createNativeQuery("""
                                insert into decision_ref (decision_id, alliance_id, title, question, context,
                                    options_json, governance_body, due_date, lead_time_days, driver, approver,
                                    internal_notes, status, risk_state, updated_at)
                                values (?1, ?2, ?3, 'Shall we proceed?', 'Background for the committee.',
                                        cast(?4 as jsonb), 'JSC', ?5, 14, 'alex', 'sven', 'Internal position',
                                        'OPEN', 'ON_TRACK', ?6)""")
                        .setParameter(1, A + "-d" + i).setParameter(2, A).setParameter(3, "Decision " + i)
                        .setParameter(4, options).setParameter(5, LocalDate.of(2026, 12, 1).plusDays(i))
                        .setParameter(6, now).executeUpdate();
            }
            for (int s = 1; s <= 3; s++) {
                em.createNativeQuery("insert into sprint_ref values (?1, 't', 'Team " + s + "', 'Sprint " + s
                                + "', 'Goal', ?2, ?3, 'ACTIVE', ?4)").setParameter(1, A + "-s" + s)
                        .setParameter(2, LocalDate.of(2026, 11, 2)).setParameter(3, LocalDate.of(2026, 11, 27))
                        .setParameter(4, now).executeUpdate();
            }
            for (int i = 1; i <= 300; i++) {
                em.createNativeQuery("insert into item_ref (item_id, alliance_id, title, type, status, estimate, "
                                + "dropped, updated_at) values (?1, ?2, ?3, 'TASK', 'IN_SPRINT', 3, false, ?4)")
                        .setParameter(1, A + "-i" + i).setParameter(2, A).setParameter(3, "Work item " + i)
                        .setParameter(4, now).executeUpdate();
                em.createNativeQuery("insert into sprint_item values (?1, ?2, ?3, 3, ?4, false, ?5)")
                        .setParameter(1, A + "-s" + (i % 3 + 1)).setParameter(2, A + "-i" + i).setParameter(3, A)
                        .setParameter(4, i % 2 == 0 ? "DONE" : "IN_PROGRESS").setParameter(5, now).executeUpdate();
            }
            for (int i = 1; i <= 30; i++) {
                em.createNativeQuery("""
                                insert into risk_ref (risk_id, alliance_id, title, category, likelihood, impact, score,
                                    owner, mitigation, status, above_threshold, updated_at)
                                values (?1, ?2, ?3, 'SUPPLY', 4, 4, 16, 'tara', 'Mitigation plan', 'OPEN', true, ?4)""")
                        .setParameter(1, A + "-r" + i).setParameter(2, A).setParameter(3, "Risk " + i)
                        .setParameter(4, now).executeUpdate();
            }
        });
    }
}
