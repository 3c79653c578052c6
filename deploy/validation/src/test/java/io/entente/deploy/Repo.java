package io.entente.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The repository as the deploy files must see it: the components, their configuration and the event topics. */
final class Repo {

    static final Path ROOT = findRoot();
    static final YAMLMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = JsonMapper.builder().build();

    private static final Pattern AGGREGATE = Pattern.compile("@Aggregate\\(\\s*\"([^\"]+)\"\\s*\\)");

    /** A deployable component: one of the four services or the frontend, described by its own properties. */
    record Component(String name, Path dir, int port, String database, Properties properties) {
        boolean isFrontend() {
            return database == null;
        }

        /** The frontend's upstream variable for a service, e.g. ENTENTE_UPSTREAM_BACKLOG for backlog-service. */
        String upstreamVariable() {
            return "ENTENTE_UPSTREAM_" + name.replace("-service", "").toUpperCase().replace('-', '_');
        }

        /** The directory relative to the root, with forward slashes, as Dockerfiles and .dockerignore name it. */
        String relativeDir() {
            return ROOT.relativize(dir).toString().replace('\\', '/');
        }
    }

    private Repo() {
    }

    static List<Component> components() {
        List<Component> all = new ArrayList<>(services());
        all.add(component(ROOT.resolve("frontend")));
        return all;
    }

    /**
     * The frontend's upstream variables and the service each must point at. Read from the frontend's
     * {@code entente.upstream.<x>=http://127.0.0.1:<port>} defaults, matched to the service by port; without such
     * keys, from the naming convention (ENTENTE_UPSTREAM_BACKLOG for backlog-service).
     */
    static Map<String, Component> upstreams() {
        Component frontend = components().stream().filter(Component::isFrontend).findFirst().orElseThrow();
        Map<String, Component> upstreams = new TreeMap<>();
        for (String key : frontend.properties().stringPropertyNames()) {
            if (!key.startsWith("entente.upstream.")) {
                continue;
            }
            int port = URI.create(frontend.properties().getProperty(key).trim()).getPort();
            Component target = services().stream().filter(c -> c.port() == port).findFirst()
                    .orElseThrow(() -> new IllegalStateException(key + " points at no service port"));
            upstreams.put("ENTENTE_UPSTREAM_" + key.substring("entente.upstream.".length()).toUpperCase().replace('-', '_'), target);
        }
        if (upstreams.isEmpty()) {
            services().forEach(c -> upstreams.put(c.upstreamVariable(), c));
        }
        return upstreams;
    }

    static List<Component> services() {
        try (Stream<Path> dirs = Files.list(ROOT.resolve("services"))) {
            List<Component> services = dirs
                    .filter(d -> d.getFileName().toString().endsWith("-service"))
                    .filter(d -> Files.isRegularFile(d.resolve("src/main/resources/application.properties")))
                    .sorted()
                    .map(Repo::component)
                    .toList();
            if (services.size() < 4) {
                throw new IllegalStateException("expected the four services under services/, found " + services);
            }
            return services;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Component component(Path dir) {
        Properties p = properties(dir.resolve("src/main/resources/application.properties"));
        String name = require(p, "quarkus.application.name", dir);
        int port = Integer.parseInt(require(p, "quarkus.http.port", dir));
        String jdbc = p.getProperty("%prod.quarkus.datasource.jdbc.url", p.getProperty("quarkus.datasource.jdbc.url"));
        String database = jdbc == null ? null : databaseOf(jdbc);
        return new Component(name, dir, port, database, p);
    }

    /** {@code jdbc:postgresql://host:5432/backlog?x=y} -> {@code backlog}. */
    static String databaseOf(String jdbcUrl) {
        String path = jdbcUrl.replaceFirst("\\?.*$", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** {@code jdbc:postgresql://host:5432/backlog} -> {@code host}. */
    static String hostOf(String jdbcUrl) {
        Matcher m = Pattern.compile("^jdbc:postgresql://([^:/]+)").matcher(jdbcUrl);
        if (!m.find()) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        return m.group(1);
    }

    /** Every topic the event contracts publish to: {@code <@Aggregate value>.events}, read from the sources. */
    static Set<String> eventTopics() {
        Path events = ROOT.resolve("services/events/src/main/java/io/entente/events");
        Set<String> topics = new TreeSet<>();
        try (Stream<Path> files = Files.walk(events)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = AGGREGATE.matcher(Files.readString(file));
                while (m.find()) {
                    topics.add(m.group(1) + ".events");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (topics.isEmpty()) {
            throw new IllegalStateException("no @Aggregate found under " + events);
        }
        return topics;
    }

    static Properties properties(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * docker-compose.yml, through SnakeYAML because it resolves anchors and merge keys ({@code <<: *x}) the way
     * Compose does, then as a Jackson tree.
     */
    static JsonNode compose() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object model = new Yaml(options).load(read(ROOT.resolve("docker-compose.yml")));
        return JSON.valueToTree(model);
    }

    /** Every document of a YAML stream (Kubernetes manifests), without the empty ones. */
    static List<JsonNode> documents(String yaml) {
        List<JsonNode> docs = new ArrayList<>();
        try (JsonParser parser = new YAMLFactory().createParser(new StringReader(yaml))) {
            for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    /** The exit code and output of a command run in the repository root, or -1 if it did not finish in time. */
    record Run(int exit, String output) {
    }

    static Run run(List<String> command, long timeoutSeconds) {
        try {
            Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread pump = new Thread(() -> {
                try (InputStream in = process.getInputStream()) {
                    in.transferTo(out);
                } catch (IOException ignored) {
                    // the process went away; what was read is kept
                }
            });
            pump.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Run(-1, "timed out after " + timeoutSeconds + " s: " + command);
            }
            pump.join(5_000);
            return new Run(process.exitValue(), out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** True if an executable of that name is on the PATH. */
    static boolean onPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        return Stream.of(path.split(java.io.File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(dir -> Paths.get(dir, executable))
                .anyMatch(Files::isExecutable);
    }

    static List<Path> filesUnder(Path dir, String suffix) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(suffix))
                    .sorted(Comparator.naturalOrder())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String require(Properties p, String key, Path dir) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(key + " missing in " + dir.resolve("src/main/resources/application.properties"));
        }
        return value.trim();
    }

    private static Path findRoot() {
        String configured = System.getProperty("entente.root");
        if (configured != null && !configured.isBlank() && isRoot(Paths.get(configured))) {
            return Paths.get(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return dir.normalize();
            }
        }
        throw new IllegalStateException("cannot find the Entente repository root above " + Paths.get("").toAbsolutePath());
    }

    private static boolean isRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isDirectory(dir.resolve("services"))
                && Files.isRegularFile(dir.resolve("pom.xml"));
    }
}
