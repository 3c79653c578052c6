package io.entente.sprint.service;

import io.entente.events.backlog.BacklogItemEvent.BacklogItemCreated;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemDropped;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemRanked;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemUpdated;
import io.entente.sprint.domain.AllianceCopy;
import io.entente.sprint.domain.BacklogItemCopy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The sprint service's copy of the backlog and of alliance names, kept in step with the backlog service's events. An
 * update before its creation (other partition order) is ignored for items and an upsert for alliances, as before.
 */
@ApplicationScoped
@Transactional
public class BacklogReadModel {

    private final BoardMoves board;
    private final Clock clock;

    public BacklogReadModel(BoardMoves board, Clock clock) {
        this.board = board;
        this.clock = clock;
    }

    public void created(BacklogItemCreated created) {
        BacklogItemCopy copy = find(created.itemId());
        if (copy == null) {
            copy = new BacklogItemCopy();
            copy.itemId = UUID.fromString(created.itemId());
        }
        copy.allianceId = created.allianceId();
        copy.title = created.title();
        copy.discipline = created.discipline();
        copy.type = created.type();
        copy.estimate = created.estimate();
        copy.dueDate = created.dueDate();
        copy.status = created.status();
        copy.rank = created.rank();
        if (created.dependsOn() != null) {
            copy.dependsOn = List.copyOf(created.dependsOn());
        }
        touch(copy);
    }

    public void updated(BacklogItemUpdated updated) {
        BacklogItemCopy copy = find(updated.itemId());
        if (copy != null) {
            copy.title = updated.title();
            copy.discipline = updated.discipline();
            copy.type = updated.type();
            copy.estimate = updated.estimate();
            copy.dueDate = updated.dueDate();
            copy.status = updated.status();
            // An older event does not say: what was known stays.
            if (updated.dependsOn() != null) {
                copy.dependsOn = List.copyOf(updated.dependsOn());
            }
            touch(copy);
        }
    }

    public void ranked(BacklogItemRanked ranked) {
        BacklogItemCopy copy = find(ranked.itemId());
        if (copy != null) {
            copy.rank = ranked.rank();
            touch(copy);
        }
    }

    /** A dropped item also leaves the open board it sits on, so that boards never carry work the backlog gave up. */
    public void dropped(BacklogItemDropped dropped) {
        BacklogItemCopy copy = find(dropped.itemId());
        if (copy != null) {
            copy.dropped = true;
            touch(copy);
            board.dropFromOpenBoard(copy.itemId, dropped.reason());
        }
    }

    /** A registration or an update: everything the workload needs about the alliance but its phase (on updates). */
    public void alliance(String allianceId, String name, String partner, int tier, String phase, int valueScore,
                         int complexityScore, String allianceManager) {
        AllianceCopy copy = allianceCopy(allianceId);
        copy.name = name;
        copy.partner = partner;
        copy.tier = tier;
        if (phase != null) {
            copy.phase = phase;
        }
        copy.valueScore = valueScore;
        copy.complexityScore = complexityScore;
        copy.allianceManager = allianceManager;
        copy.updatedAt = clock.instant();
        copy.persist();
    }

    public void alliancePhase(String allianceId, String phase) {
        AllianceCopy copy = allianceCopy(allianceId);
        copy.phase = phase;
        copy.updatedAt = clock.instant();
        copy.persist();
    }

    /** A phase change can arrive before the registration (another partition): the key stands in for the name. */
    private static AllianceCopy allianceCopy(String allianceId) {
        AllianceCopy copy = AllianceCopy.findById(allianceId);
        if (copy == null) {
            copy = new AllianceCopy();
            copy.allianceId = allianceId;
            copy.name = allianceId;
        }
        return copy;
    }

    private static BacklogItemCopy find(String itemId) {
        return BacklogItemCopy.findById(UUID.fromString(itemId));
    }

    private void touch(BacklogItemCopy copy) {
        copy.updatedAt = clock.instant();
        copy.persist();
    }
}
