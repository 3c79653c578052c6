package io.entente.backlog.service;

import io.entente.backlog.api.BacklogItemView;
import io.entente.backlog.config.BacklogConfig;
import io.entente.backlog.domain.BacklogItem;
import io.entente.backlog.domain.ItemStatus;
import io.entente.backlog.domain.ItemType;
import io.entente.backlog.domain.Playbook;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemDropped;
import io.entente.events.decision.DecisionEvent.DecisionOpened;
import io.entente.events.decision.DecisionEvent.DecisionWithdrawn;
import io.entente.platform.audit.ChangeLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.List;

/**
 * An opened decision gets its preparation work in the backlog, from the decision-preparation playbook, due before
 * the date its preparation must be finished (due date minus lead time). A withdrawn decision's open prep items are
 * dropped.
 */
@ApplicationScoped
@Transactional
public class DecisionPreparation {

    private static final Logger LOG = Logger.getLogger(DecisionPreparation.class);

    private final PlaybookService playbooks;
    private final ItemWriter writer;
    private final ChangeLog changes;
    private final EntityManager em;
    private final BacklogConfig config;

    public DecisionPreparation(PlaybookService playbooks, ItemWriter writer, ChangeLog changes, EntityManager em,
                               BacklogConfig config) {
        this.playbooks = playbooks;
        this.writer = writer;
        this.changes = changes;
        this.em = em;
        this.config = config;
    }

    public void open(DecisionOpened opened) {
        String sourceRef = "decision:" + opened.decisionId();
        // Idempotent per decision, not only per event: a re-published DecisionOpened adds nothing.
        if (!prepItems(sourceRef).isEmpty()) {
            return;
        }
        if (opened.dueDate() == null) {
            LOG.warnf("decision %s has no due date; no prep items created", opened.decisionId());
            return;
        }
        Playbook playbook = playbooks.find(config.decisionPlaybook()).orElseThrow(() -> new IllegalStateException(
                "playbook " + config.decisionPlaybook() + " is missing"));
        LocalDate prepDeadline = opened.dueDate().minusDays(Math.max(0, opened.leadTimeDays()));
        playbooks.createItems(opened.allianceId(), playbook, prepDeadline, ItemType.DECISION_PREP, sourceRef,
                opened.title(), opened.driver());
    }

    public void withdraw(DecisionWithdrawn withdrawn) {
        for (BacklogItem item : prepItems("decision:" + withdrawn.decisionId())) {
            if (item.isClosed() || item.status == ItemStatus.IN_SPRINT) {
                continue;
            }
            BacklogItemView before = writer.view(item);
            item.drop(writer.now());
            em.flush();
            changes.record(new BacklogItemDropped(item.id.toString(), item.allianceId,
                    "decision withdrawn" + (withdrawn.reason() == null ? "" : ": " + withdrawn.reason())),
                    before, writer.view(item));
        }
    }

    private List<BacklogItem> prepItems(String sourceRef) {
        return em.createQuery("select b from BacklogItem b where b.sourceRef = :ref order by b.rank",
                BacklogItem.class).setParameter("ref", sourceRef).getResultList();
    }
}
