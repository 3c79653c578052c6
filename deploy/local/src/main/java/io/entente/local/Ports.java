package io.entente.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fixed local ports of the stack (docs/CONVENTIONS.md), checked to be free before anything starts. */
final class Ports {

    static final int FRONTEND = 8080;
    static final int KEYCLOAK = 8180;
    static final int KAFKA = 9092;
    static final int KAFKA_CONTROLLER = 9093;
    static final int POSTGRES = 15432;
    static final int SMTP = 3025;
    static final int IMAP = 3143;

    private Ports() {
    }

    /** Port to owner, in the order they are reported. */
    static Map<Integer, String> stack() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(FRONTEND, ServiceProcess.FRONTEND.name());
        for (ServiceProcess.Spec service : ServiceProcess.SERVICES) {
            ports.put(service.port(), service.name());
        }
        ports.put(KEYCLOAK, "Keycloak");
        ports.put(KAFKA, "Kafka");
        ports.put(KAFKA_CONTROLLER, "Kafka controller");
        ports.put(POSTGRES, "PostgreSQL");
        ports.put(SMTP, "GreenMail SMTP");
        ports.put(IMAP, "GreenMail IMAP");
        return ports;
    }

    /**
     * Failing here, before anything starts, is much clearer than a half-started stack whose
     * service dies later with a bind error buried in its log.
     */
    static void requireFree(Map<Integer, String> ports) {
        for (Map.Entry<Integer, String> entry : ports.entrySet()) {
            int port = entry.getKey();
            if (!isFree(port)) {
                throw new StartupException("port " + port + " (" + entry.getValue() + ") is already in use"
                        + " - is another './entente up' running? See who holds it: ss -ltnp 'sport = :" + port + "'");
            }
        }
    }

    /**
     * Binding (rather than connecting) also catches listeners on 0.0.0.0; SO_REUSEADDR keeps sockets
     * left in TIME_WAIT by the previous run from counting as taken.
     */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
