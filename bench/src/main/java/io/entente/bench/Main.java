package io.entente.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;

/**
 * The harness behind bench/run. Commands (each reads and writes bench/target/):
 * load | params | ratelimit-before | ratelimit-after | events | kafka | pgbench | procs | report, with --scale full|quick and --root (the work tree).
 */
public final class Main {

    static Path root = Path.of("..").toAbsolutePath().normalize();
    static Path target = Path.of("target").toAbsolutePath();

    private Main() {
    }

    static void log(String format, Object... args) {
        System.out.println("[bench " + LocalTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("HH:mm:ss"))
                + "] " + String.format(format, args));
        System.out.flush();
    }

    public static void main(String[] args) throws Exception {
        String command = args.length > 0 ? args[0] : "help";
        String scaleName = "full";
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--scale" -> scaleName = args[++i];
                case "--root" -> root = Path.of(args[++i]).toAbsolutePath().normalize();
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Files.createDirectories(target);
        Path stateFile = target.resolve("bench-state.properties");
        Properties state = new Properties();
        if (Files.exists(stateFile)) {
            try (Reader r = Files.newBufferedReader(stateFile)) {
                state.load(r);
            }
        }
        Scale scale = Scale.of(scaleName);
        Api api = new Api();
        switch (command) {
            case "load" -> {
                try {
                    new Loader(api, scale, state).load();
                } finally {
                    save(state, stateFile);
                }
            }
            case "params" -> params(state, scale);
            case "events" -> write("events", new Measures(api, scale, state).events());
            case "kafka" -> write("kafka", new Measures(api, scale, state).kafka());
            case "pgbench" -> write("pgbench", new Measures(api, scale, state).pgbench());
            case "procs" -> write("procs", new Procs(root).measure());
            case "ratelimit-before" -> RateLimitCost.before();
            case "ratelimit-after" -> log("rate-limit checks in this run: %s", RateLimitCost.after());
            case "report" -> new Report(root, target, scale, state).write();
            default -> {
                System.out.println("usage: Main load|params|ratelimit-before|ratelimit-after|events|kafka|pgbench|procs|report [--scale full|quick]");
                System.exit(2);
            }
        }
    }

    /** What the Gatling simulations read: a fresh token, the URLs, the loaded ids and the request counts. */
    static void params(Properties state, Scale scale) throws Exception {
        Properties p = new Properties();
        StringBuilder writers = new StringBuilder();
        for (String w : Api.WRITERS) {
            String token = Api.freshToken(w);
            String alliances = w.equals("admin") ? state.getProperty("alliances")
                    : String.join(",", Api.alliancesOf(token));
            if (alliances.isEmpty()) {
                continue;
            }
            p.setProperty("token." + w, token);
            p.setProperty("alliances." + w, alliances);
            writers.append(writers.length() == 0 ? "" : ",").append(w);
        }
        p.setProperty("writers", writers.toString());
        p.setProperty("backlogUrl", Api.BACKLOG);
        p.setProperty("sprintUrl", Api.SPRINT);
        p.setProperty("governanceUrl", Api.GOVERNANCE);
        p.setProperty("alliances", state.getProperty("alliances"));
        p.setProperty("boardSmall", state.getProperty("boardSmall"));
        p.setProperty("boardLarge", state.getProperty("boardLarge"));
        p.setProperty("meetingId", state.getProperty("meetingId"));
        p.setProperty("seqCreates", Integer.toString(scale.seqCreates()));
        p.setProperty("concCreates", Integer.toString(scale.concCreates()));
        p.setProperty("concUsers", Integer.toString(scale.concUsers()));
        p.setProperty("boardReads", Integer.toString(scale.boardReads()));
        p.setProperty("pageReads", Integer.toString(scale.pageReads()));
        p.setProperty("packetReps", Integer.toString(scale.packetReps()));
        save(p, target.resolve("bench-params.properties"));
    }

    static void save(Properties p, Path file) throws Exception {
        try (Writer w = Files.newBufferedWriter(file)) {
            p.store(w, "written by io.entente.bench.Main");
        }
    }

    static void write(String name, JsonNode node) throws Exception {
        Files.writeString(target.resolve("measure-" + name + ".json"),
                Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        log("%s: %s", name, node.toString().length() > 400 ? node.toString().substring(0, 400) + "..." : node);
    }

    static ObjectNode read(String name) throws Exception {
        Path file = target.resolve("measure-" + name + ".json");
        return Files.exists(file) ? (ObjectNode) Api.JSON.readTree(file.toFile()) : null;
    }
}
