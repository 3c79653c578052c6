package io.entente.governance.service;

import io.entente.governance.domain.ActionItem;
import io.entente.governance.domain.ActionStatus;
import io.entente.governance.api.ActionItemView;

import io.entente.events.governance.MeetingEvent.ActionItemReportedDone;
import io.entente.platform.audit.ChangeLog;
import io.entente.platform.paging.Page;
import io.entente.platform.paging.AllianceScope;
import io.entente.platform.paging.Keyset;
import io.entente.platform.paging.SortKey;
import io.entente.platform.paging.Where;
import io.entente.platform.problem.Problems;
import io.entente.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Action items are raised from minutes and worked in the backlog; here they are read and reported done. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ActionItemService {

    private static final Keyset<ActionItem> ACTIONS = Keyset.of(ActionItem.class, "id", a -> a.id,
            UUID::fromString);
    private static final List<SortKey<ActionItem>> SORTS = List.of(
            SortKey.of("dueDate", "e.dueDate", LocalDate::parse, a -> a.dueDate));

    private final CurrentUser user;
    private final EntityManager em;
    private final ChangeLog changes;
    private final Clock clock;

    public ActionItemService(CurrentUser user, EntityManager em, ChangeLog changes, Clock clock) {
        this.user = user;
        this.em = em;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * The owner reports their action item done. Only the owner may: an action item is one person's commitment,
     * and partners may close nothing else.
     */
    @Transactional
    public ActionItemView reportDone(UUID id) {
        ActionItem item = ActionItem.findById(id);
        if (item == null || !user.canSee(item.allianceId) || user.isPartner() && !ownedByCaller(item.owner)) {
            throw Problems.notFound("action item", id);
        }
        if (!ownedByCaller(item.owner)) {
            throw Problems.forbidden("not-action-item-owner", "only the owner of an action item reports it done");
        }
        ActionItemView before = ActionItemView.of(item);
        Instant now = Instant.now(clock);
        item.reportDone(user.id(), now);
        item.flush();
        ActionItemView after = ActionItemView.of(item);
        changes.record(new ActionItemReportedDone(item.meetingId.toString(), item.allianceId, item.id.toString(),
                carryingBacklogItem(item.id), user.id(), now), before, after);
        return after;
    }

    // Null until governance has seen the backlog item; the backlog service then finds it by its source.
    private String carryingBacklogItem(UUID actionId) {
        List<?> ids = em.createNativeQuery("select item_id from item_ref where source_ref = ?1")
                .setParameter(1, WorkReadModel.ACTION_ITEM_REF + actionId).setMaxResults(1).getResultList();
        return ids.isEmpty() ? null : (String) ids.get(0);
    }

    public ActionItemView get(UUID id) {
        ActionItem item = ActionItem.findById(id);
        if (item == null || !user.canSee(item.allianceId) || user.isPartner() && !ownedByCaller(item.owner)) {
            throw Problems.notFound("action item", id);
        }
        return ActionItemView.of(item);
    }

    public Page<ActionItemView> list(String allianceId, UUID meetingId, ActionStatus status, String owner,
                                     String sort, int limit, String after) {
        AllianceScope scope = AllianceScope.of(user, allianceId);
        if (scope.isEmpty()) {
            return Page.empty();
        }
        Where where = scope.restrict(Where.all(), "e.allianceId")
                .and("e.meetingId = :meeting", "meeting", meetingId)
                .and("e.status = :status", "status", status)
                .and("lower(e.owner) = :owner", "owner", owner == null ? null : owner.toLowerCase(Locale.ROOT))
                // The partner's people see the action items they own, and no one else's.
                .and("lower(e.owner) in :mine", "mine", user.isPartner() ? List.of(
                        user.id().toLowerCase(Locale.ROOT), user.displayName().toLowerCase(Locale.ROOT)) : null);
        return ACTIONS.page(em, where, SortKey.choose(sort, SORTS), after, limit).map(ActionItemView::of);
    }

    // An owner is written in the minutes as the person's name or user id.
    private boolean ownedByCaller(String owner) {
        return owner != null && (owner.equalsIgnoreCase(user.id()) || owner.equalsIgnoreCase(user.displayName()));
    }
}
