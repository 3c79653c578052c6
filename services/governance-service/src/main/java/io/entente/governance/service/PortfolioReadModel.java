package io.entente.governance.service;

import io.entente.events.backlog.AllianceEvent.AlliancePhaseChanged;
import io.entente.events.backlog.AllianceEvent.AllianceRegistered;
import io.entente.events.backlog.AllianceEvent.AllianceUpdated;
import io.entente.events.backlog.ObligationEvent.ObligationDue;
import io.entente.events.backlog.ObligationEvent.ObligationMet;
import io.entente.events.backlog.ObligationEvent.ObligationMissed;
import io.entente.events.backlog.ObligationEvent.ObligationRegistered;
import io.entente.events.backlog.RiskEvent.RiskClosed;
import io.entente.events.backlog.RiskEvent.RiskRaised;
import io.entente.events.backlog.RiskEvent.RiskScored;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Keeps the copies of alliances, risks and obligations a packet is built from. Events of different aggregates can
 * arrive in any order, so each one upserts, and a terminal state (closed, met) is never reopened by a late event.
 */
@ApplicationScoped
@Transactional
public class PortfolioReadModel {

    private final EntityManager em;
    private final Clock clock;

    public PortfolioReadModel(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    public void allianceRegistered(AllianceRegistered e) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("""
                        insert into alliance_ref (alliance_id, name, partner, tier, phase, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6)
                        on conflict (alliance_id) do update set name = excluded.name, partner = excluded.partner,
                            tier = excluded.tier, phase = coalesce(alliance_ref.phase, excluded.phase),
                            updated_at = excluded.updated_at""")
                .setParameter(1, e.allianceId()).setParameter(2, e.name()).setParameter(3, e.partner())
                .setParameter(4, e.tier()).setParameter(5, e.phase()).setParameter(6, now).executeUpdate();
    }

    public void allianceUpdated(AllianceUpdated e) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("""
                        insert into alliance_ref (alliance_id, name, partner, tier, updated_at)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (alliance_id) do update set name = excluded.name, partner = excluded.partner,
                            tier = excluded.tier, updated_at = excluded.updated_at""")
                .setParameter(1, e.allianceId()).setParameter(2, e.name()).setParameter(3, e.partner())
                .setParameter(4, e.tier()).setParameter(5, now).executeUpdate();
    }

    public void alliancePhaseChanged(AlliancePhaseChanged e) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("""
                        insert into alliance_ref (alliance_id, phase, updated_at) values (?1, ?2, ?3)
                        on conflict (alliance_id) do update set phase = excluded.phase,
                            updated_at = excluded.updated_at""")
                .setParameter(1, e.allianceId()).setParameter(2, e.toPhase()).setParameter(3, now)
                .executeUpdate();
    }

    public void riskRaised(RiskRaised e) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("""
                        insert into risk_ref (risk_id, alliance_id, title, category, likelihood, impact, score,
                                              owner, mitigation, status, next_review_date, above_threshold,
                                              updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
                        on conflict (risk_id) do update set title = excluded.title,
                            category = excluded.category, owner = excluded.owner,
                            mitigation = excluded.mitigation,
                            likelihood = coalesce(risk_ref.likelihood, excluded.likelihood),
                            impact = coalesce(risk_ref.impact, excluded.impact),
                            score = coalesce(risk_ref.score, excluded.score),
                            above_threshold = case when risk_ref.score is null then excluded.above_threshold
                                                   else risk_ref.above_threshold end,
                            next_review_date = coalesce(risk_ref.next_review_date, excluded.next_review_date),
                            status = case when risk_ref.status = 'CLOSED' then 'CLOSED'
                                          else excluded.status end,
                            updated_at = excluded.updated_at""")
                .setParameter(1, e.riskId()).setParameter(2, e.allianceId()).setParameter(3, e.title())
                .setParameter(4, e.category()).setParameter(5, e.likelihood()).setParameter(6, e.impact())
                .setParameter(7, e.score()).setParameter(8, e.owner()).setParameter(9, e.mitigation())
                .setParameter(10, e.status() == null ? "OPEN" : e.status())
                .setParameter(11, e.nextReviewDate()).setParameter(12, e.aboveThreshold())
                .setParameter(13, now).executeUpdate();
    }

    public void riskScored(RiskScored e) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("""
                        insert into risk_ref (risk_id, alliance_id, likelihood, impact, score, above_threshold,
                                              next_review_date, status, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'OPEN', ?8)
                        on conflict (risk_id) do update set likelihood = excluded.likelihood,
                            impact = excluded.impact, score = excluded.score,
                            above_threshold = excluded.above_threshold,
                            next_review_date = excluded.next_review_date, updated_at = excluded.updated_at""")
                .setParameter(1, e.riskId()).setParameter(2, e.allianceId()).setParameter(3, e.likelihood())
                .setParameter(4, e.impact()).setParameter(5, e.score()).setParameter(6, e.aboveThreshold())
                .setParameter(7, e.nextReviewDate()).setParameter(8, now).executeUpdate();
    }

    public void riskClosed(RiskClosed e) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("""
                        insert into risk_ref (risk_id, alliance_id, status, updated_at)
                        values (?1, ?2, 'CLOSED', ?3)
                        on conflict (risk_id) do update set status = 'CLOSED', updated_at = excluded.updated_at""")
                .setParameter(1, e.riskId()).setParameter(2, e.allianceId()).setParameter(3, now)
                .executeUpdate();
    }

    public void obligationRegistered(ObligationRegistered e) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        upsertObligation(e.obligationId(), e.allianceId(), e.title(), e.clauseRef(), e.kind(), e.owedBy(),
                e.dueDate(), e.leadTimeDays(), "REGISTERED", now);
    }

    public void obligationDue(ObligationDue e) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        upsertObligation(e.obligationId(), e.allianceId(), e.title(), e.clauseRef(), e.kind(), e.owedBy(),
                e.dueDate(), e.leadTimeDays(), "DUE", now);
    }

    public void obligationMet(ObligationMet e) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        obligationState(e.obligationId(), e.allianceId(), "MET", now);
    }

    public void obligationMissed(ObligationMissed e) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        obligationState(e.obligationId(), e.allianceId(), "MISSED", now);
    }

    private void upsertObligation(String id, String alliance, String title, String clause, String kind, String owedBy,
                                  java.time.LocalDate due, int leadTime, String status, OffsetDateTime now) {
        // A recurring obligation re-enters its window with a new due date; a met or missed one stays settled
        // for the due date it was settled for.
        em.createNativeQuery("""
                        insert into obligation_ref (obligation_id, alliance_id, title, clause_ref, kind, owed_by,
                                                    due_date, lead_time_days, status, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                        on conflict (obligation_id) do update set title = excluded.title,
                            clause_ref = excluded.clause_ref, kind = excluded.kind, owed_by = excluded.owed_by,
                            due_date = excluded.due_date, lead_time_days = excluded.lead_time_days,
                            status = case
                                when obligation_ref.status in ('MET', 'MISSED')
                                     and obligation_ref.due_date = excluded.due_date then obligation_ref.status
                                when obligation_ref.status = 'DUE' and excluded.status = 'REGISTERED'
                                     and obligation_ref.due_date = excluded.due_date then 'DUE'
                                else excluded.status end,
                            updated_at = excluded.updated_at""")
                .setParameter(1, id).setParameter(2, alliance).setParameter(3, title).setParameter(4, clause)
                .setParameter(5, kind).setParameter(6, owedBy).setParameter(7, due).setParameter(8, leadTime)
                .setParameter(9, status).setParameter(10, now).executeUpdate();
    }

    private void obligationState(String id, String alliance, String status, OffsetDateTime now) {
        em.createNativeQuery("""
                        insert into obligation_ref (obligation_id, alliance_id, status, updated_at)
                        values (?1, ?2, ?3, ?4)
                        on conflict (obligation_id) do update set status = excluded.status,
                            updated_at = excluded.updated_at""")
                .setParameter(1, id).setParameter(2, alliance).setParameter(3, status).setParameter(4, now)
                .executeUpdate();
    }
}
