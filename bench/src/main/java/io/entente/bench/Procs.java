package io.entente.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Memory and startup of the running stack, read from /proc and the launcher's logs (nothing is restarted):
 * <ul>
 *   <li>RSS (VmRSS) and PSS (smaps_rollup, shared pages divided among their users) per process listening on the
 *   stack's ports, and summed over every process of the launcher's tree (PSS is the honest total; summed RSS counts
 *   PostgreSQL's shared buffers once per backend).</li>
 *   <li>Startup to first answer: process start (from /proc/PID/stat) to the "Listening on" line of the Quarkus log
 *   (the moment the HTTP server accepts), and Quarkus' own "started in" figure. For the stack: launcher start to
 *   the last of those.</li>
 * </ul>
 */
final class Procs {

    static final Map<String, Integer> PORTS = new LinkedHashMap<>();

    static {
        PORTS.put("backlog-service", 8081);
        PORTS.put("sprint-service", 8082);
        PORTS.put("decision-service", 8083);
        PORTS.put("governance-service", 8084);
        PORTS.put("frontend", 8080);
        PORTS.put("keycloak", 8180);
        PORTS.put("kafka", 9092);
        PORTS.put("postgresql", 15432);
    }

    // Keycloak's lines start with the date and time, the services' with the time of day only.
    static final Pattern STARTED = Pattern.compile(
            "^(?:(\\d{4}-\\d{2}-\\d{2}) )?(\\d{2}:\\d{2}:\\d{2},\\d{3}) .*started in ([0-9.]+)s\\. Listening on");

    private final Path root;

    Procs(Path root) {
        this.root = root;
    }

    ObjectNode measure() throws Exception {
        ObjectNode out = Api.JSON.createObjectNode();
        Map<Integer, Integer> listeners = listeners();
        long bootMillis = bootMillis();
        long ticks = Long.parseLong(Measures.exec(List.of("getconf", "CLK_TCK")).trim());
        ArrayNode procs = out.putArray("processes");
        double lastReady = 0;
        for (Map.Entry<String, Integer> e : PORTS.entrySet()) {
            Integer pid = listeners.get(e.getValue());
            ObjectNode p = procs.addObject().put("name", e.getKey()).put("port", e.getValue());
            if (pid == null) {
                p.put("running", false);
                continue;
            }
            long startMillis = bootMillis + startTicks(pid) * 1000 / ticks;
            p.put("pid", pid).put("rssMb", kb(pid, "status", "VmRSS") / 1024.0)
                    .put("pssMb", kb(pid, "smaps_rollup", "Pss") / 1024.0)
                    .put("processStart", java.time.Instant.ofEpochMilli(startMillis).toString());
            Path log = root.resolve(".entente/logs/" + e.getKey() + ".log");
            if (Files.exists(log)) {
                Matcher last = null;
                for (String line : Files.readAllLines(log)) {
                    Matcher m = STARTED.matcher(line);
                    if (m.find()) {
                        last = m;
                    }
                }
                if (last != null) {
                    long listening = listeningMillis(last, startMillis);
                    if (listening >= startMillis - 1000) {
                        double toListen = (listening - startMillis) / 1000.0;
                        p.put("startupToListeningS", toListen).put("quarkusStartedInS",
                                Double.parseDouble(last.group(3)));
                        lastReady = Math.max(lastReady, listening);
                    }
                }
            }
        }
        // The whole stack: every process in the launcher's tree (or, without a launcher, the listeners above).
        Path pidFile = root.resolve(".entente/launcher.pid");
        List<Integer> tree = new ArrayList<>();
        Integer launcher = null;
        if (Files.exists(pidFile)) {
            launcher = Integer.parseInt(Files.readString(pidFile).trim());
            if (Files.exists(Path.of("/proc/" + launcher))) {
                tree = descendants(launcher);
            } else {
                launcher = null;
            }
        }
        // PostgreSQL detaches from the launcher: add every listener's own tree (postmaster and its backends).
        java.util.Set<Integer> all = new java.util.LinkedHashSet<>(tree);
        for (int port : PORTS.values()) {
            Integer pid = listeners.get(port);
            if (pid != null) {
                all.addAll(descendants(pid));
            }
        }
        tree = new ArrayList<>(all);
        double rss = 0;
        double pss = 0;
        for (int pid : tree) {
            rss += kb(pid, "status", "VmRSS") / 1024.0;
            pss += kb(pid, "smaps_rollup", "Pss") / 1024.0;
        }
        ObjectNode stack = out.putObject("stack");
        stack.put("processes", tree.size()).put("rssSumMb", rss).put("pssSumMb", pss);
        if (launcher != null && lastReady > 0) {
            long launcherStart = bootMillis + startTicks(launcher) * 1000 / ticks;
            stack.put("launcherStart", java.time.Instant.ofEpochMilli(launcherStart).toString())
                    .put("startupToLastListeningS", (lastReady - launcherStart) / 1000.0);
        }
        return out;
    }

    /** port -> pid of the process listening on 127.0.0.1 there (ss -ltnpH). */
    static Map<Integer, Integer> listeners() throws Exception {
        Map<Integer, Integer> out = new HashMap<>();
        Pattern line = Pattern.compile(":(\\d+)\\s.*pid=(\\d+)");
        for (String l : Measures.exec(List.of("ss", "-ltnpH")).split("\n")) {
            Matcher m = line.matcher(l);
            if (m.find()) {
                out.putIfAbsent(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
        }
        return out;
    }

    static List<Integer> descendants(int root) throws Exception {
        Map<Integer, List<Integer>> children = new HashMap<>();
        try (Stream<Path> dirs = Files.list(Path.of("/proc"))) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                String name = d.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(d.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    children.computeIfAbsent(Integer.parseInt(f[1]), k -> new ArrayList<>()).add(Integer.parseInt(name));
                } catch (Exception ignored) {
                    // gone meanwhile
                }
            }
        }
        List<Integer> out = new ArrayList<>();
        List<Integer> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            int pid = todo.remove(todo.size() - 1);
            out.add(pid);
            todo.addAll(children.getOrDefault(pid, List.of()));
        }
        return out;
    }

    static long startTicks(int pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[19]);
    }

    static long bootMillis() throws Exception {
        for (String l : Files.readAllLines(Path.of("/proc/stat"))) {
            if (l.startsWith("btime ")) {
                return Long.parseLong(l.substring(6).trim()) * 1000;
            }
        }
        throw new IllegalStateException("no btime in /proc/stat");
    }

    static long kb(int pid, String file, String key) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/" + file))) {
                if (l.startsWith(key + ":")) {
                    return Long.parseLong(l.substring(key.length() + 1).replace("kB", "").trim());
                }
            }
        } catch (Exception ignored) {
            // gone, or not readable
        }
        return 0;
    }

    /** A line without a date belongs to the day the process started, or the next one if it crossed midnight. */
    static long listeningMillis(Matcher line, long startMillis) {
        ZoneId zone = ZoneId.systemDefault();
        String date = line.group(1) != null ? line.group(1)
                : java.time.Instant.ofEpochMilli(startMillis).atZone(zone).toLocalDate().toString();
        long at = LocalDateTime.parse(date + " " + line.group(2), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS"))
                .atZone(zone).toInstant().toEpochMilli();
        return line.group(1) == null && at < startMillis - 1000 ? at + 86_400_000L : at;
    }
}
