package io.entente.sprint.service;

import io.entente.platform.problem.Problems;
import io.entente.platform.security.CurrentUser;
import io.entente.sprint.domain.BacklogItemCopy;
import io.entente.sprint.domain.BoardColumn;
import io.entente.sprint.domain.SprintItem;
import io.entente.sprint.domain.SprintItemStatus;
import io.entente.sprint.domain.TeamMember;
import io.entente.sprint.api.CardView;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;


/** What the board's use cases share about one card: finding it for the reader, its view and its audited state. */
final class Cards {

    private Cards() {
    }

    /** The audited state of a card (the full item, since the audit is internal). */
    public record CardState(UUID sprintId, UUID itemId, String allianceId, String title, Integer estimate,
                            SprintItemStatus status, BoardColumn column, String assignee, boolean overrideCapacity,
                            String overrideReason, long version) {
    }

    static CardState auditState(SprintItem card, BacklogItemCopy copy) {
        return new CardState(card.sprintId, card.itemId, card.allianceId, copy.title, copy.estimate, card.status,
                card.column, card.assignee, card.overrideCapacity, card.overrideReason, card.version);
    }

    static SprintItem visible(CurrentUser user, UUID sprintId, UUID itemId) {
        SprintItem card = SprintItem.find(sprintId, itemId);
        if (card == null || card.status == SprintItemStatus.REMOVED || !user.canSee(card.allianceId)) {
            throw Problems.notFound("card", itemId);
        }
        return card;
    }

    static Map<String, String> memberNames(UUID teamId) {
        Map<String, String> names = new LinkedHashMap<>();
        for (TeamMember member : TeamMember.ofTeam(teamId)) {
            names.put(member.userId, member.displayName);
        }
        return names;
    }

    static CardView view(SprintItem item, BacklogItemCopy copy, Map<String, String> allianceNames,
                          Map<String, String> members) {
        return new CardView(item.itemId.toString(), false, copy.title, item.allianceId,
                allianceNames.getOrDefault(item.allianceId, item.allianceId), copy.discipline, copy.type,
                copy.estimate, copy.dueDate, item.column, item.assignee,
                item.assignee == null ? null : members.getOrDefault(item.assignee, item.assignee),
                item.overrideCapacity, item.disposition, item.version);
    }
}
