package io.entente.governance.service;

import io.entente.governance.domain.ActionItem;
import io.entente.governance.domain.ActionStatus;
import io.entente.governance.rest.ActionItemView;
import io.entente.governance.rest.Cursor;
import io.entente.governance.rest.Page;
import io.entente.platform.rest.Problems;
import io.entente.platform.security.CurrentUser;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Action items are raised from minutes and worked in the backlog; here they are read. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ActionItemService {

    private final CurrentUser user;

    public ActionItemService(CurrentUser user) {
        this.user = user;
    }

    public ActionItemView get(UUID id) {
        ActionItem item = ActionItem.findById(id);
        if (item == null || !user.canSee(item.allianceId)) {
            throw Problems.notFound("action item", id);
        }
        return ActionItemView.of(item);
    }

    public Page<ActionItemView> list(String allianceId, UUID meetingId, ActionStatus status, String owner,
                                     boolean descending, int limit, String after) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (!user.isAdmin()) {
            query.append(" and allianceId in :alliances");
            params.and("alliances", user.alliances().isEmpty() ? Set.of("-") : user.alliances());
        }
        if (allianceId != null) {
            query.append(" and allianceId = :alliance");
            params.and("alliance", allianceId);
        }
        if (meetingId != null) {
            query.append(" and meetingId = :meeting");
            params.and("meeting", meetingId);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (owner != null) {
            query.append(" and lower(owner) = :owner");
            params.and("owner", owner.toLowerCase());
        }
        Cursor cursor = Cursor.decode(after);
        String op = descending ? "<" : ">";
        if (cursor != null) {
            LocalDate value;
            try {
                value = LocalDate.parse(cursor.value());
            } catch (RuntimeException e) {
                throw Problems.invalid("after", "is not a cursor returned by this list");
            }
            query.append(" and (dueDate ").append(op).append(" :cv or (dueDate = :cv and id ").append(op)
                    .append(" :cid))");
            params.and("cv", value).and("cid", cursor.id());
        }
        String direction = descending ? " desc" : "";
        query.append(" order by dueDate").append(direction).append(", id").append(direction);
        List<ActionItem> rows = ActionItem.<ActionItem>find(query.toString(), params).page(0, limit + 1).list();
        List<ActionItemView> items = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, rows.size()); i++) {
            items.add(ActionItemView.of(rows.get(i)));
        }
        String next = null;
        if (rows.size() > limit) {
            ActionItem last = rows.get(limit - 1);
            next = new Cursor(last.dueDate.toString(), last.id).encode();
        }
        return new Page<>(items, next);
    }
}
