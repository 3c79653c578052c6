package io.entente.notification.messaging;

import io.entente.events.DomainEvent;
import io.entente.events.EventEnvelope;
import io.entente.events.backlog.AllianceEvent.AllianceRegistered;
import io.entente.events.backlog.AllianceEvent.AllianceUpdated;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemCreated;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemUpdated;
import io.entente.events.backlog.ObligationEvent.ObligationDue;
import io.entente.events.backlog.ObligationEvent.ObligationMissed;
import io.entente.events.sprint.SprintEvent.BoardItemAssigned;
import io.entente.events.sprint.SprintEvent.BoardItemMoved;
import io.entente.events.sprint.SprintEvent.CarriedItem;
import io.entente.events.sprint.SprintEvent.ItemCommittedToSprint;
import io.entente.events.sprint.SprintEvent.ItemRemovedFromSprint;
import io.entente.events.sprint.SprintEvent.SprintCapacityChanged;
import io.entente.events.sprint.SprintEvent.SprintClosed;
import io.entente.events.sprint.SprintEvent.SprintPlanned;
import io.entente.notification.domain.NotificationRules;
import io.entente.notification.service.ObligationNotifications;
import io.entente.platform.messaging.EventHandler;
import io.entente.platform.text.FreeText;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Obligations coming due or missed, to their owners. Learns each alliance's manager from the alliance events, who
 * holds an obligation's work from its backlog item and the sprint board, and the team working on it from the sprint
 * it is in and who is planned to work that sprint; events of other aggregates may come in any order, so each of them
 * only overwrites what it knows.
 */
@ApplicationScoped
public class ObligationEventsHandler implements EventHandler {

    private final ObligationNotifications obligations;

    public ObligationEventsHandler(ObligationNotifications obligations) {
        this.obligations = obligations;
    }

    @Override
    public Set<Class<? extends DomainEvent>> handles() {
        return Set.of(ObligationDue.class, ObligationMissed.class, AllianceRegistered.class, AllianceUpdated.class,
                BacklogItemCreated.class, BacklogItemUpdated.class, BoardItemAssigned.class, BoardItemMoved.class,
                ItemRemovedFromSprint.class, ItemCommittedToSprint.class, SprintClosed.class, SprintPlanned.class,
                SprintCapacityChanged.class);
    }

    @Override
    public void handle(DomainEvent event, EventEnvelope envelope) {
        if (event instanceof ObligationDue e) {
            obligations.obligationDue(envelope.id(), occurredAt(envelope), new NotificationRules.Obligation(
                    e.obligationId(), e.allianceId(), e.title(), FreeText.orNull(e.clauseRef()), e.owedBy(),
                    String.valueOf(e.dueDate())), e.leadTimeDays());
        } else if (event instanceof ObligationMissed e) {
            obligations.obligationMissed(envelope.id(), occurredAt(envelope), e.obligationId(), e.allianceId(),
                    e.title(), String.valueOf(e.dueDate()));
        } else if (event instanceof AllianceRegistered e) {
            obligations.allianceManaged(e.allianceId(), FreeText.orNull(e.allianceManager()));
        } else if (event instanceof AllianceUpdated e) {
            obligations.allianceManaged(e.allianceId(), FreeText.orNull(e.allianceManager()));
        } else if (event instanceof BacklogItemCreated e) {
            obligations.itemRaised(e.itemId(), e.allianceId(), FreeText.orNull(e.sourceRef()));
        } else if (event instanceof BacklogItemUpdated e) {
            obligations.itemRaised(e.itemId(), e.allianceId(), FreeText.orNull(e.sourceRef()));
        } else if (event instanceof BoardItemAssigned e) {
            obligations.itemHeldBy(e.itemId(), FreeText.orNull(e.assignee()));
        } else if (event instanceof BoardItemMoved e) {
            obligations.itemHeldBy(e.itemId(), FreeText.orNull(e.assignee()));
        } else if (event instanceof ItemRemovedFromSprint e) {
            obligations.itemOffTheBoard(e.itemId());
        } else if (event instanceof ItemCommittedToSprint e) {
            obligations.itemInSprint(e.itemId(), e.sprintId());
        } else if (event instanceof SprintClosed e) {
            // Items carried to the next sprint arrive there with their own ItemCommittedToSprint.
            for (CarriedItem carried : e.carriedOver() == null ? List.<CarriedItem>of() : e.carriedOver()) {
                if ("BACKLOG".equals(carried.disposition())) {
                    obligations.itemOffTheBoard(carried.itemId());
                }
            }
        } else if (event instanceof SprintPlanned e) {
            obligations.sprintCrew(e.sprintId(), e.crew());
        } else if (event instanceof SprintCapacityChanged e) {
            obligations.sprintCrew(e.sprintId(), e.crew());
        }
    }

    private static Instant occurredAt(EventEnvelope envelope) {
        return envelope.time() == null ? null : envelope.time().toInstant();
    }
}
