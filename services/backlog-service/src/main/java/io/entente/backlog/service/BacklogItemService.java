package io.entente.backlog.service;

import io.entente.backlog.domain.BacklogItem;
import io.entente.backlog.domain.ItemStatus;
import io.entente.backlog.rest.BacklogItemRequest;
import io.entente.backlog.rest.BacklogItemView;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemCreated;
import io.entente.platform.audit.ChangeLog;
import io.entente.platform.rest.Problems;
import io.entente.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class BacklogItemService {

    private final ChangeLog changes;
    private final CurrentUser user;

    public BacklogItemService(ChangeLog changes, CurrentUser user) {
        this.changes = changes;
        this.user = user;
    }

    public BacklogItemView create(BacklogItemRequest request) {
        // A user outside the alliance learns nothing, not even that it exists.
        user.requireAlliance(request.allianceId(), "alliance", request.allianceId());
        BacklogItem item = new BacklogItem();
        item.id = UUID.randomUUID();
        item.allianceId = request.allianceId();
        item.title = request.title().strip();
        item.description = request.description();
        item.discipline = request.discipline();
        item.type = request.type();
        item.estimate = request.estimate();
        item.dueDate = request.dueDate();
        item.status = ItemStatus.NEW;
        item.createdAt = Instant.now();
        item.updatedAt = item.createdAt;
        item.persist();
        BacklogItemView view = BacklogItemView.of(item);
        changes.record(new BacklogItemCreated(item.id.toString(), item.allianceId, item.title, item.description,
                item.discipline.name(), item.type.name(), item.estimate, item.dueDate, item.status.name(), item.rank,
                item.sourceRef), null, view);
        return view;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BacklogItemView get(UUID id) {
        BacklogItem item = BacklogItem.findById(id);
        if (item == null || !user.canSee(item.allianceId)) {
            throw Problems.notFound("backlog item", id);
        }
        return BacklogItemView.of(item);
    }
}
