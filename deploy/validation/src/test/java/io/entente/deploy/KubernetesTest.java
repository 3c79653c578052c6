package io.entente.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.entente.deploy.Repo.Component;
import io.entente.deploy.Repo.Run;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The manifests under deploy/k8s against the services' configuration. The base is checked from its files (no tool
 * needed); when kubectl is on the PATH, the base and every overlay are also rendered with {@code kubectl kustomize}
 * (offline, no cluster) and the rendered output must pass the same checks.
 */
class KubernetesTest {

    static final Path K8S = Repo.ROOT.resolve("deploy/k8s");
    static final Path BASE = K8S.resolve("base");

    /** The base as listed in its kustomization.yaml, file by file. */
    static Manifests base() {
        JsonNode kustomization = Repo.documents(Repo.read(BASE.resolve("kustomization.yaml"))).get(0);
        List<JsonNode> docs = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path file = BASE.resolve(resource.asText());
            assertTrue(Files.isRegularFile(file), "base/kustomization.yaml lists a missing file: " + resource.asText());
            docs.addAll(Repo.documents(Repo.read(file)));
        }
        return new Manifests("base (files)", docs);
    }

    @Test
    void everyManifestFileParsesAndIsPartOfAKustomization() {
        Set<String> listed = new HashSet<>();
        for (Path kustomization : Repo.filesUnder(K8S, "kustomization.yaml")) {
            JsonNode k = Repo.documents(Repo.read(kustomization)).get(0);
            Path dir = kustomization.getParent();
            for (String field : List.of("resources", "patches")) {
                for (JsonNode entry : k.path(field)) {
                    String ref = entry.isTextual() ? entry.asText() : entry.path("path").asText(null);
                    if (ref == null) {
                        continue;
                    }
                    Path target = dir.resolve(ref).normalize();
                    assertTrue(Files.exists(target), kustomization + " refers to a missing " + ref);
                    listed.add(target.toString());
                }
            }
        }
        for (Path yaml : Repo.filesUnder(K8S, ".yaml")) {
            if (yaml.getFileName().toString().equals("kustomization.yaml")) {
                continue;
            }
            assertFalse(Repo.documents(Repo.read(yaml)).isEmpty(), yaml + " is empty");
            assertTrue(listed.contains(yaml.normalize().toString()), yaml + " is in no kustomization: it would never be applied");
        }
    }

    @Test
    void baseMatchesTheServices() {
        base().check();
    }

    @Test
    void baseStoresNoSecrets() {
        for (JsonNode doc : base().docs) {
            assertFalse("Secret".equals(doc.path("kind").asText()),
                    "the base must not hold credentials: " + doc.path("metadata").path("name").asText());
        }
        assertTrue(Repo.read(BASE.resolve("kustomization.yaml")).indexOf("secretGenerator") < 0, "no secretGenerator in base");
    }

    /** Demo credentials in an overlay must be marked as such on their line. */
    @Test
    void overlayCredentialsAreMarkedDemoDefaults() {
        for (Path yaml : Repo.filesUnder(K8S.resolve("overlays"), ".yaml")) {
            String text = Repo.read(yaml);
            boolean inSecret = false;
            for (String line : text.split("\n")) {
                String trimmed = line.trim();
                if (trimmed.startsWith("kind: Secret") || trimmed.startsWith("secretGenerator:")) {
                    inSecret = true;
                }
                if (trimmed.equals("---")) {
                    inSecret = false;
                }
                boolean value = trimmed.matches("^-?\\s*[A-Za-z0-9_.-]+\\s*[:=]\\s*\\S.*")
                        && (line.startsWith("  ") || line.startsWith("      -"));
                boolean credential = trimmed.matches("(?i)^-?\\s*(username|password|client-secret|secret|token)\\b.*");
                if (inSecret && value && credential) {
                    assertTrue(trimmed.toLowerCase().contains("# demo default"), yaml + ": unmarked credential: " + trimmed);
                }
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> renderedKustomizationsMatchTheServices() {
        List<Path> roots = new ArrayList<>();
        roots.add(BASE);
        try (Stream<Path> overlays = Files.list(K8S.resolve("overlays"))) {
            overlays.filter(Files::isDirectory).sorted().forEach(roots::add);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return roots.stream().map(root -> DynamicTest.dynamicTest("kubectl kustomize " + Repo.ROOT.relativize(root), () -> {
            assumeTrue(Repo.onPath("kubectl"), "kubectl is not on the PATH");
            Run run = Repo.run(List.of("kubectl", "kustomize", Repo.ROOT.relativize(root).toString()), 120);
            assertEquals(0, run.exit(), "kubectl kustomize " + root + ":\n" + run.output());
            new Manifests(root.toString(), Repo.documents(run.output())).check();
        }));
    }

    /** A set of Kubernetes objects and the checks every deployable set must pass. */
    record Manifests(String origin, List<JsonNode> docs) {

        List<JsonNode> ofKind(String kind) {
            return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
        }

        JsonNode named(String kind, String name) {
            return ofKind(kind).stream().filter(d -> name.equals(d.path("metadata").path("name").asText()))
                    .findFirst().orElse(null);
        }

        void check() {
            List<Component> components = Repo.components();
            for (Component c : components) {
                checkComponent(c);
            }
            for (JsonNode deployment : ofKind("Deployment")) {
                checkProbesAndResources(deployment);
            }
            checkKafka();
            checkIngress();
        }

        private String where(String what) {
            return origin + ": " + what;
        }

        private void checkComponent(Component c) {
            JsonNode deployment = named("Deployment", c.name());
            assertNotNull(deployment, where("no Deployment " + c.name()));
            assertTrue(deployment.path("spec").path("replicas").asInt(0) >= 2, where(c.name() + " needs at least 2 replicas"));
            JsonNode pod = deployment.path("spec").path("template");
            JsonNode container = pod.path("spec").path("containers").get(0);
            String image = container.path("image").asText();
            assertTrue(image.matches("(.*/)?entente/" + c.name() + ":[\\w.-]+"), where(c.name() + ": image " + image));
            assertEquals(c.port(), containerPort(container, "http"), where(c.name() + ": containerPort http"));

            Map<String, Object> env = environment(container);
            assertEquals("0.0.0.0", env.get("QUARKUS_HTTP_HOST"), where(c.name() + ": QUARKUS_HTTP_HOST"));
            if (env.containsKey("QUARKUS_HTTP_PORT")) {
                assertEquals(String.valueOf(c.port()), env.get("QUARKUS_HTTP_PORT"), where(c.name() + ": QUARKUS_HTTP_PORT"));
            }
            assertTrue(String.valueOf(env.get("QUARKUS_OIDC_AUTH_SERVER_URL")).matches("https?://.+/realms/entente"),
                    where(c.name() + ": QUARKUS_OIDC_AUTH_SERVER_URL " + env.get("QUARKUS_OIDC_AUTH_SERVER_URL")));
            checkTracing(c, env);
            if (c.isFrontend()) {
                checkFrontendEnvironment(c, env);
            } else {
                checkServiceEnvironment(c, env, deployment);
            }

            JsonNode service = named("Service", c.name());
            assertNotNull(service, where("no Service " + c.name()));
            assertTrue(selects(service.path("spec").path("selector"), pod), where("Service " + c.name() + " does not select its pods"));
            assertEquals(c.port(), service.path("spec").path("ports").get(0).path("port").asInt(), where("Service " + c.name() + " port"));

            JsonNode pdb = named("PodDisruptionBudget", c.name());
            assertNotNull(pdb, where("no PodDisruptionBudget " + c.name()));
            assertTrue(selects(pdb.path("spec").path("selector").path("matchLabels"), pod), where("PDB " + c.name() + " selector"));
            int minAvailable = pdb.path("spec").path("minAvailable").asInt(0);
            assertTrue(minAvailable >= 1 && minAvailable < deployment.path("spec").path("replicas").asInt(),
                    where("PDB " + c.name() + ": minAvailable must leave room for one eviction"));
        }

        /** Traces on, sent (OTLP/gRPC) to a Service of these manifests whose pods hand them on to a trace UI. */
        private void checkTracing(Component c, Map<String, Object> env) {
            assertEquals("false", String.valueOf(env.get("QUARKUS_OTEL_SDK_DISABLED")), where(c.name() + ": traces off"));
            String endpoint = String.valueOf(env.get("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT"));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("http://([a-z0-9-]+):(\\d+)").matcher(endpoint);
            assertTrue(m.matches(), where(c.name() + ": QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT " + endpoint));
            JsonNode collector = named("Service", m.group(1));
            assertNotNull(collector, where(c.name() + ": no Service " + m.group(1) + " for its traces"));
            boolean listens = false;
            for (JsonNode port : collector.path("spec").path("ports")) {
                listens |= port.path("port").asInt() == Integer.parseInt(m.group(2));
            }
            assertTrue(listens, where("Service " + m.group(1) + " has no port " + m.group(2)));
            JsonNode ui = named("Service", "jaeger");
            assertNotNull(ui, where("no Service jaeger (the trace UI)"));
            assertNotNull(named("Deployment", "jaeger"), where("no Deployment jaeger (the trace UI)"));
        }

        private void checkServiceEnvironment(Component c, Map<String, Object> env, JsonNode deployment) {
            String jdbc = String.valueOf(env.get("QUARKUS_DATASOURCE_JDBC_URL"));
            assertEquals(c.database(), Repo.databaseOf(jdbc), where(c.name() + ": database in " + jdbc));
            String host = Repo.hostOf(jdbc).replaceFirst("\\..*$", "");
            assertTrue(host.endsWith("-rw"), where(c.name() + " must write to the CloudNativePG primary (<cluster>-rw): " + host));
            String clusterName = host.substring(0, host.length() - "-rw".length());
            JsonNode cluster = named("Cluster", clusterName);
            assertNotNull(cluster, where("no CloudNativePG Cluster " + clusterName + " for " + c.name()));
            JsonNode initdb = cluster.path("spec").path("bootstrap").path("initdb");
            assertEquals(c.database(), initdb.path("database").asText(), where(clusterName + " must bootstrap database " + c.database()));
            // Migrations as the owner (CloudNativePG's generated <cluster>-app), the service as the managed role
            // <database> that owns nothing: it cannot rewrite the audit trail.
            String owner = initdb.path("owner").asText();
            String ownerSecret = initdb.path("secret").path("name").asText(clusterName + "-app");
            assertEquals(c.database() + "_owner", owner, where(clusterName + ": owner"));
            assertEquals(new SecretRef(ownerSecret, "username"), env.get("QUARKUS_FLYWAY_USERNAME"), where(c.name() + ": migration user"));
            assertEquals(new SecretRef(ownerSecret, "password"), env.get("QUARKUS_FLYWAY_PASSWORD"), where(c.name() + ": migration password"));
            JsonNode appRole = null;
            for (JsonNode role : cluster.path("spec").path("managed").path("roles")) {
                if (c.database().equals(role.path("name").asText())) {
                    appRole = role;
                }
            }
            assertNotNull(appRole, where(clusterName + " must manage the application role " + c.database()));
            assertTrue(appRole.path("login").asBoolean(), where(clusterName + ": role " + c.database() + " must log in"));
            String appSecret = appRole.path("passwordSecret").path("name").asText();
            assertEquals(new SecretRef(appSecret, "username"), env.get("QUARKUS_DATASOURCE_USERNAME"), where(c.name() + ": username"));
            assertEquals(new SecretRef(appSecret, "password"), env.get("QUARKUS_DATASOURCE_PASSWORD"), where(c.name() + ": password"));

            int maxPool = Integer.parseInt(String.valueOf(env.getOrDefault("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "20")));
            int maxConnections = cluster.path("spec").path("postgresql").path("parameters").path("max_connections").asInt(100);
            int maxReplicas = Math.max(deployment.path("spec").path("replicas").asInt(), topicPartitions());
            assertTrue(maxReplicas * maxPool <= maxConnections - 10,
                    where(c.name() + ": " + maxReplicas + " replicas x pool " + maxPool + " exceed max_connections " + maxConnections));

            JsonNode kafka = ofKind("Kafka").get(0);
            int plainPort = -1;
            for (JsonNode listener : kafka.path("spec").path("kafka").path("listeners")) {
                if (!listener.path("tls").asBoolean() && "internal".equals(listener.path("type").asText())) {
                    plainPort = listener.path("port").asInt();
                }
            }
            String bootstrap = kafka.path("metadata").path("name").asText() + "-kafka-bootstrap";
            String servers = String.valueOf(env.get("KAFKA_BOOTSTRAP_SERVERS"));
            assertTrue(servers.equals(bootstrap + ":" + plainPort) || servers.startsWith(bootstrap + "."),
                    where(c.name() + ": KAFKA_BOOTSTRAP_SERVERS " + servers + " is not Strimzi's " + bootstrap + ":" + plainPort));
            assertEquals("3", String.valueOf(env.get("ENTENTE_MESSAGING_REPLICATION_FACTOR")),
                    where(c.name() + ": topics it creates must be replicated like the declared ones"));
        }

        private void checkFrontendEnvironment(Component web, Map<String, Object> env) {
            assertEquals(web.properties().getProperty("quarkus.oidc.client-id"), env.get("QUARKUS_OIDC_CLIENT_ID"), where("frontend client id"));
            assertTrue(env.get("QUARKUS_OIDC_CREDENTIALS_SECRET") instanceof SecretRef,
                    where("frontend: the client secret must come from a Secret"));
            Repo.upstreams().forEach((variable, c) -> assertEquals("http://" + c.name() + ":" + c.port(), env.get(variable),
                    where("frontend " + variable)));
        }

        private void checkProbesAndResources(JsonNode deployment) {
            String name = deployment.path("metadata").path("name").asText();
            boolean quarkus = Repo.components().stream().anyMatch(c -> c.name().equals(name));
            for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
                String what = "Deployment " + name + " container " + container.path("name").asText();
                JsonNode resources = container.path("resources");
                for (String part : List.of("requests/cpu", "requests/memory", "limits/memory")) {
                    String[] p = part.split("/");
                    assertFalse(resources.path(p[0]).path(p[1]).isMissingNode(), where(what + " lacks resources." + p[0] + "." + p[1]));
                }
                for (String probe : List.of("readinessProbe", "livenessProbe")) {
                    JsonNode get = container.path(probe).path("httpGet");
                    assertFalse(get.isMissingNode(), where(what + " lacks an HTTP " + probe));
                    if (quarkus) {
                        String path = probe.equals("readinessProbe") ? "/q/health/ready" : "/q/health/live";
                        assertEquals(path, get.path("path").asText(), where(what + " " + probe + " path"));
                        int port = get.path("port").isInt() ? get.path("port").asInt()
                                : containerPort(container, get.path("port").asText());
                        assertEquals(containerPort(container, "http"), port, where(what + " " + probe + " port"));
                    }
                }
            }
        }

        private int topicPartitions() {
            return ofKind("KafkaTopic").stream().mapToInt(t -> t.path("spec").path("partitions").asInt()).min().orElse(1);
        }

        private void checkKafka() {
            List<JsonNode> kafkas = ofKind("Kafka");
            assertEquals(1, kafkas.size(), where("one Strimzi Kafka"));
            JsonNode kafka = kafkas.get(0);
            String name = kafka.path("metadata").path("name").asText();
            JsonNode annotations = kafka.path("metadata").path("annotations");
            assertEquals("enabled", annotations.path("strimzi.io/kraft").asText(), where("Kafka in KRaft mode"));
            assertEquals("enabled", annotations.path("strimzi.io/node-pools").asText(), where("Kafka with node pools"));
            assertEquals(2, kafka.path("spec").path("kafka").path("config").path("min.insync.replicas").asInt(), where("broker min ISR"));

            Set<String> roles = new TreeSet<>();
            int brokers = 0;
            for (JsonNode pool : ofKind("KafkaNodePool")) {
                assertEquals(name, pool.path("metadata").path("labels").path("strimzi.io/cluster").asText(), where("node pool cluster label"));
                pool.path("spec").path("roles").forEach(r -> roles.add(r.asText()));
                if (pool.path("spec").path("roles").toString().contains("broker")) {
                    brokers += pool.path("spec").path("replicas").asInt();
                }
            }
            assertEquals(Set.of("broker", "controller"), roles, where("node pools must provide brokers and controllers"));
            assertTrue(brokers >= 3, where("replication factor 3 needs 3 brokers, found " + brokers));

            Map<String, JsonNode> topics = new HashMap<>();
            for (JsonNode topic : ofKind("KafkaTopic")) {
                String topicName = topic.path("spec").path("topicName").asText(topic.path("metadata").path("name").asText());
                topics.put(topicName, topic);
                assertEquals(name, topic.path("metadata").path("labels").path("strimzi.io/cluster").asText(), where(topicName + " cluster label"));
                assertEquals(3, topic.path("spec").path("replicas").asInt(), where(topicName + " replicas"));
                assertEquals(2, topic.path("spec").path("config").path("min.insync.replicas").asInt(), where(topicName + " min.insync.replicas"));
                int partitions = topic.path("spec").path("partitions").asInt();
                for (Component c : Repo.services()) {
                    int replicas = named("Deployment", c.name()).path("spec").path("replicas").asInt();
                    assertTrue(partitions >= replicas, where(topicName + ": " + partitions + " partitions leave replicas of " + c.name() + " idle"));
                }
            }
            assertEquals(Repo.eventTopics(), new TreeSet<>(topics.keySet()), where("KafkaTopics must be exactly the event families' topics"));
        }

        private void checkIngress() {
            JsonNode frontend = named("Service", "frontend");
            boolean routed = false;
            for (JsonNode ingress : ofKind("Ingress")) {
                for (JsonNode rule : ingress.path("spec").path("rules")) {
                    for (JsonNode path : rule.path("http").path("paths")) {
                        JsonNode backend = path.path("backend").path("service");
                        if ("frontend".equals(backend.path("name").asText()) && "/".equals(path.path("path").asText())) {
                            JsonNode port = backend.path("port");
                            String portName = frontend.path("spec").path("ports").get(0).path("name").asText();
                            int portNumber = frontend.path("spec").path("ports").get(0).path("port").asInt();
                            routed = portName.equals(port.path("name").asText()) || portNumber == port.path("number").asInt();
                        }
                    }
                }
            }
            assertTrue(routed, where("an Ingress must route / to the frontend Service"));
        }

        /** The container's environment: envFrom ConfigMaps first, then env (values, or a SecretRef). */
        Map<String, Object> environment(JsonNode container) {
            Map<String, Object> env = new HashMap<>();
            for (JsonNode from : container.path("envFrom")) {
                String configMap = from.path("configMapRef").path("name").asText(null);
                if (configMap != null) {
                    JsonNode cm = named("ConfigMap", configMap);
                    assertNotNull(cm, where("envFrom refers to a missing ConfigMap " + configMap));
                    cm.path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
                }
            }
            for (JsonNode var : container.path("env")) {
                JsonNode secret = var.path("valueFrom").path("secretKeyRef");
                JsonNode configMap = var.path("valueFrom").path("configMapKeyRef");
                if (!secret.isMissingNode()) {
                    env.put(var.path("name").asText(), new SecretRef(secret.path("name").asText(), secret.path("key").asText()));
                } else if (!configMap.isMissingNode()) {
                    JsonNode cm = named("ConfigMap", configMap.path("name").asText());
                    assertNotNull(cm, where("env refers to a missing ConfigMap " + configMap.path("name").asText()));
                    env.put(var.path("name").asText(), cm.path("data").path(configMap.path("key").asText()).asText());
                } else {
                    env.put(var.path("name").asText(), var.path("value").asText());
                }
            }
            return env;
        }

        static int containerPort(JsonNode container, String name) {
            for (JsonNode port : container.path("ports")) {
                if (name.equals(port.path("name").asText())) {
                    return port.path("containerPort").asInt();
                }
            }
            return -1;
        }

        static boolean selects(JsonNode selector, JsonNode podTemplate) {
            if (!selector.isObject() || selector.isEmpty()) {
                return false;
            }
            JsonNode labels = podTemplate.path("metadata").path("labels");
            for (var it = selector.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** An environment variable taken from a Secret. */
    record SecretRef(String secret, String key) {
    }
}
