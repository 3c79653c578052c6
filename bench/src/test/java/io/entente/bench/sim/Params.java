package io.entente.bench.sim;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * What the harness (io.entente.bench.Bench params) wrote for this run: a fresh token, the service URLs, the ids of the
 * loaded boards and meeting, and the request counts for the chosen scale.
 */
final class Params {

    static final Properties P = load();

    private Params() {
    }

    private static Properties load() {
        Properties p = new Properties();
        Path file = Path.of(System.getProperty("bench.params", "target/bench-params.properties"));
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalStateException("run bench/run (it writes " + file.toAbsolutePath() + ")", e);
        }
        return p;
    }

    static String get(String key) {
        String v = P.getProperty(key);
        if (v == null) {
            throw new IllegalStateException("missing " + key + " in bench params");
        }
        return v;
    }

    static int num(String key) {
        return Integer.parseInt(get(key));
    }

    static HttpProtocolBuilder protocol() {
        return http.acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .disableCaching();
    }

    /** Reads run as admin (sees every alliance). */
    static String admin() {
        return "Bearer " + get("token.admin");
    }

    static final List<String> ALLIANCES = List.of(get("alliances").split(","));
    /**
     * The services limit writes per user (entente.rate-limit: 20/s sustained, burst 300), so creates rotate over
     * every demo user who may write, each in an alliance of their own.
     */
    static final String[] WRITERS = get("writers").split(",");
    static final java.util.concurrent.atomic.AtomicLong NEXT = new java.util.concurrent.atomic.AtomicLong();
    static final String[] DISCIPLINES = {"GOVERNANCE", "FINANCE", "ALLIANCE_HEALTH", "PROJECT_MANAGEMENT", "LEGAL"};

    /** One backlog item create: the real write path (row, rank lock, audit row, outbox row, one transaction). */
    static ChainBuilder create(String name) {
        return exec(session -> session.set("w", WRITERS[(int) (NEXT.getAndIncrement() % WRITERS.length)]))
                .exec(http(name).post(get("backlogUrl") + "/api/backlog-items")
                .header("Authorization", session -> "Bearer " + get("token." + session.getString("w")))
                .body(StringBody(session -> {
                    ThreadLocalRandom r = ThreadLocalRandom.current();
                    String[] own = get("alliances." + session.getString("w")).split(",");
                    return "{\"allianceId\":\"" + own[r.nextInt(own.length)]
                            + "\",\"title\":\"Bench item " + r.nextLong(1_000_000_000L)
                            + "\",\"description\":\"Created by the create-throughput benchmark\""
                            + ",\"discipline\":\"" + DISCIPLINES[r.nextInt(DISCIPLINES.length)]
                            + "\",\"type\":\"TASK\",\"estimate\":" + (1 + r.nextInt(8))
                            + ",\"stakeholderValue\":" + (1 + r.nextInt(10)) + "}";
                }))
                .check(status().is(201)));
    }
}
