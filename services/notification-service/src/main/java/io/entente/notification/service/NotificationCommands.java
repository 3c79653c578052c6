package io.entente.notification.service;

import io.entente.notification.api.NotificationView;
import io.entente.notification.api.UnreadCount;
import io.entente.notification.domain.Notification;
import io.entente.platform.audit.ChangeLog;
import io.entente.platform.paging.AllianceScope;
import io.entente.platform.paging.Where;
import io.entente.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** The caller marks their own notifications read. */
@ApplicationScoped
@Transactional
public class NotificationCommands {

    private final NotificationQueries queries;
    private final CurrentUser user;
    private final EntityManager em;
    private final ChangeLog changes;
    private final Clock clock;

    public NotificationCommands(NotificationQueries queries, CurrentUser user, EntityManager em, ChangeLog changes,
                                Clock clock) {
        this.queries = queries;
        this.user = user;
        this.em = em;
        this.changes = changes;
        this.clock = clock;
    }

    public NotificationView markRead(UUID id) {
        Notification n = queries.visible(id);
        NotificationView before = NotificationView.of(n, user.isPartner());
        if (n.markRead(clock.instant())) {
            NotificationView after = NotificationView.of(n, user.isPartner());
            changes.auditOnly("NotificationRead", "notification", n.id.toString(), n.allianceId, before, after);
            return after;
        }
        return before;
    }

    /** Marks every visible unread notification of the caller read; answers the count left unread (0). */
    public UnreadCount markAllRead() {
        AllianceScope scope = AllianceScope.of(user, (String) null);
        if (!scope.isEmpty()) {
            Instant now = clock.instant();
            Where where = queries.mine(scope).and("e.readAt is null");
            var update = em.createQuery("update Notification e set e.readAt = :now, e.version = e.version + 1 where "
                    + where.hql());
            where.params().forEach(update::setParameter);
            int marked = update.setParameter("now", now).executeUpdate();
            if (marked > 0) {
                changes.auditOnly("NotificationsAllRead", "notification", user.id(), null, null,
                        java.util.Map.of("marked", marked, "at", now.toString()));
            }
        }
        return queries.unreadCount();
    }
}
