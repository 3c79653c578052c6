package io.entente.backlog.service;

import io.entente.backlog.api.NewItem;
import io.entente.backlog.domain.Discipline;
import io.entente.backlog.domain.ItemType;
import io.entente.backlog.api.BacklogItemView;
import io.entente.backlog.domain.BacklogItem;
import io.entente.events.governance.MeetingEvent.ActionItemRaised;
import io.entente.events.governance.MeetingEvent.ActionItemReportedDone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/** A committee meeting's action items become backlog items, so follow-up is planned like any other work. */
@ApplicationScoped
@Transactional
public class ActionItemFollowUp {

    private final ItemWriter writer;
    private final EntityManager em;

    public ActionItemFollowUp(ItemWriter writer, EntityManager em) {
        this.writer = writer;
        this.em = em;
    }

    public void plan(ActionItemRaised raised) {
        String sourceRef = "action-item:" + raised.actionItemId();
        Long existing = em.createQuery("select count(b) from BacklogItem b where b.sourceRef = :ref", Long.class)
                .setParameter("ref", sourceRef).getSingleResult();
        if (existing > 0) {
            return;
        }
        String title = raised.title() == null || raised.title().isBlank() ? "Action item" : raised.title().strip();
        if (title.length() > 200) {
            title = title.substring(0, 199) + "…";
        }
        String description = "Action item from meeting " + raised.meetingId()
                + (raised.owner() == null ? "" : ", owner " + raised.owner())
                + (raised.dueDate() == null ? "." : ", due " + raised.dueDate() + ".");
        writer.createAndRecord(NewItem.of(raised.allianceId(), title, description, Discipline.GOVERNANCE,
                ItemType.ACTION_ITEM, null, raised.owner(), raised.dueDate(), sourceRef));
    }

    /** The owner reported the action item done: its backlog item is done, and governance's mirror follows. */
    public void close(ActionItemReportedDone reported) {
        List<BacklogItem> carriers = em.createQuery("select b from BacklogItem b where b.sourceRef = :ref"
                        + " and b.allianceId = :alliance", BacklogItem.class)
                .setParameter("ref", "action-item:" + reported.actionItemId())
                .setParameter("alliance", reported.allianceId()).getResultList();
        for (BacklogItem item : carriers) {
            BacklogItemView before = writer.view(item);
            if (item.reportedDone(writer.now())) {
                writer.recordUpdated(item, before);
            }
        }
    }
}
