package io.entente.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

/** A real SMTP server (GreenMail) on a free port of 127.0.0.1 that a test can take down and bring back. */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail server;
    private static int port;

    @Override
    public Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        up();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(port));
    }

    @Override
    public void stop() {
        down();
    }

    public static synchronized void up() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    public static synchronized void down() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Every mail received since the server last came up. */
    public static synchronized MimeMessage[] received() {
        return server.getReceivedMessages();
    }

    /** The mails received since the server last came up whose subject contains {@code marker}. */
    public static synchronized List<MimeMessage> mailsAbout(String marker) {
        return List.of(server.getReceivedMessages()).stream().filter(m -> {
            try {
                return m.getSubject().contains(marker);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
