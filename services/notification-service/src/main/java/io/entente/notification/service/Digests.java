package io.entente.notification.service;

import io.entente.notification.domain.Digest;
import io.entente.notification.domain.OutgoingMail;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The daily digest: once a day, each user with notifications waiting in DIGEST mode gets one mail listing them.
 * Every replica schedules the run; a PostgreSQL advisory lock held for the run's transaction lets one of them do it
 * and the others return at once, and the (user, day) key of a digest keeps a late or repeated run from mailing a
 * user twice on one day. The digest's mail goes through the same outbox and relay as every other mail.
 */
@ApplicationScoped
public class Digests {

    /** The advisory lock key of the digest run (any constant no other code of this database uses). */
    static final long LOCK = 0x0D16E57L;

    private final EntityManager em;
    private final Clock clock;

    public Digests(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Scheduled(identity = "notification-daily-digest", cron = "${entente.notification.digest.cron:0 0 7 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runDaily();
    }

    /** @return how many digests this run queued; 0 when another replica holds the run */
    @Transactional
    public int runDaily() {
        boolean mine = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, LOCK).getSingleResult();
        if (!mine) {
            return 0;
        }
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<String> users = em.createQuery("select distinct n.recipient from Notification n where n.digestPending "
                + "order by n.recipient", String.class).getResultList();
        int queued = 0;
        for (String user : users) {
            if (Digest.count("userId = ?1 and day = ?2", user, day) > 0) {
                // Already mailed today: what arrived since waits for tomorrow's.
                continue;
            }
            Digest digest = Digest.of(user, day, now);
            digest.persist();
            em.flush();
            em.createQuery("update Notification n set n.digestPending = false, n.digestId = :digest "
                            + "where n.recipient = :user and n.digestPending")
                    .setParameter("digest", digest.id).setParameter("user", user).executeUpdate();
            OutgoingMail.of(digest, now).persist();
            queued++;
        }
        return queued;
    }
}
