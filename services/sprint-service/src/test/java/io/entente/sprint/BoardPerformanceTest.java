package io.entente.sprint;

import io.entente.sprint.service.BoardQueries;
import io.entente.sprint.service.Visibility;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.entente.sprint.Fixtures.ADMIN;
import static io.entente.sprint.Fixtures.TARA;
import static io.entente.sprint.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A board answers with a constant number of SQL statements: 2,000 cards cost what 20 do. The cards are written
 * straight into the read model (committing 2,000 items one request at a time would only slow the build down); the
 * board is then read through the service and over HTTP.
 */
@QuarkusTest
class BoardPerformanceTest {

    @Inject
    BoardQueries board;

    @Inject
    EntityManager em;

    @Test
    void statementCountDoesNotGrowWithTheBoard() {
        String team = Fixtures.team(unique("Load"), null);
        String small = Fixtures.sprint(team, LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 12));
        String large = Fixtures.sprint(team, LocalDate.of(2027, 3, 15), LocalDate.of(2027, 3, 26));
        fill(small, 20);
        fill(large, 2000);

        Visibility everything = Visibility.everything();
        Visibility helixOnly = new Visibility(false, Set.of("ONC-HELIX"));
        int smallCount = statements(small, BoardQueries.Swimlanes.ALLIANCE, everything);
        int largeCount = statements(large, BoardQueries.Swimlanes.ALLIANCE, everything);
        int largeRestricted = statements(large, BoardQueries.Swimlanes.ASSIGNEE, helixOnly);
        System.out.printf("board SQL statements: 20 items -> %d, 2,000 items -> %d (restricted reader, by assignee:"
                + " %d)%n", smallCount, largeCount, largeRestricted);
        assertEquals(smallCount, largeCount);
        assertEquals(smallCount, largeRestricted);
        assertTrue(largeCount <= 6, "board read took " + largeCount + " statements");

        given().auth().oauth2(TARA).when().get("/api/sprints/" + large + "/board")
                .then().statusCode(200).body("planning.itemCount", equalTo(2000));
        List<Long> millis = new ArrayList<>();
        int bytes = 0;
        for (int run = 0; run < 7; run++) {
            long started = System.nanoTime();
            bytes = given().auth().oauth2(ADMIN).when().get("/api/sprints/" + large + "/board")
                    .then().statusCode(200).extract().asByteArray().length;
            millis.add((System.nanoTime() - started) / 1_000_000);
        }
        Collections.sort(millis);
        System.out.printf("2,000-item board over HTTP: median %d ms, fastest %d ms, slowest %d ms, %d KB%n",
                millis.get(3), millis.get(0), millis.get(6), bytes / 1024);

        List<Long> inService = new ArrayList<>();
        for (int run = 0; run < 7; run++) {
            long started = System.nanoTime();
            QuarkusTransaction.requiringNew().run(() ->
                    board.read(UUID.fromString(large), BoardQueries.Swimlanes.ALLIANCE, everything));
            inService.add((System.nanoTime() - started) / 1_000_000);
        }
        Collections.sort(inService);
        System.out.printf("2,000-item board inside the service (SQL + mapping, no HTTP/JSON): median %d ms,"
                + " fastest %d ms%n", inService.get(3), inService.get(0));
    }

    private int statements(String sprintId, BoardQueries.Swimlanes lanes, Visibility visibility) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SqlCounter.start();
            try {
                board.read(UUID.fromString(sprintId), lanes, visibility);
            } finally {
                return SqlCounter.stop();
            }
        });
    }

    private void fill(String sprintId, int items) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        with items as (
                            insert into backlog_item_copy (item_id, alliance_id, title, discipline, type, estimate,
                                                           due_date, status, rank, dropped, updated_at)
                            select gen_random_uuid(), (array['ONC-HELIX', 'CDX-QUANTIA', 'LIC-CORVID'])[1 + g % 3],
                                   'Load item ' || g, 'GOVERNANCE', 'TASK', 1 + g % 5, date '2027-03-20',
                                   'IN_SPRINT', lpad(g::text, 6, '0'), false, now()
                            from generate_series(1, ?1) g
                            returning item_id, alliance_id, rank)
                        insert into sprint_item (id, sprint_id, item_id, alliance_id, status, open, board_column,
                                                 assignee, override_capacity, committed_at, version)
                        select gen_random_uuid(), cast(?2 as uuid), item_id, alliance_id, 'COMMITTED', true,
                               (array['TODO', 'IN_PROGRESS', 'IN_REVIEW', 'DONE'])[1 + cast(rank as int) % 4],
                               case when cast(rank as int) % 3 = 0 then null
                                    when cast(rank as int) % 3 = 1 then 'tara' else 'nora' end,
                               false, now(), 0
                        from items""")
                .setParameter(1, items)
                .setParameter(2, sprintId)
                .executeUpdate());
    }
}
