package io.entente.bench.sim;

import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Prep packet of the largest meeting: generate a new version from live data (JSON answer), then render the latest
 * version as HTML and as PDF.
 */
public class S4Packets extends Simulation {
    {
        String packets = Params.get("governanceUrl") + "/api/meetings/" + Params.get("meetingId") + "/packets";
        setUp(scenario("packets").repeat(Params.num("packetReps")).on(
                        exec(http("packet-generate").post(packets).header("Authorization", Params.admin()).check(status().is(201)))
                                .exec(http("packet-html").get(packets + "/latest").header("Accept", "text/html")
                                        .header("Authorization", Params.admin()).check(status().is(200)))
                                .exec(http("packet-pdf").get(packets + "/latest").header("Accept", "application/pdf")
                                        .header("Authorization", Params.admin()).check(status().is(200))))
                .injectOpen(atOnceUsers(1))).protocols(Params.protocol());
    }
}
