package io.entente.governance.service;

import io.entente.events.backlog.BacklogItemEvent.BacklogItemCreated;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemDropped;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemUpdated;
import io.entente.events.sprint.SprintEvent.BoardItemMoved;
import io.entente.events.sprint.SprintEvent.ItemCommittedToSprint;
import io.entente.events.sprint.SprintEvent.ItemRemovedFromSprint;
import io.entente.events.sprint.SprintEvent.SprintClosed;
import io.entente.events.sprint.SprintEvent.SprintPlanned;
import io.entente.events.sprint.SprintEvent.SprintStarted;
import io.entente.events.governance.MeetingEvent.ActionItemStatusChanged;
import io.entente.governance.api.ActionItemView;
import io.entente.governance.domain.ActionItem;
import io.entente.governance.domain.ActionStatus;
import io.entente.platform.audit.ChangeLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Keeps the copies of backlog items and sprints that the packet's progress section reads, and closes an action
 * item when the backlog item made from it is done or dropped: that change of an action item is audited and published
 * like any other.
 */
@ApplicationScoped
@Transactional
public class WorkReadModel {

    static final String ACTION_ITEM_REF = "action-item:";

    private final EntityManager em;
    private final ChangeLog changes;
    private final Clock clock;

    public WorkReadModel(EntityManager em, ChangeLog changes, Clock clock) {
        this.em = em;
        this.changes = changes;
        this.clock = clock;
    }

    public void backlogItemCreated(BacklogItemCreated e) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        upsertItem(e.itemId(), e.allianceId(), e.title(), e.type(), e.status(), e.estimate(), e.dueDate(),
                e.sourceRef(), now);
    }

    public void backlogItemUpdated(BacklogItemUpdated e) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        upsertItem(e.itemId(), e.allianceId(), e.title(), e.type(), e.status(), e.estimate(), e.dueDate(),
                e.sourceRef(), now);
    }

    public void backlogItemDropped(BacklogItemDropped e) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("""
                        insert into item_ref (item_id, alliance_id, dropped, status, updated_at)
                        values (?1, ?2, true, 'DROPPED', ?3)
                        on conflict (item_id) do update set dropped = true, status = 'DROPPED',
                            updated_at = excluded.updated_at""")
                .setParameter(1, e.itemId()).setParameter(2, e.allianceId()).setParameter(3, now)
                .executeUpdate();
        followAction(e.itemId(), null, true, now);
    }

    public void sprintPlanned(SprintPlanned e) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("""
                        insert into sprint_ref (sprint_id, team_id, team_name, name, goal, start_date, end_date,
                                                state, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'PLANNED', ?8)
                        on conflict (sprint_id) do update set team_id = excluded.team_id,
                            team_name = excluded.team_name, name = excluded.name, goal = excluded.goal,
                            start_date = excluded.start_date, end_date = excluded.end_date,
                            updated_at = excluded.updated_at""")
                .setParameter(1, e.sprintId()).setParameter(2, e.teamId()).setParameter(3, e.teamName())
                .setParameter(4, e.name()).setParameter(5, e.goal()).setParameter(6, e.startDate())
                .setParameter(7, e.endDate()).setParameter(8, now).executeUpdate();
    }

    public void sprintStarted(SprintStarted e) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        sprintState(e.sprintId(), "ACTIVE", now);
    }

    public void sprintClosed(SprintClosed e) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        sprintState(e.sprintId(), "CLOSED", now);
    }

    public void itemCommittedToSprint(ItemCommittedToSprint e) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("""
                        insert into sprint_item (sprint_id, item_id, alliance_id, estimate, board_column, removed,
                                                 updated_at)
                        values (?1, ?2, ?3, ?4, 'TODO', false, ?5)
                        on conflict (sprint_id, item_id) do update set estimate = excluded.estimate,
                            removed = false, updated_at = excluded.updated_at""")
                .setParameter(1, e.sprintId()).setParameter(2, e.itemId()).setParameter(3, e.allianceId())
                .setParameter(4, e.estimate()).setParameter(5, now).executeUpdate();
        placeholderSprint(e.sprintId(), now);
    }

    public void itemRemovedFromSprint(ItemRemovedFromSprint e) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("""
                        insert into sprint_item (sprint_id, item_id, alliance_id, board_column, removed, updated_at)
                        values (?1, ?2, ?3, 'TODO', true, ?4)
                        on conflict (sprint_id, item_id) do update set removed = true,
                            updated_at = excluded.updated_at""")
                .setParameter(1, e.sprintId()).setParameter(2, e.itemId()).setParameter(3, e.allianceId())
                .setParameter(4, now).executeUpdate();
    }

    public void boardItemMoved(BoardItemMoved e) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("""
                        insert into sprint_item (sprint_id, item_id, alliance_id, board_column, removed, updated_at)
                        values (?1, ?2, ?3, ?4, false, ?5)
                        on conflict (sprint_id, item_id) do update set board_column = excluded.board_column,
                            updated_at = excluded.updated_at""")
                .setParameter(1, e.sprintId()).setParameter(2, e.itemId()).setParameter(3, e.allianceId())
                .setParameter(4, e.toColumn()).setParameter(5, now).executeUpdate();
        placeholderSprint(e.sprintId(), now);
    }

    private void upsertItem(String itemId, String alliance, String title, String type, String status,
                            Integer estimate, LocalDate due, String sourceRef, OffsetDateTime now) {
        em.createNativeQuery("""
                        insert into item_ref (item_id, alliance_id, title, type, status, estimate, due_date, source_ref,
                                              dropped, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, false, ?9)
                        on conflict (item_id) do update set title = excluded.title, type = excluded.type,
                            status = case when item_ref.dropped then item_ref.status else excluded.status end,
                            estimate = excluded.estimate, due_date = excluded.due_date,
                            source_ref = coalesce(excluded.source_ref, item_ref.source_ref),
                            updated_at = excluded.updated_at""")
                .setParameter(1, itemId).setParameter(2, alliance).setParameter(3, title).setParameter(4, type)
                .setParameter(5, status).setParameter(6, estimate).setParameter(7, due).setParameter(8, sourceRef)
                .setParameter(9, now).executeUpdate();
        if (sourceRef != null && sourceRef.startsWith(ACTION_ITEM_REF)) {
            linkAction(itemId, sourceRef);
        }
        followAction(itemId, status, false, now);
    }

    private void linkAction(String itemId, String sourceRef) {
        em.createNativeQuery("update item_ref set source_ref = ?2 where item_id = ?1")
                .setParameter(1, itemId).setParameter(2, sourceRef).executeUpdate();
    }

    /** An action item is as done as the backlog item that carries it. */
    private void followAction(String itemId, String status, boolean dropped, OffsetDateTime now) {
        List<?> refs = em.createNativeQuery("select source_ref from item_ref where item_id = ?1")
                .setParameter(1, itemId).getResultList();
        Object ref = refs.isEmpty() ? null : refs.get(0);
        if (!(ref instanceof String sourceRef) || !sourceRef.startsWith(ACTION_ITEM_REF)) {
            return;
        }
        UUID actionId;
        try {
            actionId = UUID.fromString(sourceRef.substring(ACTION_ITEM_REF.length()));
        } catch (IllegalArgumentException e) {
            return;
        }
        ActionStatus next = dropped || "DROPPED".equals(status) ? ActionStatus.DROPPED
                : "DONE".equals(status) ? ActionStatus.DONE : ActionStatus.OPEN;
        ActionItem action = ActionItem.findById(actionId);
        if (action == null || action.status == next) {
            return;
        }
        ActionItemView before = ActionItemView.of(action);
        action.follow(next, now.toInstant());
        action.flush();
        changes.record(new ActionItemStatusChanged(action.meetingId.toString(), action.allianceId,
                action.id.toString(), next.name(), itemId), before, ActionItemView.of(action));
    }

    private void sprintState(String sprintId, String state, OffsetDateTime now) {
        // A late SprintStarted must not reopen a closed sprint.
        em.createNativeQuery("""
                        insert into sprint_ref (sprint_id, state, updated_at) values (?1, ?2, ?3)
                        on conflict (sprint_id) do update set
                            state = case when sprint_ref.state = 'CLOSED' then 'CLOSED' else excluded.state end,
                            updated_at = excluded.updated_at""")
                .setParameter(1, sprintId).setParameter(2, state).setParameter(3, now).executeUpdate();
    }

    private void placeholderSprint(String sprintId, OffsetDateTime now) {
        em.createNativeQuery("""
                        insert into sprint_ref (sprint_id, state, updated_at) values (?1, 'PLANNED', ?2)
                        on conflict (sprint_id) do nothing""")
                .setParameter(1, sprintId).setParameter(2, now).executeUpdate();
    }
}
