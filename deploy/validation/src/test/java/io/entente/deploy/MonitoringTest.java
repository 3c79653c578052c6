package io.entente.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.entente.deploy.Repo.Component;
import io.entente.deploy.Repo.Run;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Metrics, alerts, dashboards and JSON logs under deploy/: scraped where the services answer, the compose and
 * Kubernetes rules alike, and every expression naming a metric the services export. The services' own names are
 * the list in {@code MetricNames} (platform), which each service's MetricsTest finds on /q/metrics; the rest come
 * from Quarkus' Micrometer binders (HTTP server, Agroal pool, JVM).
 */
class MonitoringTest {

    static final Path MONITORING = Repo.ROOT.resolve("deploy/monitoring");
    static final Path K8S_MONITORING = KubernetesTest.K8S.resolve("monitoring");
    static final Path METRIC_NAMES = Repo.ROOT.resolve(
            "services/platform/runtime/src/main/java/io/entente/platform/observability/MetricNames.java");
    static final Set<String> REQUIRED_ALERTS = Set.of("EntenteOutboxStuck", "EntenteConsumerLagGrowing",
            "EntenteEventParked", "EntenteHttpErrors");
    /** Names Quarkus' binders export (checked by backlog-service's MetricsTest too). */
    static final Set<String> BINDER_METRICS = Set.of("http_server_requests_seconds", "agroal_active_count",
            "agroal_awaiting_count", "agroal_max_used_count", "jvm_memory_used_bytes");
    static final Pattern METRIC = Pattern.compile("\\b((?:entente|http_server|agroal|jvm)_[a-z0-9_]+)\\b");

    @Test
    void composeScrapesEveryComponentOnQMetrics() {
        JsonNode services = Repo.compose().path("services");
        assertTrue(services.has("prometheus") && services.has("grafana"), "compose needs prometheus and grafana");
        JsonNode config = Repo.documents(Repo.read(MONITORING.resolve("prometheus/prometheus.yml"))).get(0);
        Set<String> targets = new HashSet<>();
        for (JsonNode job : config.path("scrape_configs")) {
            assertEquals("/q/metrics", job.path("metrics_path").asText(), "metrics_path of " + job.path("job_name"));
            job.path("static_configs").forEach(s -> s.path("targets").forEach(t -> targets.add(t.asText())));
        }
        for (Component c : Repo.components()) {
            assertTrue(targets.contains(c.name() + ":" + c.port()), "prometheus.yml does not scrape " + c.name());
        }
        String volumes = services.path("prometheus").path("volumes").toString();
        assertTrue(volumes.contains("alerts.yml") && volumes.contains("prometheus.yml"), "prometheus mounts " + volumes);
        String grafana = services.path("grafana").path("volumes").toString();
        assertTrue(grafana.contains("./deploy/k8s/monitoring/dashboards"), "grafana loads the shared dashboards");
        assertTrue(config.path("rule_files").toString().contains("alerts.yml"), "prometheus.yml loads alerts.yml");
    }

    @Test
    void logsAreJsonInComposeAndKubernetes() {
        JsonNode services = Repo.compose().path("services");
        for (Component c : Repo.components()) {
            assertEquals("true", services.path(c.name()).path("environment").path("QUARKUS_LOG_CONSOLE_JSON_ENABLED")
                    .asText(), c.name() + ": JSON logs in compose");
        }
        KubernetesTest.Manifests base = KubernetesTest.base();
        assertEquals("true", base.named("ConfigMap", "entente-config").path("data")
                .path("QUARKUS_LOG_CONSOLE_JSON_ENABLED").asText(), "entente-config switches JSON logs on");
        for (Component c : Repo.components()) {
            String envFrom = base.named("Deployment", c.name()).path("spec").path("template").path("spec")
                    .path("containers").get(0).path("envFrom").toString();
            assertTrue(envFrom.contains("entente-config"), c.name() + " reads entente-config");
        }
    }

    @Test
    void alertRulesAreTheSameInComposeAndKubernetesAndNameExportedMetrics() {
        JsonNode compose = Repo.documents(Repo.read(MONITORING.resolve("prometheus/alerts.yml"))).get(0);
        JsonNode rule = Repo.documents(Repo.read(K8S_MONITORING.resolve("prometheusrule.yaml"))).get(0);
        assertEquals("PrometheusRule", rule.path("kind").asText());
        assertEquals(compose.path("groups"), rule.path("spec").path("groups"),
                "deploy/monitoring/prometheus/alerts.yml and deploy/k8s/monitoring/prometheusrule.yaml differ");
        Set<String> alerts = new TreeSet<>();
        for (JsonNode group : compose.path("groups")) {
            for (JsonNode r : group.path("rules")) {
                String name = r.path("alert").asText();
                alerts.add(name);
                assertKnownMetrics(name, r.path("expr").asText());
                assertFalse(r.path("labels").path("severity").asText().isEmpty(), name + " has no severity");
                assertFalse(r.path("annotations").path("summary").asText().isEmpty(), name + " has no summary");
            }
        }
        assertTrue(alerts.containsAll(REQUIRED_ALERTS), "alerts " + alerts + " lack some of " + REQUIRED_ALERTS);
        String readme = Repo.read(Repo.ROOT.resolve("deploy/README.md"));
        for (String alert : alerts) {
            assertTrue(readme.contains(alert), "deploy/README.md does not say what " + alert + " means");
        }
    }

    @Test
    void theDashboardParsesAndQueriesExportedMetrics() throws Exception {
        JsonNode dashboard = Repo.JSON.readTree(Repo.read(K8S_MONITORING.resolve("dashboards/entente.json")));
        assertFalse(dashboard.path("uid").asText().isEmpty(), "dashboard uid");
        List<String> exprs = new ArrayList<>();
        dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> exprs.add(t.path("expr").asText())));
        assertTrue(exprs.size() >= 10, "the dashboard has " + exprs.size() + " queries");
        Set<String> used = new TreeSet<>();
        for (String expr : exprs) {
            used.addAll(assertKnownMetrics("dashboard", expr));
        }
        for (String needed : List.of("entente_outbox_oldest_unpublished_age_seconds", "entente_consumer_lag",
                "entente_events_parked_total", "http_server_requests_seconds_count")) {
            assertTrue(used.contains(needed), "the dashboard does not show " + needed);
        }
    }

    @Test
    void kubernetesScrapesEveryComponentsHttpPort() {
        JsonNode monitor = Repo.documents(Repo.read(K8S_MONITORING.resolve("podmonitor.yaml"))).get(0);
        assertEquals("PodMonitor", monitor.path("kind").asText());
        JsonNode endpoint = monitor.path("spec").path("podMetricsEndpoints").get(0);
        assertEquals("/q/metrics", endpoint.path("path").asText());
        Set<String> components = new HashSet<>();
        monitor.path("spec").path("selector").path("matchExpressions").get(0).path("values")
                .forEach(v -> components.add(v.asText()));
        KubernetesTest.Manifests base = KubernetesTest.base();
        for (Component c : Repo.components()) {
            JsonNode template = base.named("Deployment", c.name()).path("spec").path("template");
            assertTrue(components.contains(template.path("metadata").path("labels")
                    .path("app.kubernetes.io/component").asText()), c.name() + " pods are not selected");
            assertTrue(template.path("spec").path("containers").get(0).path("ports").toString()
                    .contains("\"name\":\"" + endpoint.path("port").asText() + "\""), c.name() + " has no port "
                    + endpoint.path("port").asText());
        }
    }

    @Test
    void theMonitoringKustomizationRenders() {
        assumeTrue(Repo.onPath("kubectl"), "kubectl is not on the PATH");
        Run run = Repo.run(List.of("kubectl", "kustomize", Repo.ROOT.relativize(K8S_MONITORING).toString()), 120);
        assertEquals(0, run.exit(), run.output());
        Set<String> kinds = new TreeSet<>();
        Repo.documents(run.output()).forEach(d -> kinds.add(d.path("kind").asText()));
        assertEquals(Set.of("ConfigMap", "PodMonitor", "PrometheusRule"), kinds);
    }

    /** The metric names in a PromQL expression, each of which must be exported; returns them. */
    private static Set<String> assertKnownMetrics(String where, String expr) {
        Set<String> exported = exported();
        Set<String> found = new TreeSet<>();
        Matcher m = METRIC.matcher(expr);
        while (m.find()) {
            String name = m.group(1);
            found.add(name);
            String base = name.replaceFirst("_(bucket|count|sum|max)$", "");
            assertTrue(exported.contains(name) || exported.contains(base),
                    where + ": " + name + " is not a metric the services export (" + exported + ")");
        }
        assertFalse(found.isEmpty(), where + ": no known metric in " + expr);
        return found;
    }

    private static Set<String> exported() {
        Set<String> names = new TreeSet<>(BINDER_METRICS);
        Matcher m = Pattern.compile("\"(entente_[a-z0-9_]+)\"").matcher(Repo.read(METRIC_NAMES));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
