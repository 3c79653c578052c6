package io.entente.backlog;

import io.entente.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many people changing the same thing at once: optimistic locking must turn every race into a 412 the loser can
 * retry, never into a lost update, a 5xx or a broken backlog order.
 */
@QuarkusTest
class ConcurrencyTest {

    static final int WRITERS = Integer.getInteger("entente.concurrency.writers", 20);
    // Twenty writers on one row: every accepted write sends the others back to retry, so the run grows with writers x
    // updates (50 each took over four minutes for some 15,000 races); 15 each still races thousands of times.
    static final int UPDATES = Integer.getInteger("entente.concurrency.updates", 15);
    static final String ALLIANCE = "B-RACE";

    @Inject
    EntityManager em;

    @BeforeEach
    void portfolio() {
        Fixtures.alliances(ALLIANCE);
    }

    static String writer(int n) {
        // One user per writer: the per-user write limit must not be what serialises them.
        return TestTokens.user("writer-" + n).roles("team-member").alliances(ALLIANCE).sign();
    }

    /** The description holds one counter per writer, "w0=12;w1=3;": a lost update shows as a short counter. */
    static Map<String, Integer> counters(String description) {
        Map<String, Integer> counters = new LinkedHashMap<>();
        if (description != null) {
            for (String part : description.split(";")) {
                if (!part.isBlank()) {
                    String[] kv = part.split("=");
                    counters.put(kv[0], Integer.parseInt(kv[1]));
                }
            }
        }
        return counters;
    }

    static String description(Map<String, Integer> counters) {
        StringBuilder out = new StringBuilder();
        counters.forEach((k, v) -> out.append(k).append('=').append(v).append(';'));
        return out.toString();
    }

    static String updateBody(String description) {
        return """
                {"title":"Contended JSC agenda","description":"%s","discipline":"GOVERNANCE","type":"TASK",
                 "estimate":3,"beneficiary":null,"stakeholderValue":null,"owner":null,"dueDate":"2026-12-15"}"""
                .formatted(description);
    }

    @Test
    void concurrentWritersNeverLoseAnUpdate() throws Exception {
        String owner = writer(0);
        String id = Fixtures.createItemId(owner, ALLIANCE, "Contended JSC agenda");
        String path = "/api/backlog-items/" + id;
        long initialVersion = given().auth().oauth2(owner).get(path).then().statusCode(200)
                .extract().<Number>path("version").longValue();

        AtomicInteger ok = new AtomicInteger();
        AtomicInteger stale = new AtomicInteger();
        Map<Integer, Integer> unexpected = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                String token = writer(w);
                String key = "w" + w;
                done.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    for (int u = 0; u < UPDATES; u++) {
                        while (true) {
                            Response read = given().auth().oauth2(token).get(path);
                            assertEquals(200, read.statusCode(), read.asString());
                            Map<String, Integer> counters = counters(read.path("description"));
                            counters.merge(key, 1, Integer::sum);
                            Response write = given().auth().oauth2(token).contentType(ContentType.JSON)
                                    .header("If-Match", read.header("ETag"))
                                    .body(updateBody(description(counters))).put(path);
                            if (write.statusCode() == 200) {
                                ok.incrementAndGet();
                                break;
                            }
                            if (write.statusCode() == 412) {
                                assertTrue(write.contentType().startsWith("application/problem+json"));
                                stale.incrementAndGet();
                                continue;
                            }
                            unexpected.merge(write.statusCode(), 1, Integer::sum);
                            throw new AssertionError("unexpected " + write.statusCode() + ": " + write.asString());
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        Response end = given().auth().oauth2(owner).get(path);
        Map<String, Integer> counters = counters(end.path("description"));
        System.out.printf("[concurrency] %d writers x %d updates: %d x 200, %d x 412 (retried), other %s%n",
                WRITERS, UPDATES, ok.get(), stale.get(), unexpected);
        assertTrue(unexpected.isEmpty(), "only 200 and 412: " + unexpected);
        assertEquals(WRITERS * UPDATES, ok.get());
        assertEquals(WRITERS, counters.size());
        counters.forEach((k, v) -> assertEquals(UPDATES, v, "updates of " + k + " lost"));
        assertEquals(initialVersion + (long) WRITERS * UPDATES, end.<Number>path("version").longValue());

        // Audit rows equal accepted commands: the create and every 200, nothing for a 412.
        Number audited = (Number) em.createNativeQuery(
                        "select count(*) from audit_log where aggregate_type = 'backlog-item' and aggregate_id = ?1")
                .setParameter(1, id).getSingleResult();
        Number outboxed = (Number) em.createNativeQuery(
                        "select count(*) from outbox_event where aggregate_id = ?1").setParameter(1, id)
                .getSingleResult();
        assertEquals(1L + ok.get(), audited.longValue(), "one audit row per accepted command");
        assertEquals(1L + ok.get(), outboxed.longValue(), "one event per accepted command");
    }

    @Test
    void concurrentRankMovesKeepOneTotalOrder() throws Exception {
        String owner = writer(0);
        int items = 12;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            ids.add(Fixtures.createItemId(owner, ALLIANCE, "Ranked item " + i));
        }
        int movers = 8;
        int movesEach = 15;
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger stale = new AtomicInteger();
        Map<Integer, Integer> unexpected = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(movers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int m = 0; m < movers; m++) {
                String token = writer(m);
                Random random = new Random(m);
                done.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    for (int k = 0; k < movesEach; k++) {
                        String moved = ids.get(random.nextInt(items));
                        String target;
                        do {
                            target = ids.get(random.nextInt(items));
                        } while (target.equals(moved));
                        String side = random.nextBoolean() ? "above" : "below";
                        while (true) {
                            String etag = Fixtures.etag("/api/backlog-items/" + moved, token);
                            Response r = given().auth().oauth2(token).contentType(ContentType.JSON)
                                    .header("If-Match", etag).body("{\"" + side + "\":\"" + target + "\"}")
                                    .post("/api/backlog-items/" + moved + "/rank");
                            if (r.statusCode() == 200) {
                                ok.incrementAndGet();
                                break;
                            }
                            if (r.statusCode() == 412) {
                                stale.incrementAndGet();
                                continue;
                            }
                            unexpected.merge(r.statusCode(), 1, Integer::sum);
                            throw new AssertionError("unexpected " + r.statusCode() + ": " + r.asString());
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("[concurrency] %d movers x %d rank moves: %d x 200, %d x 412 (retried), other %s%n",
                movers, movesEach, ok.get(), stale.get(), unexpected);
        assertTrue(unexpected.isEmpty(), "only 200 and 412: " + unexpected);
        assertEquals(movers * movesEach, ok.get());

        // The API's order is total and agrees with the ranks: every item once, ranks strictly increasing.
        List<String> listed = given().auth().oauth2(owner).queryParam("allianceId", ALLIANCE)
                .queryParam("limit", 200).get("/api/backlog-items").then().statusCode(200)
                .extract().path("items.id");
        List<String> ranks = given().auth().oauth2(owner).queryParam("allianceId", ALLIANCE)
                .queryParam("limit", 200).get("/api/backlog-items").then().statusCode(200)
                .extract().path("items.rank");
        Set<String> expected = new HashSet<>(ids);
        assertTrue(new HashSet<>(listed).containsAll(expected), "every moved item is still listed");
        assertEquals(listed.size(), new HashSet<>(listed).size(), "no item listed twice");
        assertEquals(ranks.size(), new HashSet<>(ranks).size(), "ranks unique");
        for (int i = 1; i < ranks.size(); i++) {
            assertTrue(ranks.get(i - 1).compareTo(ranks.get(i)) < 0, "list order follows the ranks at " + i);
        }
        Number duplicates = (Number) em.createNativeQuery(
                "select count(*) from (select rank from backlog_item group by rank having count(*) > 1) d")
                .getSingleResult();
        assertEquals(0, duplicates.intValue());
    }
}
