package io.entente.bench.sim;

import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Reads, one client, back to back: the small and the large sprint board (sprint-service) and the first page of the
 * whole backlog sorted by rank (backlog-service, admin sees every alliance), then the first page of one alliance.
 */
public class S3Reads extends Simulation {
    {
        String sprint = Params.get("sprintUrl");
        String backlog = Params.get("backlogUrl");
        int boardReads = Params.num("boardReads");
        int pageReads = Params.num("pageReads");
        setUp(scenario("reads")
                .repeat(boardReads).on(exec(http("board-small").get(sprint + "/api/sprints/" + Params.get("boardSmall")
                        + "/board").header("Authorization", Params.admin()).check(status().is(200))))
                .repeat(boardReads).on(exec(http("board-large").get(sprint + "/api/sprints/" + Params.get("boardLarge")
                        + "/board").header("Authorization", Params.admin()).check(status().is(200))))
                .repeat(pageReads).on(exec(http("backlog-first-page").get(backlog + "/api/backlog-items?limit=50")
                        .header("Authorization", Params.admin()).check(status().is(200))))
                .repeat(pageReads).on(exec(http("backlog-first-page-one-alliance").get(backlog
                        + "/api/backlog-items?limit=50&allianceId=" + Params.ALLIANCES.get(0)).header("Authorization", Params.admin()).check(status().is(200))))
                .injectOpen(atOnceUsers(1))).protocols(Params.protocol());
    }
}
