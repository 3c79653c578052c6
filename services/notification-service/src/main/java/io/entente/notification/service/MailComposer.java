package io.entente.notification.service;

import io.entente.notification.config.NotificationConfig;
import io.entente.notification.domain.Notification;
import io.quarkus.mailer.Mail;
import jakarta.enterprise.context.ApplicationScoped;

/** The mail of one notification: plain text and HTML, a link back into the app, and an unsubscribe link per kind. */
@ApplicationScoped
public class MailComposer {

    private final NotificationConfig config;

    public MailComposer(NotificationConfig config) {
        this.config = config;
    }

    public Mail compose(Notification n, String to) {
        String app = config.appUrl().replaceAll("/+$", "");
        String link = app + n.link;
        String unsubscribe = app + "/notifications?unsubscribe=" + n.kind.name();
        String text = n.title + "\n\n" + (n.body.isEmpty() ? "" : n.body + "\n\n") + "Open in Entente: " + link
                + "\n\n--\nYou get this because of your part in " + n.allianceId + ".\n"
                + "Stop these mails (" + n.kind.name() + "): " + unsubscribe + "\n";
        String html = "<!doctype html><html><body><h1 style=\"font-size:18px\">" + escape(n.title) + "</h1>"
                + (n.body.isEmpty() ? "" : "<p>" + escape(n.body) + "</p>")
                + "<p><a href=\"" + escape(link) + "\">Open in Entente</a></p><hr>"
                + "<p style=\"font-size:12px\">You get this because of your part in " + escape(n.allianceId)
                + ". <a href=\"" + escape(unsubscribe) + "\">Stop these mails</a></p></body></html>";
        return Mail.withText(to, "[Entente] " + n.title, text).setHtml(html).setFrom(config.mail().from())
                // The same Message-ID on a retry lets a mail server or client recognise a repeat.
                .addHeader("Message-ID", "<" + n.id + "@entente.notifications>")
                .addHeader("List-Unsubscribe", "<" + unsubscribe + ">");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
