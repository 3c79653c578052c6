package io.entente.notification.service;

import io.entente.notification.config.NotificationConfig;
import io.entente.notification.domain.Notification;
import io.entente.notification.domain.NotificationKind;
import io.quarkus.mailer.Mail;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The mails: plain text and HTML, a link back into the app, and an unsubscribe link per kind. The unsubscribe link
 * opens the notifications page, which asks the signed-in user to confirm turning that kind off (with login: a link
 * in a forwarded mail cannot change someone's settings).
 */
@ApplicationScoped
public class MailComposer {

    /** One notification in a digest, with the text its reader may read. */
    public record Entry(Notification notification, String body) {
    }

    private final NotificationConfig config;

    public MailComposer(NotificationConfig config) {
        this.config = config;
    }

    /** {@code body}: the text this recipient may read (the partner edition's for the partner's people). */
    public Mail compose(Notification n, String body, String to) {
        String link = app() + n.link;
        String unsubscribe = unsubscribe(n.kind);
        String text = n.title + "\n\n" + (body.isEmpty() ? "" : body + "\n\n") + "Open in Entente: " + link
                + "\n\n--\nYou get this because of your part in " + n.allianceId + ".\n"
                + "Stop these mails (" + n.kind.name() + "): " + unsubscribe + "\n";
        String html = "<!doctype html><html><body><h1 style=\"font-size:18px\">" + escape(n.title) + "</h1>"
                + (body.isEmpty() ? "" : "<p>" + escape(body) + "</p>")
                + "<p><a href=\"" + escape(link) + "\">Open in Entente</a></p><hr>"
                + "<p style=\"font-size:12px\">You get this because of your part in " + escape(n.allianceId)
                + ". <a href=\"" + escape(unsubscribe) + "\">Stop these mails</a></p></body></html>";
        return Mail.withText(to, "[Entente] " + n.title, text).setHtml(html).setFrom(config.mail().from())
                // The same Message-ID on a retry lets a mail server or client recognise a repeat.
                .addHeader("Message-ID", "<" + n.id + "@entente.notifications>")
                .addHeader("List-Unsubscribe", "<" + unsubscribe + ">");
    }

    /** The daily digest: every entry with its link, and an unsubscribe link for each kind it contains. */
    public Mail digest(UUID digestId, List<Entry> entries, String to) {
        StringBuilder text = new StringBuilder("Your Entente digest: " + entries.size() + " notification"
                + (entries.size() == 1 ? "" : "s") + "\n\n");
        StringBuilder html = new StringBuilder("<!doctype html><html><body><h1 style=\"font-size:18px\">Your Entente "
                + "digest</h1><ul>");
        TreeSet<NotificationKind> kinds = new TreeSet<>();
        for (Entry e : entries) {
            Notification n = e.notification();
            kinds.add(n.kind);
            String link = app() + n.link;
            text.append("- ").append(n.title).append(" (").append(n.allianceId).append(")\n")
                    .append(e.body().isEmpty() ? "" : "  " + e.body() + "\n").append("  ").append(link).append("\n");
            html.append("<li><a href=\"").append(escape(link)).append("\">").append(escape(n.title)).append("</a> (")
                    .append(escape(n.allianceId)).append(")").append(e.body().isEmpty() ? ""
                            : "<br>" + escape(e.body())).append("</li>");
        }
        text.append("\n--\n");
        html.append("</ul><hr><p style=\"font-size:12px\">");
        for (NotificationKind kind : kinds) {
            text.append("Stop these mails (").append(kind.name()).append("): ").append(unsubscribe(kind)).append("\n");
            html.append("<a href=\"").append(escape(unsubscribe(kind))).append("\">Stop ").append(kind.name())
                    .append(" mails</a> ");
        }
        html.append("</p></body></html>");
        return Mail.withText(to, "[Entente] Your daily digest (" + entries.size() + ")", text.toString())
                .setHtml(html.toString()).setFrom(config.mail().from())
                .addHeader("Message-ID", "<digest-" + digestId + "@entente.notifications>");
    }

    private String app() {
        return config.appUrl().replaceAll("/+$", "");
    }

    private String unsubscribe(NotificationKind kind) {
        return app() + "/notifications?unsubscribe=" + kind.name();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
