package io.entente.backlog;

import io.entente.platform.testing.AccessMatrix;
import io.entente.platform.testing.AccessMatrix.Partner;
import io.entente.platform.testing.AccessMatrix.Row;
import io.entente.platform.testing.EndpointAccess;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static io.entente.platform.testing.AccessMatrix.Foreign.FILTERED;
import static io.entente.platform.testing.AccessMatrix.Foreign.FORBIDDEN;
import static io.entente.platform.testing.AccessMatrix.row;
import static io.restassured.RestAssured.given;

/**
 * The security matrix of the backlog service; see {@link EndpointAccess}. Alliance A has two items, a risk and an
 * obligation; stakeholders read only.
 */
@QuarkusTest
class EndpointAccessTest extends EndpointAccess {

    static final String A = "ACM-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    static final String B = "BCM-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    static final String ITEM = """
            {"allianceId":"{A}","title":"Access probe item","discipline":"GOVERNANCE","type":"TASK","estimate":2,
             "dueDate":"2026-12-15"}""";
    static final String ITEM_UPDATE = """
            {"title":"Sealed renamed","description":"d","discipline":"GOVERNANCE","type":"TASK","estimate":3,
             "beneficiary":null,"stakeholderValue":5,"owner":"alex","dueDate":"2026-12-15"}""";
    static final String RISK = """
            {"allianceId":"{A}","title":"Access probe risk","category":"SUPPLY","likelihood":2,"impact":2,
             "owner":"tara","mitigation":"Second source","nextReviewDate":"2026-12-01"}""";
    static final String RISK_UPDATE = """
            {"title":"Sealed risk renamed","category":"SUPPLY","owner":"tara","mitigation":"m","status":"OPEN",
             "nextReviewDate":"2026-12-01"}""";
    static final String OBLIGATION = """
            {"allianceId":"{A}","title":"Access probe obligation","clauseRef":"7.2","kind":"REPORT","owedBy":"US",
             "dueDate":"2027-03-31","recurrence":"ANNUAL","leadTimeDays":30}""";
    static final String ALLIANCE_UPDATE = """
            {"name":"Renamed","partner":"Partner","type":"LICENSING","tier":2,"valueScore":3,"complexityScore":3,
             "allianceManager":"alex","startDate":"2025-01-15","riskThreshold":12}""";

    static final String ALLIANCE_CSV = "key,name,partner,type,tier,phase,valueScore,complexityScore,"
            + "allianceManager\r\n{A},Imported,Partner,LICENSING,2,EXECUTION,3,3,alex\r\n";
    static final String ITEM_CSV = "allianceId,title,discipline,type\r\n{A},Imported probe,GOVERNANCE,TASK\r\n";

    static final List<Row> ROWS = List.of(
            row("GET /api/me").foreign(FILTERED, "only the caller's own identity").partner(Partner.ALLOWED),

            row("GET /api/alliances").partner(Partner.ALLOWED, "partner edition"),
            row("GET /api/alliances/{key}").at("/api/alliances/{A}").partner(Partner.ALLOWED, "partner edition"),
            row("GET /api/alliances/{key}/history").at("/api/alliances/{A}/history").partner(Partner.FORBIDDEN),
            row("POST /api/alliances").body(Fixtures.allianceBody("{A}", "EXECUTION", 1))
                    .foreign(FORBIDDEN, "registering needs membership of the alliance's group, checked before "
                            + "whether the key exists, so the answer says nothing about alliance A")
                    .partner(Partner.FORBIDDEN),
            row("POST /api/alliances/import").at("/api/alliances/import?dryRun=true").contentType("text/csv")
                    .body(ALLIANCE_CSV).foreign(FILTERED, "a preview: a row of an alliance whose group the caller is "
                            + "not in is a row error, as POST /api/alliances refuses it; nothing is stored")
                    .partner(Partner.FORBIDDEN),
            row("PUT /api/alliances/{key}").at("/api/alliances/{A}").body(ALLIANCE_UPDATE)
                    .ifMatchOf("/api/alliances/{A}").partner(Partner.FORBIDDEN),
            row("POST /api/alliances/{key}/phase").at("/api/alliances/{A}/phase")
                    .body("{\"phase\":\"RENEWAL\",\"reason\":\"contract renewal\"}").ifMatchOf("/api/alliances/{A}")
                    .partner(Partner.FORBIDDEN),
            row("POST /api/alliances/{key}/playbook-applications").at("/api/alliances/{A}/playbook-applications")
                    .body("{\"playbook\":\"jsc-preparation\",\"anchorDate\":\"2027-01-15\"}")
                    .partner(Partner.FORBIDDEN),

            row("GET /api/backlog-items").at("/api/backlog-items?allianceId={A}")
                    .partner(Partner.FORBIDDEN, "backlog items are our work"),
            row("GET /api/backlog-items/export").at("/api/backlog-items/export?allianceId={A}").accept("text/csv")
                    .partner(Partner.FORBIDDEN, "backlog items are our work"),
            row("POST /api/backlog-items/import").at("/api/backlog-items/import?dryRun=true").contentType("text/csv")
                    .body(ITEM_CSV).foreign(FILTERED, "a preview: a row of an alliance the caller may not see is a "
                            + "row error saying it does not exist, as POST /api/backlog-items answers 404")
                    .partner(Partner.FORBIDDEN),
            row("GET /api/backlog-items/{id}").at("/api/backlog-items/{item}")
                    .partner(Partner.FORBIDDEN, "backlog items are our work"),
            row("GET /api/backlog-items/{id}/history").at("/api/backlog-items/{item}/history")
                    .partner(Partner.FORBIDDEN, "backlog items are our work"),
            row("POST /api/backlog-items").body(ITEM).partner(Partner.FORBIDDEN),
            row("PUT /api/backlog-items/{id}").at("/api/backlog-items/{item}").body(ITEM_UPDATE)
                    .ifMatchOf("/api/backlog-items/{item}").partner(Partner.FORBIDDEN),
            row("POST /api/backlog-items/{id}/rank").at("/api/backlog-items/{item}/rank")
                    .body("{\"above\":\"{item2}\"}").ifMatchOf("/api/backlog-items/{item}")
                    .partner(Partner.FORBIDDEN),
            row("POST /api/backlog-items/{id}/drop").at("/api/backlog-items/{item}/drop")
                    .body("{\"reason\":\"no longer needed\"}").ifMatchOf("/api/backlog-items/{item}")
                    .partner(Partner.FORBIDDEN),

            row("GET /api/obligations").at("/api/obligations?allianceId={A}")
                    .partner(Partner.ALLOWED, "partner edition"),
            row("GET /api/obligations/export").at("/api/obligations/export?allianceId={A}").accept("text/csv")
                    .partner(Partner.FORBIDDEN, "exports are for our side"),
            row("GET /api/obligations/{id}").at("/api/obligations/{obligation}")
                    .partner(Partner.ALLOWED, "partner edition"),
            row("GET /api/obligations/{id}/history").at("/api/obligations/{obligation}/history")
                    .partner(Partner.FORBIDDEN),
            row("POST /api/obligations").body(OBLIGATION).partner(Partner.FORBIDDEN),
            row("POST /api/obligations/{id}/met").at("/api/obligations/{obligation}/met")
                    .body("{\"metOn\":\"2027-03-30\"}").ifMatchOf("/api/obligations/{obligation}")
                    .partner(Partner.FORBIDDEN),

            row("GET /api/playbooks").foreign(FILTERED, "the playbook catalogue is shared, not alliance data")
                    .partner(Partner.FORBIDDEN, "our way of working"),
            row("GET /api/playbooks/{idOrKey}").at("/api/playbooks/jsc-preparation")
                    .foreign(FILTERED, "the playbook catalogue is shared, not alliance data")
                    .partner(Partner.FORBIDDEN, "our way of working"),

            row("GET /api/governance-health").at("/api/governance-health?alliance={A}")
                    .foreign(AccessMatrix.Foreign.NOT_FOUND, "another alliance's figures answer as if it did not exist")
                    .partner(Partner.FORBIDDEN, "internal governance figures"),
            row("GET /api/risks").at("/api/risks?allianceId={A}")
                    .partner(Partner.FORBIDDEN, "the risk register is internal"),
            row("GET /api/risks/export").at("/api/risks/export?allianceId={A}").accept("text/csv")
                    .partner(Partner.FORBIDDEN, "the risk register is internal"),
            row("GET /api/risks/{id}").at("/api/risks/{risk}")
                    .partner(Partner.FORBIDDEN, "the risk register is internal"),
            row("GET /api/risks/{id}/history").at("/api/risks/{risk}/history")
                    .partner(Partner.FORBIDDEN, "the risk register is internal"),
            row("POST /api/risks").body(RISK).partner(Partner.FORBIDDEN),
            row("PUT /api/risks/{id}").at("/api/risks/{risk}").body(RISK_UPDATE).ifMatchOf("/api/risks/{risk}")
                    .partner(Partner.FORBIDDEN),
            row("POST /api/risks/{id}/assessment").at("/api/risks/{risk}/assessment")
                    .body("{\"likelihood\":3,\"impact\":3}").ifMatchOf("/api/risks/{risk}")
                    .partner(Partner.FORBIDDEN),
            row("POST /api/risks/{id}/close").at("/api/risks/{risk}/close")
                    .body("{\"reason\":\"mitigated\"}").ifMatchOf("/api/risks/{risk}").partner(Partner.FORBIDDEN));

    @Inject
    EntityManager em;

    @Override
    protected String servicePackage() {
        return "io.entente.backlog";
    }

    @Override
    protected List<Row> rows() {
        return ROWS;
    }

    @Override
    protected AccessMatrix fixtures(AccessMatrix matrix) {
        Fixtures.alliances(A, B);
        String admin = Fixtures.ADMIN;
        String item = create(admin, "/api/backlog-items", ITEM.replace("{A}", A).replace("Access probe item",
                "Sealed tox study " + A));
        String item2 = create(admin, "/api/backlog-items", ITEM.replace("{A}", A).replace("Access probe item",
                "Sealed CMC transfer " + A));
        String risk = create(admin, "/api/risks", RISK.replace("{A}", A).replace("Access probe risk",
                "Sealed supply risk " + A));
        String obligation = create(admin, "/api/obligations", OBLIGATION.replace("{A}", A)
                .replace("Access probe obligation", "Sealed royalty report " + A));
        // Alliance B has data of its own, so that its user's lists are not trivially empty.
        Fixtures.createItem(admin, B, "Visible to B");
        return matrix
                .bind("A", A).bind("item", item).bind("item2", item2).bind("risk", risk)
                .bind("obligation", obligation)
                .secret(A, item, item2, risk, obligation, "Sealed tox study", "Sealed CMC transfer",
                        "Sealed supply risk", "Sealed royalty report", "Access probe")
                .reader(admin)
                .ally(memberOf("ally", A))
                .foreigner(memberOf("bea", B))
                .partner(partnerOf("pia", A))
                .refused(memberWithRoles("rolf", A))
                .fingerprint(this::fingerprint);
    }

    List<Long> fingerprint() {
        List<String> sql = new ArrayList<>(AccessMatrix.changeRecordSql(A, "rolf", "bea", "pia"));
        for (String table : List.of("backlog_item", "risk", "obligation")) {
            sql.add("select count(*) + coalesce(sum(version), 0) from " + table + " where alliance_id = '" + A + "'");
        }
        sql.add("select coalesce(sum(version), 0) from alliance where key = '" + A + "'");
        sql.add("select count(*) from playbook_application where alliance_id = '" + A + "'");
        return sql.stream().map(q -> ((Number) em.createNativeQuery(q).getSingleResult()).longValue()).toList();
    }

    static String create(String token, String path, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path)
                .then().statusCode(201).extract().path("id");
    }
}
