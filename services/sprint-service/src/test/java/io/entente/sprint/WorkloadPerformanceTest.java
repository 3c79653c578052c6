package io.entente.sprint;

import io.entente.sprint.service.WorkloadQueries;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static io.entente.sprint.Fixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workload page's read time for 500 alliances, 50 managers, 12 teams and 5,000 open backlog items. The read
 * model is filled by SQL (as the events would leave it); the page is read over HTTP as an admin. Prints the figure.
 */
@QuarkusTest
class WorkloadPerformanceTest {

    @Inject
    EntityManager em;

    @Inject
    WorkloadQueries workload;

    @Test
    void readsTheWorkloadOfFiveHundredAlliancesAndFiftyManagers() {
        String prefix = "P" + UUID.randomUUID().toString().substring(0, 5).toUpperCase(Locale.ROOT);
        seed(prefix);

        int statements = QuarkusTransaction.requiringNew().call(() -> {
            SqlCounter.start();
            try {
                workload.workload(3);
            } finally {
                return SqlCounter.stop();
            }
        });
        given().auth().oauth2(ADMIN).when().get("/api/workload?months=3").then().statusCode(200);
        List<Long> millis = new ArrayList<>();
        int bytes = 0;
        for (int run = 0; run < 7; run++) {
            long started = System.nanoTime();
            bytes = given().auth().oauth2(ADMIN).when().get("/api/workload?months=3")
                    .then().statusCode(200).extract().asByteArray().length;
            millis.add((System.nanoTime() - started) / 1_000_000);
        }
        Collections.sort(millis);
        System.out.printf("workload page, 500 alliances / 50 managers / 12 teams / 5,000 open items (plus what other"
                        + " tests left): median %d ms, fastest %d ms, slowest %d ms, %d KB, %d SQL statements%n",
                millis.get(3), millis.get(0), millis.get(6), bytes / 1024, statements);
        List<Long> inService = new ArrayList<>();
        for (int run = 0; run < 7; run++) {
            long started = System.nanoTime();
            QuarkusTransaction.requiringNew().run(() -> workload.workload(3));
            inService.add((System.nanoTime() - started) / 1_000_000);
        }
        Collections.sort(inService);
        System.out.printf("workload inside the service (SQL + rules, no HTTP/JSON): median %d ms, fastest %d ms%n",
                inService.get(3), inService.get(0));
        assertTrue(statements <= 7, "the workload read took " + statements + " statements");
        assertTrue(millis.get(3) < 2000, "median " + millis.get(3) + " ms");
    }

    private void seed(String prefix) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    insert into alliance_copy (alliance_id, name, partner, tier, phase, value_score, complexity_score,
                                               alliance_manager, updated_at)
                    select ?1 || '-' || g, 'Load alliance ' || g, 'Partner ' || (g % 40), 1 + g % 3,
                           (array['EVALUATION', 'DUE_DILIGENCE', 'LAUNCH', 'EXECUTION', 'EXECUTION', 'EXECUTION',
                                  'RENEWAL', 'WIND_DOWN'])[1 + g % 8],
                           1 + g % 5, 1 + g % 5, lower(?1) || '-mgr-' || (g % 50), now()
                    from generate_series(1, 500) g""").setParameter(1, prefix).executeUpdate();
            em.createNativeQuery("""
                    insert into team (id, name, disciplines, alliances, version, created_at, updated_at)
                    select gen_random_uuid(), ?1 || ' team ' || t,
                           array[(array['GOVERNANCE', 'CONTRACTS', 'ALLIANCE_HEALTH', 'LEGAL'])[1 + t % 4]],
                           array(select ?1 || '-' || g from generate_series(1, 500) g where g % 3 = t % 3),
                           0, now(), now()
                    from generate_series(1, 12) t""").setParameter(1, prefix).executeUpdate();
            em.createNativeQuery("""
                    insert into team_member (id, team_id, user_id, display_name, team_role, points_per_day)
                    select gen_random_uuid(), t.id, 'member-' || m, 'Member ' || m, 'MEMBER', 1.0
                    from team t, generate_series(1, 5) m where t.name like ?1 || ' team %'""")
                    .setParameter(1, prefix).executeUpdate();
            em.createNativeQuery("""
                    insert into backlog_item_copy (item_id, alliance_id, title, discipline, type, estimate, due_date,
                                                   status, rank, dropped, updated_at)
                    select gen_random_uuid(), ?1 || '-' || (1 + g % 500), 'Load item ' || g,
                           (array['GOVERNANCE', 'CONTRACTS', 'ALLIANCE_HEALTH', 'LEGAL'])[1 + g % 4], 'TASK',
                           1 + g % 5, null, 'READY', null, false, now()
                    from generate_series(1, 5000) g""").setParameter(1, prefix).executeUpdate();
        });
    }
}
