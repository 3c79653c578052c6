package io.entente.backlog;

import io.entente.backlog.domain.BacklogItem;
import io.entente.backlog.domain.Discipline;
import io.entente.backlog.domain.ItemType;
import io.entente.backlog.domain.Ranks;
import io.entente.backlog.service.ItemWriter;
import io.entente.backlog.api.NewItem;
import io.entente.platform.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * New items go to the bottom of the one backlog without waiting for each other: whatever the alliances, concurrent
 * creates get distinct ranks below everything that was there, each client's items in the order it created them,
 * while moves still see a backlog with nothing in flight.
 */
@QuarkusTest
class RankAppendTest {

    static final List<String> ALLIANCES = List.of("B-APPEND-1", "B-APPEND-2", "B-APPEND-3");
    /** pg_locks shows an advisory bigint key's low 32 bits as objid. */
    static final String RANK_LOCK_OBJID = Long.toString(0x0BAC_0106L);

    @Inject
    EntityManager em;

    @Inject
    ItemWriter writer;

    @BeforeEach
    void portfolio() {
        Fixtures.alliances(ALLIANCES.toArray(String[]::new));
    }

    static String user(String name) {
        // One user per client: the per-user write limit must not be what serialises them.
        return TestTokens.user(name).roles("team-member").alliances(ALLIANCES.toArray(String[]::new)).sign();
    }

    @Test
    void concurrentCreatesInOneOrManyAlliancesGetDistinctRanksAtTheBottomInCreationOrder() throws Exception {
        String seeder = user("append-seeder");
        List<String> seeded = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            seeded.add(Fixtures.createItemId(seeder, ALLIANCES.get(0), "Moved around " + i));
        }
        String bottomBefore = maxRank();

        int creators = 9;
        int createsEach = 8;
        int movers = 2;
        int movesEach = 10;
        // Three creators per alliance: creates in the same alliance and in different ones run at the same time.
        Map<Integer, List<String>> createdBy = new ConcurrentHashMap<>();
        AtomicInteger moved = new AtomicInteger();
        Map<String, Integer> unexpected = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(creators + movers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < creators; c++) {
                int creator = c;
                String token = user("appender-" + c);
                String alliance = ALLIANCES.get(c % ALLIANCES.size());
                done.add(pool.submit((Callable<Void>) () -> {
                    List<String> ids = new ArrayList<>();
                    start.await();
                    for (int k = 0; k < createsEach; k++) {
                        Response r = given().auth().oauth2(token).contentType(ContentType.JSON)
                                .body(Fixtures.itemBody(alliance, "Creator " + creator + " item " + k))
                                .post("/api/backlog-items");
                        if (r.statusCode() != 201) {
                            unexpected.merge("create " + r.statusCode() + " " + r.asString(), 1, Integer::sum);
                            return null;
                        }
                        ids.add(r.path("id"));
                    }
                    createdBy.put(creator, ids);
                    return null;
                }));
            }
            for (int m = 0; m < movers; m++) {
                String token = user("append-mover-" + m);
                Random random = new Random(m);
                done.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    for (int k = 0; k < movesEach; k++) {
                        String item = seeded.get(random.nextInt(seeded.size()));
                        String target;
                        do {
                            target = seeded.get(random.nextInt(seeded.size()));
                        } while (target.equals(item));
                        String side = random.nextBoolean() ? "above" : "below";
                        while (true) {
                            String etag = Fixtures.etag("/api/backlog-items/" + item, token);
                            Response r = given().auth().oauth2(token).contentType(ContentType.JSON)
                                    .header("If-Match", etag).body("{\"" + side + "\":\"" + target + "\"}")
                                    .post("/api/backlog-items/" + item + "/rank");
                            if (r.statusCode() == 200) {
                                moved.incrementAndGet();
                                break;
                            }
                            if (r.statusCode() != 412) {
                                unexpected.merge("move " + r.statusCode() + " " + r.asString(), 1, Integer::sum);
                                return null;
                            }
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
        assertTrue(unexpected.isEmpty(), "only 201 for creates, 200 or 412 for moves: " + unexpected);
        assertEquals(movers * movesEach, moved.get());
        assertEquals(creators, createdBy.size());

        Map<String, String> rankOf = new HashMap<>();
        createdBy.values().stream().flatMap(List::stream).forEach(id -> rankOf.put(id, rank(id)));
        assertEquals(creators * createsEach, rankOf.size());
        assertEquals(rankOf.size(), new HashSet<>(rankOf.values()).size(), "every create got its own rank");
        rankOf.forEach((id, rank) -> assertTrue(rank.compareTo(bottomBefore) > 0,
                "item " + id + " (" + rank + ") went below everything there before (" + bottomBefore + ")"));
        createdBy.forEach((creator, ids) -> {
            for (int k = 1; k < ids.size(); k++) {
                assertTrue(rankOf.get(ids.get(k - 1)).compareTo(rankOf.get(ids.get(k))) < 0,
                        "creator " + creator + ": item " + k + " ranks below item " + (k - 1));
            }
        });

        // What a member sees: per alliance, each creator's items in its creation order, in one total order.
        for (int a = 0; a < ALLIANCES.size(); a++) {
            String alliance = ALLIANCES.get(a);
            List<String> listed = given().auth().oauth2(seeder).queryParam("allianceId", alliance)
                    .queryParam("limit", 200).get("/api/backlog-items").then().statusCode(200)
                    .extract().path("items.id");
            for (int c = a; c < creators; c += ALLIANCES.size()) {
                Set<String> mine = Set.copyOf(createdBy.get(c));
                assertEquals(createdBy.get(c), listed.stream().filter(mine::contains).toList(),
                        "creator " + c + " in " + alliance);
            }
        }
        Number duplicates = (Number) em.createNativeQuery(
                "select count(*) from (select rank from backlog_item group by rank having count(*) > 1) d")
                .getSingleResult();
        assertEquals(0, duplicates.intValue());

        // Moves to the bottom take append positions too: the next create still goes below everything.
        String bottom = maxRank();
        String next = Fixtures.createItemId(seeder, ALLIANCES.get(1), "After the rush");
        assertTrue(rank(next).compareTo(bottom) > 0, rank(next) + " below " + bottom);
    }

    @Test
    void createsDoNotWaitForOneAnotherButAMoveWaitsForThem() throws Exception {
        String token = user("append-lock");
        String alliance = ALLIANCES.get(0);
        String older = Fixtures.createItemId(token, alliance, "Older item");
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<UUID> held = pool.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                BacklogItem item = writer.create(NewItem.of(alliance, "Created in a long transaction", null,
                        Discipline.GOVERNANCE, ItemType.TASK, 1, null, null, null));
                em.flush();
                inserted.countDown();
                assertTrue(release.await(2, TimeUnit.MINUTES));
                return item.id;
            }));
            assertTrue(inserted.await(1, TimeUnit.MINUTES));
            Future<String> other;
            Future<Integer> move;
            try {
                // Another create answers while the first one's transaction is still open.
                other = pool.submit(() -> Fixtures.createItemId(token, alliance, "Created meanwhile"));
                String meanwhile = other.get(1, TimeUnit.MINUTES);
                // A move has to wait for the open create: it must see every item it could be placed next to.
                move = pool.submit(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                        .header("If-Match", Fixtures.etag("/api/backlog-items/" + older, token))
                        .body("{\"below\":\"" + meanwhile + "\"}")
                        .post("/api/backlog-items/" + older + "/rank").statusCode());
                // In this thread: the test's EntityManager needs its request context.
                await().pollInSameThread().atMost(Duration.ofMinutes(1)).until(() -> waitingForRankLock() > 0);
                assertFalse(move.isDone(), "the move waits for the open create");
            } finally {
                release.countDown();
            }
            UUID heldId = held.get(1, TimeUnit.MINUTES);
            assertEquals(200, move.get(1, TimeUnit.MINUTES));
            // The held create asked first, so it ranks above the one created meanwhile, whatever the commit order;
            // the move, which saw both, went below the one created meanwhile.
            String meanwhile = other.get();
            assertTrue(rank(heldId.toString()).compareTo(rank(meanwhile)) < 0);
            assertTrue(rank(meanwhile).compareTo(rank(older)) < 0);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void theMigrationsPositionFunctionIsRanksPosition() {
        for (String rank : List.of("i", "i00001", "i0001", "i00011", "a00018ai", "h0000002ai", "zzzzzz", "000001",
                "r", "iz", Ranks.atPosition(Ranks.LAST_POSITION - 1))) {
            Number sql = (Number) em.createNativeQuery("select backlog_rank_position(?1)").setParameter(1, rank)
                    .getSingleResult();
            assertEquals(Ranks.position(rank), sql.longValue(), rank);
        }
        // The sequence is past every rank in the table.
        Number last = (Number) em.createNativeQuery("select last_value from backlog_item_rank_position")
                .getSingleResult();
        assertTrue(last.longValue() >= Ranks.position(maxRank()));
    }

    @Test
    void aMovesNeighbourLookupIsAnIndexRangeScan() {
        List<String> plans = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            // The test table is small enough for a scan to look as cheap: ask whether the index can serve the
            // lookup at all (BacklogScaleTest measures it at 100,000 items).
            em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
            for (String sql : List.of(
                    "explain select max(rank) from backlog_item where rank < ?1 and id <> ?2",
                    "explain select min(rank) from backlog_item where rank > ?1 and id <> ?2")) {
                @SuppressWarnings("unchecked")
                List<String> lines = em.createNativeQuery(sql).setParameter(1, "i").setParameter(2, UUID.randomUUID())
                        .getResultList();
                plans.add(String.join("\n", lines));
            }
        });
        for (String plan : plans) {
            assertTrue(plan.contains("using backlog_item_rank on backlog_item"), plan);
            assertFalse(plan.contains("Seq Scan") || plan.contains("Sort"), plan);
        }
    }

    private String maxRank() {
        return (String) em.createNativeQuery("select max(rank) from backlog_item").getSingleResult();
    }

    private String rank(String id) {
        return (String) em.createNativeQuery("select rank from backlog_item where id = cast(?1 as uuid)")
                .setParameter(1, id).getSingleResult();
    }

    private long waitingForRankLock() {
        return ((Number) em.createNativeQuery("""
                        select count(*) from pg_locks
                        where locktype = 'advisory' and objid::text = ?1 and not granted""")
                .setParameter(1, RANK_LOCK_OBJID).getSingleResult()).longValue();
    }
}
