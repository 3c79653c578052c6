package io.entente.backlog.api;

import io.entente.backlog.domain.Discipline;
import io.entente.backlog.domain.ItemStatus;
import io.entente.backlog.domain.ItemType;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The filters of a backlog list or export. Several values of one filter mean "any of"; different filters combine
 * with "and"; an empty list or null means "not filtered".
 *
 * @param allianceIds alliance keys; the caller's own alliances when empty
 * @param dueBefore   items due on or before this date, items without a due date are left out
 * @param q           words in the title or description, case-insensitive
 */
public record ItemQuery(List<String> allianceIds, List<Discipline> disciplines, List<ItemStatus> statuses,
                        List<ItemType> types, LocalDate dueBefore, String q, String sourceRef, UUID sprintId) {
}
