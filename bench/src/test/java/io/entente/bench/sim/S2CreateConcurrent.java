package io.entente.bench.sim;

import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/** Backlog item creates, 16 clients each back to back (closed model): concurrent throughput and latency. */
public class S2CreateConcurrent extends Simulation {
    {
        int users = Params.num("concUsers");
        setUp(scenario("create-concurrent").repeat(Params.num("concCreates") / users)
                .on(Params.create("create-concurrent"))
                .injectOpen(atOnceUsers(users))).protocols(Params.protocol());
    }
}
