package io.entente.backlog;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spreadsheet imports of alliances and backlog items: a preview that names every bad row, all or nothing, each
 * stored row with its audit row and event, RFC 4180 quoting, the size limits, and a 10,000-row file in seconds.
 */
@QuarkusTest
class CsvImportTest {

    static final String CSV = "text/csv";
    static final String ITEMS = "/api/backlog-items/import";
    static final String ALLIANCES = "/api/alliances/import";
    static final String HEADER = "allianceId,title,discipline,type,estimate,owner,dueDate,description\r\n";
    static final String ALEX = Fixtures.manager("I-GOOD", "I-BAD", "I-BIG", "I-ROUND", "I-NEW-ONE", "I-NEW-TWO");
    static final String TARA = Fixtures.member("I-GOOD", "I-BAD");
    static final String SVEN = Fixtures.stakeholder("I-GOOD");

    @Inject
    EntityManager em;

    @BeforeEach
    void portfolio() {
        Fixtures.alliances("I-GOOD", "I-BAD", "I-BIG", "I-ROUND", "I-FOREIGN");
    }

    long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    long items(String alliance) {
        return count("select count(*) from backlog_item where alliance_id = '" + alliance + "'");
    }

    static Response post(String token, String path, String csv) {
        return given().auth().oauth2(token).contentType(CSV).body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post(path);
    }

    @Test
    void aGoodFileIsPreviewedThenImportedWithAuditAndEvents() {
        // A BOM, CRLF line ends, commas, doubled quotes and a line break inside quoted cells, a formula guard
        // from the export, any column order and case.
        String csv = "\uFEFFTitle,allianceId,Discipline,type,estimate,owner,dueDate,description\r\n"
                + "\"Royalty report, Q4\",I-GOOD,FINANCE,TASK,3,tara,2026-12-31,\"Says \"\"final\"\"\"\r\n"
                + "Prepare JSC pre-read,I-GOOD,governance,task,,,,\"two\r\nlines\"\r\n"
                + "'=SUM(A1),I-GOOD,LEGAL,ACTION_ITEM,1,,,\r\n";
        long before = items("I-GOOD");

        post(TARA, ITEMS + "?dryRun=true", csv).then().statusCode(200)
                .body("dryRun", equalTo(true)).body("rows", equalTo(3)).body("created", equalTo(0))
                .body("errors", hasSize(0))
                .body("preview[0].row", equalTo(2)).body("preview[0].values[1]", equalTo("Royalty report, Q4"))
                .body("preview[1].row", equalTo(3)).body("preview[1].values[2]", equalTo("two\r\nlines"))
                .body("preview[2].row", equalTo(4)).body("preview[2].values[1]", equalTo("=SUM(A1)"));
        assertEquals(before, items("I-GOOD"), "a dry run stores nothing");

        post(TARA, ITEMS, csv).then().statusCode(201).body("created", equalTo(3)).body("rows", equalTo(3));
        assertEquals(before + 3, items("I-GOOD"));
        assertEquals(1, count("select count(*) from backlog_item where alliance_id = 'I-GOOD' "
                + "and title = 'Royalty report, Q4' and description = 'Says \"final\"' and estimate = 3 "
                + "and owner = 'tara' and due_date = date '2026-12-31' and status = 'NEW'"));
        assertEquals(1, count("select count(*) from backlog_item where alliance_id = 'I-GOOD' "
                + "and description = 'two' || chr(13) || chr(10) || 'lines'"));
        assertEquals(1, count("select count(*) from backlog_item where alliance_id = 'I-GOOD' "
                + "and title = '=SUM(A1)'"));
        // Each row: its audit row and its event, by the importing user.
        assertEquals(3, count("""
                select count(*) from audit_log a join backlog_item i on i.id::text = a.aggregate_id
                where i.alliance_id = 'I-GOOD' and a.actor = 'tara' and a.action = 'io.entente.BacklogItemCreated'
                  and i.title in ('Royalty report, Q4', 'Prepare JSC pre-read', '=SUM(A1)')"""));
        assertEquals(3, count("""
                select count(*) from outbox_event o join backlog_item i on i.id::text = o.aggregate_id
                where i.alliance_id = 'I-GOOD' and o.topic = 'backlog-item.events'
                  and i.title in ('Royalty report, Q4', 'Prepare JSC pre-read', '=SUM(A1)')"""));
        // In the order of the file, at the bottom of the backlog.
        List<String> titles = given().auth().oauth2(TARA).when().get("/api/backlog-items?allianceId=I-GOOD&limit=200")
                .then().statusCode(200).extract().path("items.title");
        List<String> last = titles.subList(titles.size() - 3, titles.size());
        assertEquals(List.of("Royalty report, Q4", "Prepare JSC pre-read", "=SUM(A1)"), last);
    }

    @Test
    void aFileWithBadRowsNamesEveryOneAndImportsNothing() {
        String csv = HEADER
                + "I-BAD,Good row,GOVERNANCE,TASK,2,,,\r\n"
                + "I-BAD,,GOVERNANCE,TASK,2,,,\r\n"
                + "I-BAD,Bad discipline,ASTROLOGY,TASK,2,,,\r\n"
                + "I-BAD,Bad estimate,GOVERNANCE,TASK,101,,,\r\n"
                + "I-BAD,Bad date,GOVERNANCE,TASK,2,,2026-02-30,\r\n"
                + "I-FOREIGN,Foreign alliance,GOVERNANCE,TASK,2,,,\r\n"
                + "I-BAD,Short row,GOVERNANCE\r\n"
                + "I-BAD,Another good row,GOVERNANCE,TASK,x,,,\r\n";
        long before = items("I-BAD");
        long audit = count("select count(*) from audit_log where actor = 'tara'");
        post(TARA, ITEMS, csv).then().statusCode(422).contentType("application/problem+json")
                .body("status", equalTo(422)).body("detail", containsString("nothing was imported"))
                .body("result.rows", equalTo(8)).body("result.created", equalTo(0))
                .body("result.errors.row", equalTo(List.of(3, 4, 5, 6, 7, 8, 9)))
                .body("result.errors.column", equalTo(java.util.Arrays.asList("title", "discipline", "estimate",
                        "dueDate", "allianceId", null, "estimate")))
                .body("result.errors[4].message", equalTo("alliance I-FOREIGN does not exist"))
                .body("errors.field", hasItem("row 3: title"));
        assertEquals(before, items("I-BAD"), "all or nothing");
        assertEquals(audit, count("select count(*) from audit_log where actor = 'tara'"));

        // The preview shows the same errors with a 200.
        post(TARA, ITEMS + "?dryRun=true", csv).then().statusCode(200)
                .body("errors.row", equalTo(List.of(3, 4, 5, 6, 7, 8, 9)));
    }

    @Test
    void tenThousandRowsImportInSeconds() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 10_000; i++) {
            csv.append("I-BIG,Imported task ").append(i).append(",GOVERNANCE,TASK,3,tara,2027-01-15,")
                    .append("\"Row ").append(i).append(", from the team's spreadsheet\"\r\n");
        }
        long before = items("I-BIG");
        long started = System.nanoTime();
        post(ALEX, ITEMS, csv.toString()).then().statusCode(201).body("created", equalTo(10_000));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("CSV import: 10,000 backlog items (%d KB) imported in %d ms%n",
                csv.length() / 1024, millis);
        assertEquals(before + 10_000, items("I-BIG"));
        assertEquals(10_000, count("""
                select count(*) from audit_log a join backlog_item i on i.id::text = a.aggregate_id
                where i.alliance_id = 'I-BIG' and a.action = 'io.entente.BacklogItemCreated'"""));
        assertEquals(10_000, count("""
                select count(*) from outbox_event o join backlog_item i on i.id::text = o.aggregate_id
                where i.alliance_id = 'I-BIG'"""));
        assertTrue(millis < 30_000, "10,000 rows took " + millis + " ms");
    }

    @Test
    void tooManyRowsOrBytesAre413() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i <= 10_000; i++) {
            csv.append("I-BIG,t,GOVERNANCE,TASK,,,,\r\n");
        }
        long before = items("I-BIG");
        post(ALEX, ITEMS, csv.toString()).then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413)).body("detail", containsString("10001 rows"));
        String huge = HEADER + ("I-BIG,t,GOVERNANCE,TASK,,,,\"" + "x".repeat(1000) + "\"\r\n").repeat(4500);
        post(ALEX, ITEMS, huge).then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("4096 KB"));
        assertEquals(before, items("I-BIG"));
    }

    @Test
    void unknownOrMissingColumnsRefuseTheFile() {
        post(TARA, ITEMS, "allianceId,title,discipline,type,colour\r\nI-GOOD,t,GOVERNANCE,TASK,red\r\n").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("colour")).body("detail", containsString("unknown column colour"));
        post(TARA, ITEMS, "allianceId,discipline,type\r\nI-GOOD,GOVERNANCE,TASK\r\n").then()
                .statusCode(400).body("errors[0].field", equalTo("title"));
        post(TARA, ITEMS, "").then().statusCode(400).body("errors[0].field", equalTo("file"));
        post(TARA, ITEMS, "allianceId,title,title,discipline,type\r\n").then().statusCode(400)
                .body("detail", containsString("appears twice"));
        post(TARA, ITEMS, HEADER + "I-GOOD,\"unclosed,GOVERNANCE,TASK\r\n").then().statusCode(400)
                .body("detail", containsString("not closed"));
        given().auth().oauth2(TARA).contentType("application/json").body("{}").when().post(ITEMS).then()
                .statusCode(415);
    }

    @Test
    void rolesFollowTheCreateEndpoints() {
        String items = HEADER + "I-GOOD,Stakeholder try,GOVERNANCE,TASK,,,,\r\n";
        post(SVEN, ITEMS, items).then().statusCode(403).contentType("application/problem+json");
        String alliances = "key,name,partner,type,tier,phase,valueScore,complexityScore,allianceManager\r\n"
                + "I-NEW-ONE,New one,Partner,LICENSING,2,EXECUTION,3,3,alex\r\n";
        post(TARA, ALLIANCES, alliances).then().statusCode(403);
        assertEquals(0, count("select count(*) from alliance where key = 'I-NEW-ONE'"));
    }

    @Test
    void alliancesImportAllOrNothingWithTheRegisterRules() {
        String header = "key,name,partner,type,tier,phase,valueScore,complexityScore,allianceManager,startDate,"
                + "riskThreshold\r\n";
        String bad = header
                + "I-NEW-ONE,\"Helix, the second\",Partner Pharma,CO_DEVELOPMENT,1,EXECUTION,4,3,alex,2025-01-15,\r\n"
                + "I-GOOD,Already there,Partner,LICENSING,2,EXECUTION,3,3,alex,,\r\n"
                + "I-NOT-MINE,Not a member,Partner,LICENSING,2,EXECUTION,3,3,alex,,\r\n"
                + "I-NEW-TWO,Two,Partner,LICENSING,4,EXECUTION,3,3,alex,,30\r\n"
                + "I-NEW-ONE,Twice,Partner,LICENSING,2,EXECUTION,3,3,alex,,\r\n";
        post(ALEX, ALLIANCES, bad).then().statusCode(422)
                .body("result.errors.row", equalTo(List.of(3, 4, 5, 5, 6)))
                .body("result.errors.column", equalTo(List.of("key", "key", "riskThreshold", "tier", "key")))
                .body("result.errors[1].message", containsString("not a member"));
        assertEquals(0, count("select count(*) from alliance where key in ('I-NEW-ONE', 'I-NEW-TWO')"));

        String good = header
                + "I-NEW-ONE,\"Helix, the second\",Partner Pharma,CO_DEVELOPMENT,1,EXECUTION,4,3,alex,2025-01-15,\r\n"
                + "I-NEW-TWO,Two,Partner,LICENSING,2,DUE_DILIGENCE,3,3,alex,,20\r\n";
        post(ALEX, ALLIANCES, good).then().statusCode(201).body("created", equalTo(2));
        given().auth().oauth2(ALEX).when().get("/api/alliances/I-NEW-ONE").then().statusCode(200)
                .body("name", equalTo("Helix, the second")).body("riskThreshold", equalTo(12));
        given().auth().oauth2(ALEX).when().get("/api/alliances/I-NEW-TWO").then().statusCode(200)
                .body("riskThreshold", equalTo(20)).body("phase", equalTo("DUE_DILIGENCE"));
        assertEquals(2, count("select count(*) from outbox_event where aggregate_id in ('I-NEW-ONE', 'I-NEW-TWO') "
                + "and event_type = 'io.entente.AllianceRegistered'"));
        assertEquals(2, count("select count(*) from audit_log where aggregate_id in ('I-NEW-ONE', 'I-NEW-TWO') "
                + "and actor = 'alex'"));
    }

    @Test
    void anExportReimports() {
        Fixtures.createItem(ALEX, "I-ROUND", "Round trip, with a comma");
        Fixtures.createItem(ALEX, "I-ROUND", "-starts with a minus");
        String export = given().auth().oauth2(ALEX).accept(CSV).when()
                .get("/api/backlog-items/export?allianceId=I-ROUND").then().statusCode(200).extract().asString();
        long before = items("I-ROUND");
        post(ALEX, ITEMS, export).then().statusCode(201).body("created", equalTo((int) before));
        assertEquals(2 * before, items("I-ROUND"));
        assertEquals(2, count("select count(*) from backlog_item where alliance_id = 'I-ROUND' "
                + "and title = '-starts with a minus'"));
    }
}
