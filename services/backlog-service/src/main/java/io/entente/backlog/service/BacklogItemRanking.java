package io.entente.backlog.service;

import io.entente.backlog.api.BacklogItemView;
import io.entente.backlog.api.RankRequest;
import io.entente.backlog.domain.BacklogItem;
import io.entente.backlog.domain.Ranks;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemRanked;
import io.entente.platform.audit.ChangeLog;
import io.entente.platform.versioning.ETags;
import io.entente.platform.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** Moving an item within the one backlog order. */
@ApplicationScoped
@Transactional
public class BacklogItemRanking {

    private final ChangeLog changes;
    private final ItemWriter writer;
    private final EntityManager em;
    private final BacklogItemQueries items;

    public BacklogItemRanking(ChangeLog changes, ItemWriter writer, EntityManager em, BacklogItemQueries items) {
        this.changes = changes;
        this.writer = writer;
        this.em = em;
        this.items = items;
    }

    /**
     * Rewrites the moved item's rank only: the midpoint between its new neighbours, or the next append position at
     * the bottom. A move to where the item already is changes nothing: no new version, no audit row, no event.
     */
    public BacklogItemView rank(UUID id, RankRequest request, String ifMatch) {
        BacklogItem item = items.visible(id);
        ETags.requireMatch(ifMatch, item.version);
        UUID targetId = request.above() != null ? request.above() : request.below();
        if (targetId.equals(id)) {
            throw Problems.invalid(request.above() != null ? "above" : "below", "an item cannot move next to itself");
        }
        BacklogItem target = items.visible(targetId);
        writer.lockRanksForMove();
        // Both may have moved while this waited for the lock: place the item next to where the target is now, and
        // answer 412 rather than judge a move against a rank the client never saw.
        em.refresh(item);
        em.refresh(target);
        ETags.requireMatch(ifMatch, item.version);
        String lo;
        String hi;
        if (request.above() != null) {
            hi = target.rank;
            lo = neighbour("max", "<", target.rank, id);
        } else {
            lo = target.rank;
            hi = neighbour("min", ">", target.rank, id);
        }
        boolean alreadyThere = (lo == null || item.rank.compareTo(lo) > 0)
                && (hi == null || item.rank.compareTo(hi) < 0);
        if (alreadyThere) {
            return writer.view(item);
        }
        BacklogItemView before = writer.view(item);
        // The bottom comes from the append positions, so that the next create still lands below this item.
        item.rankAt(hi == null ? writer.bottomRank() : Ranks.between(lo, hi), writer.now());
        em.flush();
        BacklogItemView after = writer.view(item);
        changes.record(new BacklogItemRanked(item.id.toString(), item.allianceId, item.rank), before, after);
        return after;
    }

    private String neighbour(String aggregate, String op, String rank, UUID except) {
        return em.createQuery("select " + aggregate + "(b.rank) from BacklogItem b where b.rank " + op
                        + " :rank and b.id <> :id", String.class)
                .setParameter("rank", rank).setParameter("id", except).getSingleResult();
    }
}
