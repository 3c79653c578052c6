package io.entente.backlog.service;

import io.entente.backlog.api.BacklogItemView;
import io.entente.backlog.api.NewItem;
import io.entente.backlog.api.PlaybookApplicationRequest;
import io.entente.backlog.api.PlaybookApplicationView;
import io.entente.backlog.api.PlaybookView;
import io.entente.backlog.domain.Alliance;
import io.entente.backlog.domain.ItemType;
import io.entente.backlog.domain.Playbook;
import io.entente.backlog.domain.PlaybookTask;
import io.entente.platform.paging.Keyset;
import io.entente.platform.paging.Limit;
import io.entente.platform.paging.Page;
import io.entente.platform.paging.SortKey;
import io.entente.platform.paging.Where;
import io.entente.platform.problem.Problems;
import io.entente.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class PlaybookService {

    static final List<SortKey<Playbook>> SORTS = List.of(
            SortKey.of("name", "e.name", v -> v, p -> p.name),
            SortKey.unique("key", "e.key", v -> v, p -> p.key));

    private static final Keyset<Playbook> KEYSET = Keyset.of(Playbook.class, "id", p -> p.id, UUID::fromString);

    private final EntityManager em;
    private final CurrentUser user;
    private final ItemWriter writer;
    private final AllianceService alliances;

    public PlaybookService(EntityManager em, CurrentUser user, ItemWriter writer, AllianceService alliances) {
        this.em = em;
        this.user = user;
        this.writer = writer;
        this.alliances = alliances;
    }

    /** The shared catalogue, by name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PlaybookView> list(String sort, String after, Integer limit) {
        int size = Limit.of(limit);
        SortKey<Playbook> order = SortKey.choose(sort, SORTS);
        return KEYSET.page(em, Where.all(), order, after, size).map(PlaybookView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlaybookView get(String idOrKey) {
        return PlaybookView.of(find(idOrKey).orElseThrow(() -> Problems.notFound("playbook", idOrKey)));
    }

    /** All of the playbook's items or none: one transaction. */
    public PlaybookApplicationView apply(String allianceKey, PlaybookApplicationRequest request) {
        Alliance alliance = alliances.visible(allianceKey);
        Playbook playbook = find(request.playbook())
                .orElseThrow(() -> Problems.invalid("playbook", "no playbook with id or key '" + request.playbook()
                        + "'"));
        UUID applicationId = UUID.randomUUID();
        Instant now = writer.now();
        em.createNativeQuery("""
                        insert into playbook_application (id, playbook_id, alliance_id, anchor_date, applied_by,
                                                          applied_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, applicationId).setParameter(2, playbook.id).setParameter(3, alliance.key)
                .setParameter(4, request.anchorDate()).setParameter(5, user.id()).setParameter(6, now)
                .executeUpdate();
        List<BacklogItemView> items = createItems(alliance.key, playbook, request.anchorDate(), ItemType.TASK,
                "playbook:" + playbook.id, null, null);
        return new PlaybookApplicationView(applicationId, playbook.id, playbook.key, alliance.key,
                request.anchorDate(), user.id(), now, items);
    }

    /** The items of a playbook's tasks, due at anchor + offset; used by users and by event handlers alike. */
    public List<BacklogItemView> createItems(String allianceKey, Playbook playbook, LocalDate anchor, ItemType type,
                                             String sourceRef, String titleSuffix, String owner) {
        List<BacklogItemView> created = new ArrayList<>();
        for (PlaybookTask task : playbook.tasks) {
            String title = titleSuffix == null ? task.title : task.title + ": " + titleSuffix;
            if (title.length() > 200) {
                title = title.substring(0, 199) + "…";
            }
            created.add(writer.createAndRecord(NewItem.of(allianceKey, title, task.description, task.discipline,
                    type, task.estimate, owner, task.dueFrom(anchor), sourceRef)));
        }
        return created;
    }

    public Optional<Playbook> find(String idOrKey) {
        List<Playbook> found;
        try {
            UUID id = UUID.fromString(idOrKey);
            found = em.createQuery("select p from Playbook p left join fetch p.tasks where p.id = :id",
                    Playbook.class).setParameter("id", id).getResultList();
        } catch (IllegalArgumentException notAnId) {
            found = em.createQuery("select p from Playbook p left join fetch p.tasks where p.key = :key",
                    Playbook.class).setParameter("key", idOrKey).getResultList();
        }
        return found.stream().findFirst();
    }
}
