package io.entente.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.entente.deploy.Repo.Component;
import io.entente.deploy.Repo.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** docker-compose.yml against the services' own configuration, the Dockerfiles and the init script. */
class ComposeTest {

    /** Environment variable names that hold credentials. */
    static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|CREDENTIAL|PRIVATE|API_KEY).*");
    /** An overridable value with a default: {@code ${NAME:-default}}. */
    static final Pattern OVERRIDABLE = Pattern.compile("^\"?\\$\\{[A-Z][A-Z0-9_]*:-[^}]+}\"?$");
    static final Pattern ENV_LINE = Pattern.compile("^\\s*-?\\s*([A-Z][A-Z0-9_]*)\\s*[:=]\\s*(.*?)\\s*(#.*)?$");
    static final Set<String> INFRASTRUCTURE = Set.of("postgres", "kafka", "keycloak");

    static JsonNode compose;
    static JsonNode services;

    @BeforeAll
    static void load() {
        compose = Repo.compose();
        services = compose.path("services");
        assertTrue(services.isObject(), "docker-compose.yml has no services");
    }

    @Test
    void everyComponentAndTheInfrastructureIsThere() {
        for (Component c : Repo.components()) {
            assertTrue(services.has(c.name()), "docker-compose.yml lacks " + c.name());
        }
        for (String infra : INFRASTRUCTURE) {
            assertTrue(services.has(infra), "docker-compose.yml lacks " + infra);
        }
    }

    @Test
    void componentsAreBuiltFromTheirDockerfilesInJvmMode() {
        for (Component c : Repo.components()) {
            JsonNode build = services.path(c.name()).path("build");
            assertEquals(".", build.path("context").asText(), c.name() + ": the build context is the repository root");
            String dockerfile = build.path("dockerfile").asText();
            assertEquals("deploy/docker/" + c.name() + "/Dockerfile", dockerfile, c.name() + ": Dockerfile location");
            Path file = Repo.ROOT.resolve(dockerfile);
            assertTrue(Files.isRegularFile(file), dockerfile + " does not exist");
            String text = Repo.read(file);
            String fastJar = c.relativeDir() + "/target/quarkus-app/";
            for (String layer : List.of("lib/", "*.jar", "app/", "quarkus/")) {
                assertTrue(text.contains("COPY --chown=185 " + fastJar + layer),
                        dockerfile + " must copy the fast-jar layer " + fastJar + layer);
            }
            assertTrue(text.contains("quarkus-run.jar"), dockerfile + " must run quarkus-run.jar (JVM mode)");
            assertTrue(text.contains("EXPOSE " + c.port()), dockerfile + " must expose " + c.port());
            assertTrue(text.contains("QUARKUS_HTTP_HOST=0.0.0.0"), dockerfile + " must listen on 0.0.0.0");
            assertFalse(text.contains("-Dquarkus.http"), dockerfile + ": -D flags would beat the environment");

            Path ignore = Repo.ROOT.resolve(dockerfile + ".dockerignore");
            assertTrue(Files.isRegularFile(ignore), "missing " + ignore);
            assertTrue(Repo.read(ignore).contains("!" + fastJar.replaceFirst("/$", "") + "/**"),
                    ignore + " must let the fast-jar through");
            assertTrue(services.path(c.name()).path("image").asText().startsWith("entente/" + c.name() + ":"),
                    c.name() + ": image name");
        }
    }

    @Test
    void portsAndHealthChecksMatchTheServicesConfiguration() {
        for (Component c : Repo.components()) {
            JsonNode service = services.path(c.name());
            Map<String, String> env = environment(service);
            assertEquals(String.valueOf(c.port()), env.get("QUARKUS_HTTP_PORT"), c.name() + ": QUARKUS_HTTP_PORT");
            assertEquals("0.0.0.0", env.get("QUARKUS_HTTP_HOST"), c.name() + ": QUARKUS_HTTP_HOST");
            assertTrue(publishedContainerPorts(service).contains(c.port()),
                    c.name() + " must publish container port " + c.port());
            String health = service.path("healthcheck").path("test").toString();
            assertTrue(health.contains("/" + c.port()) && health.contains("/q/health/ready"),
                    c.name() + ": the health check must call /q/health/ready on port " + c.port() + ": " + health);
            assertEquals("service_healthy", service.path("depends_on").path("keycloak").path("condition").asText(),
                    c.name() + " must wait for a healthy keycloak");
        }
        for (String infra : INFRASTRUCTURE) {
            assertFalse(services.path(infra).path("healthcheck").path("test").isMissingNode(), infra + " needs a health check");
        }
    }

    @Test
    void servicesGetTheirOwnDatabaseKafkaAndKeycloak() {
        JsonNode postgresEnv = services.path("postgres").path("environment");
        List<String> created = List.of(postgresEnv.path("ENTENTE_DATABASES").asText().trim().split("\\s+"));
        for (Component c : Repo.services()) {
            JsonNode service = services.path(c.name());
            Map<String, String> env = environment(service);
            String jdbc = env.get("QUARKUS_DATASOURCE_JDBC_URL");
            assertTrue(jdbc != null && jdbc.startsWith("jdbc:postgresql://postgres:5432/"), c.name() + ": " + jdbc);
            assertEquals(c.database(), Repo.databaseOf(jdbc), c.name() + ": database name, as in application.properties");
            assertEquals(c.database(), env.get("QUARKUS_DATASOURCE_USERNAME"), c.name() + ": database user");
            assertEquals(c.database() + "_owner", env.get("QUARKUS_FLYWAY_USERNAME"),
                    c.name() + ": migrations run as the owner the init script creates");
            assertTrue(created.contains(c.database()), "the postgres init script is not told to create " + c.database());
            assertEquals("kafka:29092", env.get("KAFKA_BOOTSTRAP_SERVERS"), c.name() + ": the internal Kafka listener");
            assertEquals("http://keycloak:8080/realms/entente", env.get("QUARKUS_OIDC_AUTH_SERVER_URL"), c.name());
            for (String dependency : List.of("postgres", "kafka", "keycloak")) {
                assertEquals("service_healthy", service.path("depends_on").path(dependency).path("condition").asText(),
                        c.name() + " must wait for a healthy " + dependency);
            }
        }
        assertTrue(volumes("postgres").contains("./deploy/docker/postgres/init-databases.sh:/docker-entrypoint-initdb.d/"
                + "10-entente-databases.sh:ro"), "the init script is mounted into the postgres image");
        assertTrue(Files.isExecutable(Repo.ROOT.resolve("deploy/docker/postgres/init-databases.sh")),
                "the postgres init script must be executable");
    }

    @Test
    void frontendReachesEveryServiceAndKeycloak() {
        JsonNode frontend = services.path("frontend");
        Map<String, String> env = environment(frontend);
        Component web = Repo.components().stream().filter(Component::isFrontend).findFirst().orElseThrow();
        assertEquals(web.properties().getProperty("quarkus.oidc.client-id"), env.get("QUARKUS_OIDC_CLIENT_ID"));
        assertEquals("http://keycloak:8080/realms/entente", env.get("QUARKUS_OIDC_AUTH_SERVER_URL"));
        assertTrue(env.containsKey("QUARKUS_OIDC_CREDENTIALS_SECRET"));
        Map<String, Component> upstreams = Repo.upstreams();
        assertEquals(Set.copyOf(Repo.services()), Set.copyOf(upstreams.values()), "the frontend needs every service");
        upstreams.forEach((variable, c) -> {
            assertEquals("http://" + c.name() + ":" + c.port(), env.get(variable), "frontend: " + variable);
            assertEquals("service_healthy", frontend.path("depends_on").path(c.name()).path("condition").asText(),
                    "frontend must wait for " + c.name());
        });
        // The browser is redirected to Keycloak and back to localhost:8080, a registered redirect URI of the client.
        assertTrue(publishedHostPorts(frontend).contains(web.port()), "frontend must be on localhost:" + web.port());
        JsonNode realm = realm();
        JsonNode client = null;
        for (JsonNode candidate : realm.path("clients")) {
            if (candidate.path("clientId").asText().equals(env.get("QUARKUS_OIDC_CLIENT_ID"))) {
                client = candidate;
            }
        }
        assertTrue(client != null, "the realm has no client " + env.get("QUARKUS_OIDC_CLIENT_ID"));
        assertTrue(client.path("redirectUris").toString().contains("http://localhost:" + web.port() + "/*"),
                "the realm must allow http://localhost:" + web.port() + "/* as a redirect URI");
    }

    @Test
    void keycloakImportsTheRealmAndIssuesTokensForTheBrowsersHostname() {
        JsonNode keycloak = services.path("keycloak");
        assertTrue(keycloak.path("image").asText().startsWith("quay.io/keycloak/keycloak:26."), "Keycloak 26 image");
        assertTrue(keycloak.path("command").toString().contains("start-dev")
                && keycloak.path("command").toString().contains("--import-realm"), "start-dev --import-realm");
        assertTrue(volumes("keycloak").contains("./deploy/keycloak/entente-realm.json:/opt/keycloak/data/import/"
                + "entente-realm.json:ro"), "the realm file is mounted for import");
        assertEquals("entente", realm().path("realm").asText());
        Map<String, String> env = environment(keycloak);
        assertEquals("http://localhost:8180", env.get("KC_HOSTNAME"), "the issuer the browser sees");
        assertEquals("true", env.get("KC_HOSTNAME_BACKCHANNEL_DYNAMIC"), "containers use http://keycloak:8080");
        assertTrue(publishedHostPorts(keycloak).contains(8180), "Keycloak on localhost:8180 (docs/CONVENTIONS.md)");
        assertTrue(publishedContainerPorts(keycloak).contains(8080));
    }

    @Test
    void kafkaRunsInKraftModeWithAnInternalAndAHostListener() {
        Map<String, String> env = environment(services.path("kafka"));
        assertTrue(services.path("kafka").path("image").asText().startsWith("apache/kafka:"), "the official image");
        assertEquals("broker,controller", env.get("KAFKA_PROCESS_ROLES"));
        assertTrue(env.get("KAFKA_ADVERTISED_LISTENERS").contains("//kafka:29092"));
        assertEquals("false", env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"));
        String clusterId = env.get("CLUSTER_ID");
        assertTrue(clusterId != null && clusterId.matches("[A-Za-z0-9_-]{22}"), "CLUSTER_ID must be a base64 UUID");
    }

    /**
     * No secrets: every credential is {@code ${VARIABLE:-default}} with the default marked "# demo default" on its
     * line, so it can be overridden and nobody mistakes it for a real one.
     */
    @Test
    void credentialsAreOnlyMarkedDemoDefaults() {
        List<String> problems = new ArrayList<>();
        int seen = 0;
        for (String line : Repo.read(Repo.ROOT.resolve("docker-compose.yml")).split("\n")) {
            Matcher m = ENV_LINE.matcher(line);
            if (!m.matches() || !SECRET_NAME.matcher(m.group(1)).matches()) {
                continue;
            }
            seen++;
            if (!OVERRIDABLE.matcher(m.group(2)).matches()) {
                problems.add("not ${VAR:-demo default}: " + line.trim());
            }
            if (m.group(3) == null || !m.group(3).toLowerCase().contains("demo default")) {
                problems.add("not marked '# demo default': " + line.trim());
            }
        }
        int inModel = 0;
        for (var it = services.fields(); it.hasNext(); ) {
            for (String name : environment(it.next().getValue()).keySet()) {
                if (SECRET_NAME.matcher(name).matches()) {
                    inModel++;
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(seen >= inModel, "a credential is defined in a form this check cannot see (" + seen + " < " + inModel + ")");
    }

    /** Every component sends its traces to the Jaeger of the file, whose UI is on the host. */
    @Test
    void everyComponentSendsItsTracesToJaeger() {
        JsonNode jaeger = services.path("jaeger");
        assertTrue(jaeger.isObject(), "docker-compose.yml lacks jaeger (the trace UI)");
        assertTrue(publishedHostPorts(jaeger).contains(16686), "the Jaeger UI must be on localhost:16686");
        for (Component c : Repo.components()) {
            Map<String, String> env = environment(services.path(c.name()));
            assertEquals("false", env.get("QUARKUS_OTEL_SDK_DISABLED"), c.name() + ": traces are off");
            assertEquals("http://jaeger:4317", env.get("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT"), c.name() + ": OTLP endpoint");
        }
    }

    /** Debian's docker-compose 1.29.2 validates the file offline (no engine needed); CI installs it. */
    @Test
    void dockerComposeAcceptsTheFile() {
        assumeTrue(Repo.onPath("docker-compose"), "docker-compose is not on the PATH (apt-get install docker-compose)");
        Run run = Repo.run(List.of("docker-compose", "-f", "docker-compose.yml", "config", "-q"), 120);
        assertEquals(0, run.exit(), "docker-compose config -q:\n" + run.output());
    }

    static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new HashMap<>();
        JsonNode node = service.path("environment");
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        } else if (node.isArray()) {
            for (JsonNode entry : node) {
                String[] kv = entry.asText().split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : null);
            }
        }
        return env;
    }

    static List<Integer> publishedContainerPorts(JsonNode service) {
        List<Integer> ports = new ArrayList<>();
        for (JsonNode p : service.path("ports")) {
            String[] parts = p.asText().replaceFirst("/.*$", "").split(":");
            ports.add(Integer.parseInt(parts[parts.length - 1]));
        }
        return ports;
    }

    static List<Integer> publishedHostPorts(JsonNode service) {
        List<Integer> ports = new ArrayList<>();
        for (JsonNode p : service.path("ports")) {
            String[] parts = p.asText().replaceFirst("/.*$", "").split(":");
            if (parts.length >= 2) {
                ports.add(Integer.parseInt(parts[parts.length - 2]));
            }
        }
        return ports;
    }

    static List<String> volumes(String service) {
        List<String> volumes = new ArrayList<>();
        services.path(service).path("volumes").forEach(v -> volumes.add(v.asText()));
        return volumes;
    }

    static JsonNode realm() {
        try {
            return Repo.JSON.readTree(Repo.ROOT.resolve("deploy/keycloak/entente-realm.json").toFile());
        } catch (java.io.IOException e) {
            fail("cannot read deploy/keycloak/entente-realm.json: " + e);
            return null;
        }
    }
}
