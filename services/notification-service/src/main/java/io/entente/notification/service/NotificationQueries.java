package io.entente.notification.service;

import io.entente.notification.api.NotificationView;
import io.entente.notification.api.UnreadCount;
import io.entente.notification.domain.Notification;
import io.entente.platform.paging.AllianceScope;
import io.entente.platform.paging.Keyset;
import io.entente.platform.paging.Limit;
import io.entente.platform.paging.Page;
import io.entente.platform.paging.SortKey;
import io.entente.platform.paging.Where;
import io.entente.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The caller's own notifications, newest first, and only of the alliances their token still shows: someone who left
 * an alliance stops seeing what they were told about it.
 */
@ApplicationScoped
public class NotificationQueries {

    static final Keyset<Notification> KEYSET = Keyset.of(Notification.class, "id", n -> n.id, UUID::fromString);
    static final List<SortKey<Notification>> SORTS = List.of(
            SortKey.<Notification>of("createdAt", "e.createdAt", Instant::parse, n -> n.createdAt).reversed());

    private final CurrentUser user;
    private final EntityManager em;

    public NotificationQueries(CurrentUser user, EntityManager em) {
        this.user = user;
        this.em = em;
    }

    public Page<NotificationView> list(Boolean unread, String after, Integer limit) {
        int size = Limit.of(limit);
        AllianceScope scope = AllianceScope.of(user, (String) null);
        if (scope.isEmpty()) {
            return Page.empty();
        }
        Where where = mine(scope);
        if (Boolean.TRUE.equals(unread)) {
            where = where.and("e.readAt is null");
        }
        boolean partner = user.isPartner();
        return KEYSET.page(em, where, SORTS.get(0), after, size).map(n -> NotificationView.of(n, partner));
    }

    public UnreadCount unreadCount() {
        AllianceScope scope = AllianceScope.of(user, (String) null);
        if (scope.isEmpty()) {
            return new UnreadCount(0);
        }
        Where where = mine(scope).and("e.readAt is null");
        var query = em.createQuery("select count(e) from Notification e where " + where.hql(), Long.class);
        where.params().forEach(query::setParameter);
        return new UnreadCount(query.getSingleResult());
    }

    /** The caller's notification, or 404 (also for another user's or another alliance's). */
    Notification visible(UUID id) {
        Notification n = Notification.findById(id);
        if (n == null || !n.recipient.equals(user.id()) || !user.canSee(n.allianceId)
                || (user.isPartner() && n.partnerBody == null)) {
            throw io.entente.platform.problem.Problems.notFound("notification", id);
        }
        return n;
    }

    /** A partner's own are only those with a partner edition: the rest is internal, even if it named them. */
    Where mine(AllianceScope scope) {
        Where mine = scope.restrict(Where.all(), "e.allianceId").and("e.recipient = :me", "me", user.id());
        return user.isPartner() ? mine.and("e.partnerBody is not null") : mine;
    }
}
