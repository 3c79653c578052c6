package io.entente.decision.service;

import io.entente.decision.domain.Decision;
import io.entente.decision.domain.PrepItem;
import io.entente.events.sprint.SprintEvent.CarriedItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The decision service's own record of prep items, from backlog and sprint events. Each event upserts the item, so
 * the order in which the two topics arrive does not matter; then the item's decision is re-assessed.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PrepTracking {

    public static final String SOURCE_PREFIX = "decision:";

    private final DecisionRisk risk;
    private final Clock clock;

    public PrepTracking(DecisionRisk risk, Clock clock) {
        this.risk = risk;
        this.clock = clock;
    }

    /** A backlog item's state after a create or update. Items not raised by a decision are only kept as known. */
    public void backlogItem(String itemId, String allianceId, String title, String status, String sourceRef) {
        UUID decisionId = decisionOf(sourceRef);
        if (decisionId == null) {
            // Not prep work: forget what sprint events may have told us about it before.
            PrepItem item = PrepItem.findById(UUID.fromString(itemId));
            if (item != null) {
                item.delete();
            }
            return;
        }
        upsert(itemId, p -> p.describe(decisionId, allianceId, title, status));
    }

    public void dropped(String itemId) {
        PrepItem item = PrepItem.findById(UUID.fromString(itemId));
        if (item != null) {
            item.drop();
            touch(item);
        }
    }

    public void committed(String itemId, String sprintId) {
        upsert(itemId, p -> p.commitTo(sprintId));
    }

    public void removed(String itemId, String sprintId) {
        PrepItem item = PrepItem.findById(UUID.fromString(itemId));
        if (item != null && item.removeFrom(sprintId)) {
            touch(item);
        }
    }

    public void moved(String itemId, String sprintId, String toColumn) {
        upsert(itemId, p -> p.moveOnBoard(sprintId, toColumn));
    }

    /** A closed sprint's unfinished items go back to the backlog or on to the next sprint. */
    public void sprintClosed(String sprintId, List<CarriedItem> carriedOver) {
        if (carriedOver == null) {
            return;
        }
        for (CarriedItem carried : carriedOver) {
            PrepItem item = PrepItem.findById(UUID.fromString(carried.itemId()));
            if (item != null && item.carryOver(sprintId, carried.disposition(), carried.nextSprintId())) {
                touch(item);
            }
        }
    }

    private void upsert(String itemId, Consumer<PrepItem> change) {
        UUID id = UUID.fromString(itemId);
        PrepItem item = PrepItem.findById(id);
        if (item == null) {
            item = new PrepItem();
            item.itemId = id;
        }
        change.accept(item);
        touch(item);
    }

    private void touch(PrepItem item) {
        item.updatedAt = Instant.now(clock);
        item.persist();
        if (item.decisionId != null) {
            PrepItem.flush();
            Decision decision = Decision.findById(item.decisionId);
            if (decision != null) {
                risk.reassess(decision);
            }
        }
    }

    static UUID decisionOf(String sourceRef) {
        if (sourceRef == null || !sourceRef.startsWith(SOURCE_PREFIX)) {
            return null;
        }
        try {
            return UUID.fromString(sourceRef.substring(SOURCE_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
