package io.entente.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void theStackUsesTheConventionPorts() {
        assertEquals(Map.ofEntries(Map.entry(8080, "frontend"), Map.entry(8081, "backlog-service"),
                Map.entry(8082, "sprint-service"), Map.entry(8083, "decision-service"),
                Map.entry(8084, "governance-service"), Map.entry(8085, "notification-service"),
                Map.entry(8180, "Keycloak"), Map.entry(9092, "Kafka"), Map.entry(9093, "Kafka controller"),
                Map.entry(15432, "PostgreSQL"), Map.entry(3025, "GreenMail SMTP"), Map.entry(3143, "GreenMail IMAP")),
                Ports.stack());
    }

    @Test
    void aTakenPortIsReportedByNumberAndOwner() throws IOException {
        // A random port, so this never collides with a stack that is running on the same machine.
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            int port = taken.getLocalPort();
            assertFalse(Ports.isFree(port));
            StartupException error = assertThrows(StartupException.class,
                    () -> Ports.requireFree(Map.of(port, "Keycloak")));
            assertTrue(error.getMessage().startsWith("port " + port + " (Keycloak) is already in use"),
                    error.getMessage());
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = probe.getLocalPort();
            probe.close();
            assertTrue(Ports.isFree(port));
        }
    }
}
