package io.entente.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.entente.platform.embedded.LocalKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

/** The Quarkus test resources, driven by hand (start, use what they return, stop). */
class TestResourcesTest {

    private static final Path TARGET = Paths.get(System.getProperty("user.dir"), "target").toAbsolutePath();

    @Test
    void postgresResourceGivesAWorkingDatasource() throws Exception {
        PostgresTestResource resource = new PostgresTestResource();
        resource.init(Map.of("database", "backlog"));
        Map<String, String> config = resource.start();
        try {
            assertEquals("postgresql", config.get("quarkus.datasource.db-kind"));
            assertEquals("backlog", config.get("quarkus.datasource.username"));
            String url = config.get("quarkus.datasource.jdbc.url");
            assertTrue(url.matches("jdbc:postgresql://127\\.0\\.0\\.1:\\d+/backlog"), url);
            assertTrue(PostgresTestResource.current().dataDir().startsWith(TARGET.resolve("test-postgres")));
            try (Connection c = DriverManager.getConnection(url, config.get("quarkus.datasource.username"),
                    config.get("quarkus.datasource.password"));
                    ResultSet rs = c.createStatement().executeQuery("SELECT current_database(), version()")) {
                assertTrue(rs.next());
                assertEquals("backlog", rs.getString(1));
                assertTrue(rs.getString(2).startsWith("PostgreSQL 17."), rs.getString(2));
            }
        } finally {
            Path dir = PostgresTestResource.current().dataDir();
            resource.stop();
            assertNull(PostgresTestResource.current());
            assertFalse(Files.exists(dir), "fresh cluster removed on stop");
        }
    }

    @Test
    void kafkaResourceGivesAWorkingBroker() throws Exception {
        KafkaTestResource resource = new KafkaTestResource();
        Map<String, String> config = resource.start();
        LocalKafka kafka = KafkaTestResource.current();
        try {
            assertEquals(kafka.bootstrapServers(), config.get("kafka.bootstrap.servers"));
            assertTrue(kafka.dataDir().startsWith(TARGET.resolve("test-kafka")));
            Properties p = new Properties();
            p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.get("kafka.bootstrap.servers"));
            try (Admin admin = Admin.create(p)) {
                assertEquals(1, admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size());
            }
        } finally {
            resource.stop();
        }
        assertNull(KafkaTestResource.current());
        assertFalse(Files.exists(kafka.dataDir()), "broker data removed on stop");
    }
}
