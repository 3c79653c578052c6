package io.entente.bench.sim;

import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/** Backlog item creates, one client, back to back (closed model): sequential throughput and latency. */
public class S1CreateSequential extends Simulation {
    {
        setUp(scenario("create-sequential").repeat(Params.num("seqCreates"))
                .on(Params.create("create-sequential"))
                .injectOpen(atOnceUsers(1))).protocols(Params.protocol());
    }
}
