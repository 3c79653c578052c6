package io.entente.backlog;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 100,000-item backlog: prints the time to list its first page and to rank-move an item in it (figures, not
 * assertions), and guards that a page costs the same number of SQL statements whatever the backlog's size.
 */
@QuarkusTest
class BacklogScaleTest {

    static final int ITEMS = 100_000;
    static final String TARA = Fixtures.member("S-LOAD", "S-SMALL");

    @Inject
    EntityManager em;

    @BeforeEach
    void load() {
        Fixtures.alliances("S-LOAD", "S-SMALL");
        QuarkusTransaction.requiringNew().run(() -> {
            long present = ((Number) em.createNativeQuery(
                    "select count(*) from backlog_item where alliance_id = 'S-LOAD'").getSingleResult()).longValue();
            if (present > 0) {
                return;
            }
            em.createNativeQuery("""
                    insert into backlog_item (id, alliance_id, title, description, discipline, type, estimate,
                                              due_date, status, rank, version, created_at, updated_at)
                    select gen_random_uuid(), 'S-LOAD', 'Load item ' || n, 'Generated for the scale test',
                           (array['GOVERNANCE','CONTRACTS','FINANCE','ALLIANCE_HEALTH','PROJECT_MANAGEMENT','LEGAL'])[1 + n % 6],
                           'TASK', 1 + n % 8, date '2027-01-01' + (n % 365), (array['NEW','READY'])[1 + n % 2],
                           'a' || lpad(to_hex(n), 8, '0') || 'i', 0, now(), now()
                    from generate_series(1, ?1) n""").setParameter(1, ITEMS).executeUpdate();
            // Every tenth of the first thousand items depends on its predecessor, so pages carry dependencies.
            em.createNativeQuery("""
                    insert into backlog_item_dependency (item_id, depends_on)
                    select b.id, p.id from backlog_item b
                    join backlog_item p on p.alliance_id = 'S-LOAD'
                     and p.rank = 'a' || lpad(to_hex(cast(substr(b.title, 11) as int) - 1), 8, '0') || 'i'
                    where b.alliance_id = 'S-LOAD' and b.rank < 'a000003e9i' and b.rank like '%0i'
                      and b.rank > 'a00000001i'""").executeUpdate();
        });
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("analyze backlog_item").executeUpdate());
    }

    @Test
    void firstPageAndRankMoveInAHundredThousandItemBacklog() throws IOException {
        for (int i = 0; i < 5; i++) {
            firstPage(TARA, "S-LOAD");
            firstPage(Fixtures.ADMIN, null);
        }
        List<Double> member = new ArrayList<>();
        List<Double> admin = new ArrayList<>();
        List<Double> filtered = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            member.add(firstPage(TARA, "S-LOAD"));
            admin.add(firstPage(Fixtures.ADMIN, null));
            long start = System.nanoTime();
            given().auth().oauth2(TARA).queryParam("allianceId", "S-LOAD").queryParam("discipline", "LEGAL")
                    .queryParam("status", "READY").queryParam("limit", 50)
                    .when().get("/api/backlog-items").then().statusCode(200);
            filtered.add((System.nanoTime() - start) / 1e6);
        }

        List<String> page = given().auth().oauth2(TARA).queryParam("allianceId", "S-LOAD").queryParam("limit", 10)
                .when().get("/api/backlog-items").then().extract().path("items.id");
        List<Double> moves = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // An item from deep in the backlog moves to the top, then the next one below it.
            String moved = em.createNativeQuery("select cast(id as text) from backlog_item where alliance_id = 'S-LOAD' "
                    + "and rank = 'a' || lpad(to_hex(?1), 8, '0') || 'i'").setParameter(1, 50_000 + i)
                    .getSingleResult().toString();
            String etag = Fixtures.etag("/api/backlog-items/" + moved, TARA);
            long start = System.nanoTime();
            given().auth().oauth2(TARA).contentType(ContentType.JSON).header("If-Match", etag)
                    .body("{\"above\":\"" + page.get(i % page.size()) + "\"}")
                    .when().post("/api/backlog-items/" + moved + "/rank").then().statusCode(200);
            moves.add((System.nanoTime() - start) / 1e6);
        }
        String plan = String.join("\n", planOfFirstPage());
        String report = """
                Backlog scale figures (%,d items in one alliance, REST round trip over HTTP on localhost, ms)
                  first page, member of the alliance (limit 50, sort rank): median %.1f, p95 %.1f, max %.1f
                  first page, admin over all alliances (limit 50, sort rank): median %.1f, p95 %.1f, max %.1f
                  first page filtered by discipline + status (limit 50):    median %.1f, p95 %.1f, max %.1f
                  rank move of one item (POST /rank):                         median %.1f, p95 %.1f, max %.1f
                Plan of the first page query:
                %s
                """.formatted(ITEMS, median(member), p95(member), max(member), median(admin), p95(admin), max(admin),
                median(filtered), p95(filtered), max(filtered), median(moves), p95(moves), max(moves), plan);
        System.out.println(report);
        Files.writeString(Path.of("target", "backlog-scale-figures.txt"), report);
        assertEquals(ITEMS, ((Number) em.createNativeQuery(
                "select count(*) from backlog_item where alliance_id = 'S-LOAD'").getSingleResult()).intValue());
    }

    @Test
    void aPageCostsTheSameStatementsWhateverTheBacklogSize() {
        String a = Fixtures.createItemId(TARA, "S-SMALL", "Small backlog item 1");
        String b = Fixtures.createItemId(TARA, "S-SMALL", "Small backlog item 2");
        given().auth().oauth2(TARA).contentType(ContentType.JSON)
                .header("If-Match", Fixtures.etag("/api/backlog-items/" + b, TARA))
                .body("""
                        {"title":"Small backlog item 2","description":null,"discipline":"GOVERNANCE","type":"TASK",
                         "estimate":3,"beneficiary":null,"stakeholderValue":null,"owner":null,
                         "dueDate":"2026-12-15","dependsOn":["%s"]}"""
                        .formatted(a)).when().put("/api/backlog-items/" + b).then().statusCode(200);

        int small = statementsFor("S-SMALL", 200, 2);
        int large = statementsFor("S-LOAD", 200, 200);
        int largeSortedByDue = statementsForSorted("S-LOAD", "dueDate");
        System.out.printf("SQL statements for one backlog page: 2 items -> %d, 200 of %,d items -> %d, "
                + "sorted by due date -> %d%n", small, ITEMS, large, largeSortedByDue);
        assertEquals(small, large, "a page must not cost a statement per item");
        assertEquals(small, largeSortedByDue);
        assertTrue(small <= 2, "one query for the rows, one for their dependencies; was " + small);
    }

    private int statementsFor(String alliance, int limit, int expectedRows) {
        int fewest = Integer.MAX_VALUE;
        // Background work (relay, consumer) rarely touches the backlog; the fewest of three runs is the page's cost.
        for (int i = 0; i < 3; i++) {
            StatementCounter.BACKLOG_STATEMENTS.set(0);
            given().auth().oauth2(TARA).queryParam("allianceId", alliance).queryParam("limit", limit)
                    .when().get("/api/backlog-items").then().statusCode(200).body("items.size()", equalTo(expectedRows));
            fewest = Math.min(fewest, StatementCounter.BACKLOG_STATEMENTS.get());
        }
        return fewest;
    }

    private int statementsForSorted(String alliance, String sort) {
        int fewest = Integer.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            StatementCounter.BACKLOG_STATEMENTS.set(0);
            given().auth().oauth2(TARA).queryParam("allianceId", alliance).queryParam("limit", 200)
                    .queryParam("sort", sort).when().get("/api/backlog-items").then().statusCode(200);
            fewest = Math.min(fewest, StatementCounter.BACKLOG_STATEMENTS.get());
        }
        return fewest;
    }

    private double firstPage(String token, String alliance) {
        long start = System.nanoTime();
        var request = given().auth().oauth2(token).queryParam("limit", 50);
        if (alliance != null) {
            request.queryParam("allianceId", alliance);
        }
        request.when().get("/api/backlog-items").then().statusCode(200).body("items.size()", equalTo(50));
        return (System.nanoTime() - start) / 1e6;
    }

    @SuppressWarnings("unchecked")
    private List<String> planOfFirstPage() {
        return QuarkusTransaction.requiringNew().call(() -> (List<String>) em.createNativeQuery("""
                explain analyze select * from backlog_item where alliance_id in ('S-LOAD', 'S-SMALL')
                order by rank limit 51""").getResultList());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double p95(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
    }

    private static double max(List<Double> values) {
        return Collections.max(values);
    }
}
