package io.entente.sprint.service;

import io.entente.sprint.domain.Sprint;
import io.entente.sprint.domain.SprintState;
import io.entente.sprint.domain.Team;
import io.entente.sprint.api.SprintListItem;
import io.entente.sprint.api.SprintView;
import io.entente.platform.paging.Keyset;
import io.entente.platform.paging.Page;
import io.entente.platform.paging.SortKey;
import io.entente.platform.paging.Where;
import jakarta.persistence.EntityManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** One sprint and the list of sprints. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SprintQueries {

    private final SprintViews views;
    private final BoardRows board;
    private final EntityManager em;

    public SprintQueries(SprintViews views, BoardRows board, EntityManager em) {
        this.views = views;
        this.board = board;
        this.em = em;
    }

    private static final Keyset<Sprint> SPRINTS = Keyset.of(Sprint.class, "id", s -> s.id, UUID::fromString);
    private static final SortKey<Sprint> NEWEST_FIRST = SortKey.<Sprint>of("startDate", "e.startDate",
            LocalDate::parse, s -> s.startDate).reversed();


    public SprintView get(UUID id) {
        Sprint sprint = SprintRules.require(id);
        return views.of(sprint, Team.findById(sprint.teamId));
    }

    /** Newest first; filters: team, state. */
    public Page<SprintListItem> list(UUID teamId, SprintState state, int limit, String after) {
        Where where = Where.all().and("e.teamId = :team", "team", teamId).and("e.state = :state", "state", state);
        Page<Sprint> page = SPRINTS.page(em, where, NEWEST_FIRST, after, limit);
        List<Sprint> sprints = page.items();
        Map<UUID, String> teamNames = sprints.isEmpty() ? Map.of()
                : Team.<Team>list("id in ?1", sprints.stream().map(s -> s.teamId).distinct().toList()).stream()
                .collect(Collectors.toMap(t -> t.id, t -> t.name));
        Map<UUID, int[]> totals = board.committedAndDone(sprints.stream().map(s -> s.id).toList());
        return page.map(s -> {
            int[] tally = totals.getOrDefault(s.id, new int[2]);
            return new SprintListItem(s.id, s.teamId, teamNames.get(s.teamId), s.name, s.goal, s.startDate,
                    s.endDate, s.state, s.capacityPoints,
                    s.committedPoints != null ? s.committedPoints : tally[0],
                    s.completedPoints != null ? s.completedPoints : tally[1], s.version);
        });
    }
}
