package io.entente.governance.service;

import io.entente.events.decision.DecisionEvent.DecisionDecided;
import io.entente.events.decision.DecisionEvent.DecisionDeferred;
import io.entente.events.decision.DecisionEvent.DecisionEscalated;
import io.entente.events.decision.DecisionEvent.DecisionOpened;
import io.entente.events.decision.DecisionEvent.DecisionProposed;
import io.entente.events.decision.DecisionEvent.DecisionRiskChanged;
import io.entente.events.decision.DecisionEvent.DecisionWithdrawn;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.entente.platform.db.JsonColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Keeps the copy of decisions the packet's decision and escalation sections read. A decision's other events may
 * arrive before its DecisionOpened (different services republish them); they create the row, and the opening
 * fills in the rest without undoing a later state.
 */
@ApplicationScoped
@Transactional
public class DecisionReadModel {

    private final EntityManager em;
    private final Clock clock;

    public DecisionReadModel(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    public void decisionOpened(DecisionOpened e) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("""
                        insert into decision_ref (decision_id, alliance_id, title, question, context, options_json,
                                                  governance_body, due_date, lead_time_days, driver, approver,
                                                  internal_notes, status, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), ?7, ?8, ?9, ?10, ?11, ?12, 'OPEN', ?13)
                        on conflict (decision_id) do update set title = excluded.title,
                            question = excluded.question, context = excluded.context,
                            options_json = excluded.options_json, governance_body = excluded.governance_body,
                            due_date = coalesce(decision_ref.due_date, excluded.due_date),
                            lead_time_days = excluded.lead_time_days, driver = excluded.driver,
                            approver = excluded.approver, internal_notes = excluded.internal_notes,
                            updated_at = excluded.updated_at""")
                .setParameter(1, e.decisionId()).setParameter(2, e.allianceId()).setParameter(3, e.title())
                .setParameter(4, e.question()).setParameter(5, e.context())
                .setParameter(6, json(e.options() == null ? List.of() : e.options()))
                .setParameter(7, e.governanceBody()).setParameter(8, e.dueDate())
                .setParameter(9, e.leadTimeDays()).setParameter(10, e.driver()).setParameter(11, e.approver())
                .setParameter(12, e.internalNotes()).setParameter(13, now).executeUpdate();
    }

    public void decisionProposed(DecisionProposed e) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        set(e.decisionId(), e.allianceId(), "proposed_option", e.proposedOption(), now);
    }

    public void decisionDecided(DecisionDecided e) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        close(e.decisionId(), e.allianceId(), "DECIDED", now);
    }

    public void decisionWithdrawn(DecisionWithdrawn e) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        close(e.decisionId(), e.allianceId(), "WITHDRAWN", now);
    }

    public void decisionDeferred(DecisionDeferred e) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        set(e.decisionId(), e.allianceId(), "due_date", e.newDueDate(), now);
    }

    public void decisionRiskChanged(DecisionRiskChanged e) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        set(e.decisionId(), e.allianceId(), "risk_state", e.toState(), now);
    }

    public void decisionEscalated(DecisionEscalated e) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("""
                        insert into decision_ref (decision_id, alliance_id, status, escalated_from, escalated_to,
                                                  escalation_level, escalation_reason, respond_by, updated_at)
                        values (?1, ?2, 'OPEN', ?3, ?4, ?5, ?6, ?7, ?8)
                        on conflict (decision_id) do update set escalated_from = excluded.escalated_from,
                            escalated_to = excluded.escalated_to, escalation_level = excluded.escalation_level,
                            escalation_reason = excluded.escalation_reason, respond_by = excluded.respond_by,
                            updated_at = excluded.updated_at
                        where decision_ref.escalation_level is null
                           or decision_ref.escalation_level <= excluded.escalation_level""")
                .setParameter(1, e.decisionId()).setParameter(2, e.allianceId()).setParameter(3, e.fromBody())
                .setParameter(4, e.toBody()).setParameter(5, e.level()).setParameter(6, e.reason())
                .setParameter(7, e.respondBy()).setParameter(8, now).executeUpdate();
    }

    private void close(String decisionId, String allianceId, String status, OffsetDateTime now) {
        em.createNativeQuery("""
                        insert into decision_ref (decision_id, alliance_id, status, updated_at) values (?1, ?2, ?3, ?4)
                        on conflict (decision_id) do update set status = excluded.status,
                            updated_at = excluded.updated_at""")
                .setParameter(1, decisionId).setParameter(2, allianceId).setParameter(3, status)
                .setParameter(4, now).executeUpdate();
    }

    // The column name is one of this class's constants, never input.
    private void set(String decisionId, String allianceId, String column, Object value, OffsetDateTime now) {
        em.createNativeQuery("insert into decision_ref (decision_id, alliance_id, status, " + column
                        + ", updated_at) values (?1, ?2, 'OPEN', ?3, ?4) on conflict (decision_id) do update set "
                        + column + " = excluded." + column + ", updated_at = excluded.updated_at")
                .setParameter(1, decisionId).setParameter(2, allianceId).setParameter(3, value)
                .setParameter(4, now).executeUpdate();
    }

    private static String json(Object value) {
        try {
            return JsonColumns.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
