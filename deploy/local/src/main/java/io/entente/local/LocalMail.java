package io.entente.local;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real mail server for the local stack (GreenMail, in the launcher's JVM): the notification service sends to its
 * SMTP port, and anyone reads a user's mail over IMAP with the address as login and any password. Mail is kept in
 * memory only, so it is gone after a restart.
 */
final class LocalMail implements AutoCloseable {

    private final GreenMail server;

    private LocalMail(GreenMail server) {
        this.server = server;
    }

    static LocalMail start() {
        GreenMail server = new GreenMail(new ServerSetup[] {
                new ServerSetup(Ports.SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(Ports.IMAP, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        return new LocalMail(server);
    }

    String where() {
        return "SMTP 127.0.0.1:" + Ports.SMTP + ", read over IMAP 127.0.0.1:" + Ports.IMAP
                + " (login = the address, e.g. alex@entente.test, any password)";
    }

    /** How many mails arrived since the start (all mailboxes). */
    int received() {
        return server.getReceivedMessages().length;
    }

    @Override
    public void close() {
        server.stop();
    }
}
