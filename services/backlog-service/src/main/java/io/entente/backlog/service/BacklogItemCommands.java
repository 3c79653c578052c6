package io.entente.backlog.service;

import io.entente.backlog.api.BacklogItemRequest;
import io.entente.backlog.api.BacklogItemUpdateRequest;
import io.entente.backlog.api.BacklogItemView;
import io.entente.backlog.api.NewItem;
import io.entente.backlog.domain.BacklogItem;
import io.entente.backlog.domain.ItemStatus;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemDropped;
import io.entente.platform.audit.ChangeLog;
import io.entente.platform.versioning.ETags;
import io.entente.platform.problem.Problems;
import io.entente.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What users do to backlog items: add one, change one, drop one. Moving one is {@link BacklogItemRanking}. */
@ApplicationScoped
@Transactional
public class BacklogItemCommands {

    private final ChangeLog changes;
    private final CurrentUser user;
    private final ItemWriter writer;
    private final EntityManager em;
    private final AllianceService alliances;
    private final BacklogItemQueries items;

    public BacklogItemCommands(ChangeLog changes, CurrentUser user, ItemWriter writer, EntityManager em,
                               AllianceService alliances, BacklogItemQueries items) {
        this.changes = changes;
        this.user = user;
        this.writer = writer;
        this.em = em;
        this.alliances = alliances;
        this.items = items;
    }

    public BacklogItemView create(BacklogItemRequest request) {
        // A user outside the alliance learns nothing, not even that it exists.
        alliances.visible(request.allianceId());
        Set<UUID> dependsOn = visibleDependencies(request.dependsOn());
        return writer.createAndRecord(new NewItem(request.allianceId(), request.title(), request.description(),
                request.discipline(), request.type(), request.estimate(), request.beneficiary(),
                request.stakeholderValue(), request.owner(), request.dueDate(), null), dependsOn);
    }

    public BacklogItemView update(UUID id, BacklogItemUpdateRequest request, String ifMatch) {
        BacklogItem item = items.visible(id);
        ETags.requireMatch(ifMatch, item.version);
        if (item.status == ItemStatus.DROPPED) {
            throw Problems.rule("item-dropped", "backlog item " + id + " was dropped and can no longer change");
        }
        BacklogItemView before = writer.view(item);
        if (request.status() != null && request.status() != item.status) {
            if (!item.canPlanAs(request.status())) {
                throw Problems.rule("status-not-settable", "status can only move between NEW and READY here; "
                        + "IN_SPRINT and DONE follow the sprint board and DROPPED has its own command (item is "
                        + item.status + ")");
            }
            item.planAs(request.status());
        }
        if (request.dependsOn() != null) {
            replaceDependencies(id, request.dependsOn());
        }
        item.title = request.title();
        item.description = request.description();
        item.discipline = request.discipline();
        item.type = request.type();
        item.estimate = request.estimate();
        item.beneficiary = request.beneficiary();
        item.stakeholderValue = request.stakeholderValue();
        item.owner = request.owner();
        item.dueDate = request.dueDate();
        return writer.recordUpdated(item, before);
    }

    public BacklogItemView drop(UUID id, String reason, String ifMatch) {
        BacklogItem item = items.visible(id);
        ETags.requireMatch(ifMatch, item.version);
        if (item.isClosed()) {
            throw Problems.rule("item-closed", "backlog item " + id + " is already " + item.status);
        }
        if (item.status == ItemStatus.IN_SPRINT) {
            throw Problems.rule("item-in-sprint", "backlog item " + id + " is in sprint " + item.sprintId
                    + "; remove it from the sprint first");
        }
        BacklogItemView before = writer.view(item);
        item.drop(writer.now());
        em.flush();
        BacklogItemView after = writer.view(item);
        changes.record(new BacklogItemDropped(item.id.toString(), item.allianceId, reason), before, after);
        return after;
    }

    private void replaceDependencies(UUID id, List<UUID> requested) {
        Set<UUID> dependsOn = visibleDependencies(requested);
        if (dependsOn.contains(id)) {
            throw Problems.invalid("dependsOn", "an item cannot depend on itself");
        }
        for (UUID target : dependsOn) {
            if (writer.wouldLoop(id, target)) {
                throw Problems.rule("dependency-cycle", "backlog item " + target + " already depends on "
                        + id + "; the dependency would make a loop");
            }
        }
        writer.replaceDependencies(id, dependsOn);
    }

    private Set<UUID> visibleDependencies(List<UUID> ids) {
        Set<UUID> result = new LinkedHashSet<>();
        if (ids == null) {
            return result;
        }
        for (UUID id : ids) {
            BacklogItem target = BacklogItem.findById(id);
            if (target == null || !user.canSee(target.allianceId)) {
                throw Problems.invalid("dependsOn", "backlog item " + id + " does not exist");
            }
            result.add(id);
        }
        return result;
    }
}
