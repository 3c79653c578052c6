package io.entente.notification.service;

import io.entente.notification.config.NotificationConfig;
import io.entente.notification.domain.Notification;
import io.entente.notification.domain.OutgoingMail;
import io.entente.notification.domain.Recipient;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Sends the mails the outbox owes. Each mail is sent while its row is locked and marked sent in the same
 * transaction, so two relays never send one mail; a failure records the error and the next attempt time
 * (exponential backoff) in a transaction of its own, so a mail server that is down delays mail and loses none.
 */
@ApplicationScoped
public class MailRelay {

    private static final Logger LOG = Logger.getLogger(MailRelay.class);

    private final Mailer mailer;
    private final MailComposer composer;
    private final NotificationConfig config;
    private final EntityManager em;
    private final Clock clock;

    public MailRelay(Mailer mailer, MailComposer composer, NotificationConfig config, EntityManager em, Clock clock) {
        this.mailer = mailer;
        this.composer = composer;
        this.config = config;
        this.em = em;
        this.clock = clock;
    }

    // Runs on every replica on purpose, not through ClusterJobs: each mail is claimed with a skip-locked row lock and
    // marked sent in that transaction (sendOne), so replicas share the mail between them instead of sending it twice.
    @Scheduled(every = "${entente.notification.mail.every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sendDue();
    }

    /**
     * Sends what is due now, batch after batch while batches come back full (so that a burst is not paced at one
     * batch per schedule); returns how many mails went out.
     */
    public int sendDue() {
        int sent = 0;
        int batch;
        do {
            int[] counts = sendBatch();
            sent += counts[1];
            batch = counts[0];
        } while (batch == config.mail().batchSize());
        return sent;
    }

    /** @return {mails looked at, mails sent} */
    private int[] sendBatch() {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select m.id from OutgoingMail m where m.sentAt is null and m.nextAttemptAt <= :now "
                                + "order by m.nextAttemptAt", UUID.class)
                .setParameter("now", clock.instant()).setMaxResults(config.mail().batchSize()).getResultList());
        int sent = 0;
        for (UUID id : due) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> sendOne(id))) {
                    sent++;
                }
            } catch (RuntimeException e) {
                LOG.debugf("mail %s not sent: %s", id, e.getMessage());
                QuarkusTransaction.requiringNew().run(() -> {
                    OutgoingMail mail = OutgoingMail.findById(id);
                    if (mail != null && mail.sentAt == null) {
                        mail.failed(rootMessage(e), clock.instant());
                    }
                });
            }
        }
        return new int[] {due.size(), sent};
    }

    private boolean sendOne(UUID id) {
        // Skip a row another relay holds rather than wait for it (and send it twice).
        List<OutgoingMail> rows = em.createQuery("select m from OutgoingMail m where m.id = :id and m.sentAt is null",
                        OutgoingMail.class).setParameter("id", id).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2).getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        OutgoingMail mail = rows.get(0);
        Recipient to = Recipient.findById(mail.recipient);
        if (to == null || to.email == null || to.email.isBlank()) {
            mail.dropped("no mail address known for " + mail.recipient, clock.instant());
            return false;
        }
        if (mail.digestId != null) {
            return sendDigest(mail, to);
        }
        Notification n = Notification.findById(mail.notificationId);
        if (!to.mayHear(n.allianceId)) {
            mail.dropped("not a member of " + n.allianceId, clock.instant());
            return false;
        }
        String body = n.bodyFor(to.partner);
        if (body == null) {
            mail.dropped("internal, and " + mail.recipient + " is on the partner's side", clock.instant());
            return false;
        }
        mailer.send(composer.compose(n, body, to.email));
        mail.sent(clock.instant());
        return true;
    }

    /** A digest lists only what its reader may still hear: their alliances, and the partner edition for a partner. */
    private boolean sendDigest(OutgoingMail mail, Recipient to) {
        List<MailComposer.Entry> entries = Notification.<Notification>list("digestId = ?1 order by createdAt",
                        mail.digestId).stream()
                .filter(n -> to.mayHear(n.allianceId) && n.bodyFor(to.partner) != null)
                .map(n -> new MailComposer.Entry(n, n.bodyFor(to.partner))).toList();
        if (entries.isEmpty()) {
            mail.dropped("nothing in the digest " + mail.recipient + " may read", clock.instant());
            return false;
        }
        mailer.send(composer.digest(mail.digestId, entries, to.email));
        mail.sent(clock.instant());
        return true;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
