package io.entente.sprint;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many planners pulling items into one sprint at the same moment: capacity is never exceeded without an override,
 * no item lands twice, and the planning totals equal the board.
 */
@QuarkusTest
class ConcurrentCommitTest {

    static final int ITEMS = 20;
    static final int POINTS = 3;

    @Test
    void concurrentCommitsNeverOverfillTheSprint() throws Exception {
        String teamId = Fixtures.team(Fixtures.unique("Race team"), null);
        String sprintId = Fixtures.sprint(teamId);
        Fixtures.Item[] items = new Fixtures.Item[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            items[i] = Fixtures.Item.of("ONC-HELIX", "Race item " + i, POINTS);
        }
        List<String> ids = Fixtures.publish(items);
        int capacity = given().auth().oauth2(Fixtures.ADMIN).get("/api/sprints/" + sprintId)
                .then().statusCode(200).extract().path("planning.capacityPoints");

        Map<Integer, Integer> first = commitAll(sprintId, ids);
        Map<Integer, Integer> again = commitAll(sprintId, ids);
        int accepted = first.getOrDefault(201, 0);
        System.out.printf("[concurrency] %d concurrent commits of %d points into capacity %d: %s; repeated: %s%n",
                ITEMS, POINTS, capacity, first, again);

        assertTrue(first.keySet().stream().allMatch(s -> s == 201 || s == 409), "only 201 and 409: " + first);
        assertEquals(capacity / POINTS, accepted, "exactly what fits is accepted");
        assertEquals(Map.of(409, ITEMS), again, "nothing is committed twice and nothing more fits");

        Response sprint = given().auth().oauth2(Fixtures.ADMIN).get("/api/sprints/" + sprintId);
        assertEquals(accepted * POINTS, (int) sprint.path("planning.committedPoints"));
        assertEquals(accepted, (int) sprint.path("planning.itemCount"));
        assertFalse((boolean) sprint.path("planning.overCapacity"));
        Response board = given().auth().oauth2(Fixtures.ADMIN).get("/api/sprints/" + sprintId + "/board");
        assertEquals(200, board.statusCode());
        List<Integer> perColumn = board.path("columns.count");
        List<String> cardIds = board.path("lanes.collect { it.columns.values().flatten() }.flatten().id");
        assertEquals(accepted, perColumn.stream().mapToInt(Integer::intValue).sum(), "board columns count the cards");
        assertEquals(accepted, cardIds.size(), "the board shows what the totals count: " + cardIds);
        assertEquals(accepted, cardIds.stream().distinct().count(), "no card twice");
    }

    static Map<Integer, Integer> commitAll(String sprintId, List<String> ids) throws Exception {
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(ids.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String id : ids) {
                done.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    int status = given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON)
                            .body(Map.of("itemId", id)).post("/api/sprints/" + sprintId + "/items").statusCode();
                    statuses.merge(status, 1, Integer::sum);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return statuses;
    }
}
