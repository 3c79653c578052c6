package io.entente.backlog.service;

import io.entente.backlog.api.NewItem;
import io.entente.backlog.domain.Discipline;
import io.entente.backlog.domain.ItemType;
import io.entente.events.governance.MeetingEvent.PulseConcernRaised;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Locale;

/**
 * A concern from the partner-experience pulse becomes an item for the alliance-health team. One item per alliance,
 * quarter and question: the concern's key is the item's source, so a replay or a second concern finds it.
 */
@ApplicationScoped
@Transactional
public class PulseConcernFollowUp {

    private final ItemWriter writer;
    private final EntityManager em;

    public PulseConcernFollowUp(ItemWriter writer, EntityManager em) {
        this.writer = writer;
        this.em = em;
    }

    public void plan(PulseConcernRaised concern) {
        String sourceRef = "pulse-concern:" + concern.concernKey();
        Long existing = em.createQuery("select count(b) from BacklogItem b where b.sourceRef = :ref", Long.class)
                .setParameter("ref", sourceRef).getSingleResult();
        if (existing > 0) {
            return;
        }
        String title = "Partner pulse: " + label(concern.question()) + " in " + concern.quarter();
        String description = "The partner-experience pulse of " + concern.quarter() + " crossed a threshold on "
                + label(concern.question()) + ": " + concern.reason() + ". Answers: our side " + concern.ourCount()
                + ", partner side " + concern.partnerCount() + ". See the alliance's Partner pulse.";
        writer.createAndRecord(NewItem.of(concern.allianceId(), title, description, Discipline.ALLIANCE_HEALTH,
                ItemType.TASK, null, null, null, sourceRef));
    }

    // The question's key as words: "decisionQuality" -> "decision quality".
    private static String label(String question) {
        return question == null ? "a question"
                : question.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
