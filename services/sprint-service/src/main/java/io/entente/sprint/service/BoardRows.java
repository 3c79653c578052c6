package io.entente.sprint.service;

import io.entente.sprint.domain.AllianceCopy;
import io.entente.sprint.domain.BacklogItemCopy;
import io.entente.sprint.domain.BoardColumn;
import io.entente.sprint.domain.Concentration;
import io.entente.sprint.domain.Sprint;
import io.entente.sprint.domain.SprintCapacity;
import io.entente.sprint.domain.SprintItem;
import io.entente.sprint.domain.SprintItemStatus;
import io.entente.sprint.api.PlanningSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.jpa.HibernateHints;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The queries behind boards and planning totals. Each is one SQL statement whatever the number of items, so a board
 * of 2,000 cards costs what a board of 20 does.
 */
@ApplicationScoped
public class BoardRows {

    /** A card with its backlog data; estimate null counts as 0 points. */
    public record Row(SprintItem item, BacklogItemCopy copy) {
        public int points() {
            return copy.estimate == null ? 0 : copy.estimate;
        }

        public boolean done() {
            return item.column == BoardColumn.DONE;
        }
    }

    private final EntityManager em;

    public BoardRows(EntityManager em) {
        this.em = em;
    }

    /** Every item committed to the sprint and not removed (on a closed sprint: completed and carried over). */
    public List<Row> rows(UUID sprintId) {
        return rows(sprintId, false);
    }

    /**
     * @param readOnly true for reads that change nothing: Hibernate then keeps no snapshots of the entities, which
     *                 matters on a board of thousands of cards
     */
    public List<Row> rows(UUID sprintId, boolean readOnly) {
        List<Object[]> tuples = em.createQuery("""
                        select si, c from SprintItem si, BacklogItemCopy c
                        where c.itemId = si.itemId and si.sprintId = :sprint and si.status <> :removed""",
                        Object[].class)
                .setParameter("sprint", sprintId)
                .setParameter("removed", SprintItemStatus.REMOVED)
                .setHint(HibernateHints.HINT_READ_ONLY, readOnly)
                .getResultList();
        List<Row> rows = new ArrayList<>(tuples.size());
        for (Object[] t : tuples) {
            rows.add(new Row((SprintItem) t[0], (BacklogItemCopy) t[1]));
        }
        return rows;
    }

    /** Every item that was ever on the sprint, removed ones included (the burndown needs when they left). */
    public List<Row> history(UUID sprintId) {
        List<Object[]> tuples = em.createQuery("""
                        select si, c from SprintItem si, BacklogItemCopy c
                        where c.itemId = si.itemId and si.sprintId = :sprint""", Object[].class)
                .setParameter("sprint", sprintId)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
        List<Row> rows = new ArrayList<>(tuples.size());
        for (Object[] t : tuples) {
            rows.add(new Row((SprintItem) t[0], (BacklogItemCopy) t[1]));
        }
        return rows;
    }

    /** Committed points per open sprint, for lists: one grouped query for a page of sprints. */
    public Map<UUID, int[]> committedAndDone(Collection<UUID> sprintIds) {
        Map<UUID, int[]> result = new HashMap<>();
        if (sprintIds.isEmpty()) {
            return result;
        }
        List<Object[]> tuples = em.createQuery("""
                        select si.sprintId, si.column, sum(coalesce(c.estimate, 0))
                        from SprintItem si, BacklogItemCopy c
                        where c.itemId = si.itemId and si.sprintId in :sprints and si.status <> :removed
                        group by si.sprintId, si.column""", Object[].class)
                .setParameter("sprints", sprintIds)
                .setParameter("removed", SprintItemStatus.REMOVED)
                .getResultList();
        for (Object[] t : tuples) {
            int[] tally = result.computeIfAbsent((UUID) t[0], k -> new int[2]);
            int points = ((Number) t[2]).intValue();
            tally[0] += points;
            if (t[1] == BoardColumn.DONE) {
                tally[1] += points;
            }
        }
        return result;
    }

    public Map<String, String> allianceNames(Collection<String> allianceIds) {
        Map<String, String> names = new HashMap<>();
        if (allianceIds.isEmpty()) {
            return names;
        }
        for (AllianceCopy alliance : AllianceCopy.<AllianceCopy>list("allianceId in ?1", allianceIds)) {
            names.put(alliance.allianceId, alliance.name);
        }
        return names;
    }

    /**
     * Totals against capacity, the load per alliance and per member, with the over-capacity (team and member) and
     * concentration warnings.
     *
     * @param capacity the sprint's capacity plan, one entry per member
     */
    public static PlanningSummary summary(Sprint sprint, List<Row> rows, Map<String, String> names,
                                          Visibility visibility, List<SprintCapacity> capacity,
                                          List<PlanningSummary.Warning> dependencyWarnings) {
        int committed = 0;
        int completed = 0;
        int unestimated = 0;
        Map<String, int[]> byAlliance = new LinkedHashMap<>();
        for (Row row : rows) {
            committed += row.points();
            if (row.done()) {
                completed += row.points();
            }
            if (row.copy().estimate == null) {
                unestimated++;
            }
            int[] tally = byAlliance.computeIfAbsent(row.item().allianceId, k -> new int[2]);
            tally[0] += row.points();
            tally[1]++;
        }
        List<PlanningSummary.AllianceLoad> loads = new ArrayList<>();
        List<PlanningSummary.Warning> warnings = new ArrayList<>();
        boolean over = committed > sprint.capacityPoints;
        if (over) {
            warnings.add(new PlanningSummary.Warning("OVER_CAPACITY", "committed " + committed
                    + " points against a capacity of " + sprint.capacityPoints + " (" + (committed - sprint.capacityPoints)
                    + " over)"));
        }
        for (Concentration.Load load : Concentration.loads(byAlliance, sprint.capacityPoints)) {
            boolean visible = visibility.canSee(load.allianceId());
            String name = visible ? names.getOrDefault(load.allianceId(), load.allianceId()) : null;
            loads.add(new PlanningSummary.AllianceLoad(visible ? load.allianceId() : null, name, !visible,
                    load.points(), load.items(), load.shareOfCommitted(), load.shareOfCapacity(), load.concentrated()));
            if (load.concentrated()) {
                String who = visible ? name + " (" + load.allianceId() + ")" : "an alliance you cannot see";
                warnings.add(new PlanningSummary.Warning("CONCENTRATION", who + " takes "
                        + Math.round(load.shareOfCommitted() * 100) + "% of the committed points (" + load.points()
                        + " of " + committed + "); keep any one alliance at or below a third of the team's work"));
            }
        }
        List<PlanningSummary.MemberLoad> members = memberLoads(rows, capacity);
        for (PlanningSummary.MemberLoad member : members) {
            if (member.overCapacity()) {
                warnings.add(new PlanningSummary.Warning("MEMBER_OVER_CAPACITY", member.displayName() + " holds "
                        + member.committedPoints() + " points against a capacity of " + member.capacityPoints() + " ("
                        + (member.committedPoints() - member.capacityPoints()) + " over)"));
            }
        }
        warnings.addAll(dependencyWarnings);
        return new PlanningSummary(sprint.capacityPoints, committed, completed, committed - completed, rows.size(),
                unestimated, over, loads, members, warnings);
    }

    /**
     * A DEPENDENCY warning for each unfinished card whose item depends on one that is neither done nor on an open
     * board (this sprint's or another's). Costs one statement, and none when no card has dependencies.
     */
    public List<PlanningSummary.Warning> dependencyWarnings(List<Row> rows, Visibility visibility) {
        Set<UUID> onThisBoard = new HashSet<>();
        for (Row row : rows) {
            onThisBoard.add(row.item().itemId);
        }
        Set<UUID> wanted = new HashSet<>();
        for (Row row : rows) {
            if (!row.done() && row.copy().dependsOn != null) {
                for (String id : row.copy().dependsOn) {
                    UUID dependency = UUID.fromString(id);
                    if (!onThisBoard.contains(dependency)) {
                        wanted.add(dependency);
                    }
                }
            }
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        Map<UUID, Object[]> found = new HashMap<>();
        for (Object[] t : em.createQuery("""
                        select c.itemId, c.title, c.allianceId, c.status,
                               (select count(si) from SprintItem si where si.itemId = c.itemId and si.open = true)
                        from BacklogItemCopy c where c.itemId in :ids""", Object[].class)
                .setParameter("ids", wanted).getResultList()) {
            found.put((UUID) t[0], t);
        }
        List<PlanningSummary.Warning> warnings = new ArrayList<>();
        for (Row row : rows) {
            if (row.done() || row.copy().dependsOn == null) {
                continue;
            }
            for (String id : row.copy().dependsOn) {
                UUID dependency = UUID.fromString(id);
                Object[] t = found.get(dependency);
                boolean ready = onThisBoard.contains(dependency)
                        || t != null && ("DONE".equals(t[3]) || ((Number) t[4]).longValue() > 0);
                if (!ready) {
                    String item = visibility.canSee(row.item().allianceId) ? "'" + row.copy().title + "'"
                            : "an item of an alliance you cannot see";
                    String before = t == null ? "an item planning does not know"
                            : visibility.canSee((String) t[2]) ? "'" + t[1] + "'" : "an item you cannot see";
                    warnings.add(new PlanningSummary.Warning("DEPENDENCY", item + " depends on " + before
                            + ", which is neither done nor planned in a sprint"));
                }
            }
        }
        return warnings;
    }

    private static List<PlanningSummary.MemberLoad> memberLoads(List<Row> rows, List<SprintCapacity> capacity) {
        Map<String, int[]> byAssignee = new HashMap<>();
        for (Row row : rows) {
            if (row.item().assignee != null) {
                int[] tally = byAssignee.computeIfAbsent(row.item().assignee, k -> new int[2]);
                tally[0] += row.points();
                tally[1]++;
            }
        }
        List<PlanningSummary.MemberLoad> loads = new ArrayList<>();
        for (SprintCapacity member : capacity) {
            int[] tally = byAssignee.getOrDefault(member.userId, new int[2]);
            loads.add(new PlanningSummary.MemberLoad(member.userId, member.displayName, member.capacityPoints,
                    tally[0], tally[1], tally[0] > member.capacityPoints));
        }
        return loads;
    }
}
