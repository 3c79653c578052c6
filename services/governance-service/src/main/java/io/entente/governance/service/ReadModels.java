package io.entente.governance.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entente.events.decision.DecisionEvent;
import io.entente.governance.domain.packet.PacketContent.ActionEntry;
import io.entente.governance.domain.packet.PacketContent.DecisionEntry;
import io.entente.governance.domain.packet.PacketContent.EscalationEntry;
import io.entente.governance.domain.packet.PacketContent.ObligationEntry;
import io.entente.governance.domain.packet.PacketContent.OptionEntry;
import io.entente.governance.domain.packet.PacketContent.ProgressItem;
import io.entente.governance.domain.packet.PacketContent.RiskEntry;
import io.entente.governance.domain.packet.PacketContent.SprintProgress;
import io.entente.platform.db.JsonColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads the copies of other services' data that the events built. */
@ApplicationScoped
public class ReadModels {

    public record AllianceInfo(String allianceId, String name, String partner, Integer tier, String phase) {
    }

    /** An open decision with what the packet and the agenda need, before filtering by body and horizon. */
    public record OpenDecision(DecisionEntry entry, EscalationEntry escalation) {
    }

    private static final ObjectMapper OPTIONS = JsonColumns.mapper();

    private final EntityManager em;

    public ReadModels(EntityManager em) {
        this.em = em;
    }

    public Optional<AllianceInfo> alliance(String allianceId) {
        List<?> rows = em.createNativeQuery(
                        "select alliance_id, name, partner, tier, phase from alliance_ref where alliance_id = ?1")
                .setParameter(1, allianceId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new AllianceInfo((String) r[0], (String) r[1], (String) r[2],
                r[3] == null ? null : ((Number) r[3]).intValue(), (String) r[4]));
    }

    /** Option keys of a known decision, or empty when the decision has not reached this service yet. */
    public Optional<DecisionEntry> decision(String decisionId) {
        return openOrAny("where decision_id = ?1", decisionId).stream().findFirst().map(OpenDecision::entry);
    }

    public List<OpenDecision> openDecisions(String allianceId) {
        return openOrAny("where alliance_id = ?1 and status = 'OPEN' and title is not null", allianceId);
    }

    private List<OpenDecision> openOrAny(String where, String parameter) {
        List<?> rows = em.createNativeQuery("""
                        select decision_id, title, question, context, cast(options_json as text), governance_body, due_date,
                               lead_time_days, driver, approver, status, proposed_option, risk_state, escalated_to,
                               internal_notes, escalated_from, escalation_level, escalation_reason, respond_by,
                               alliance_id
                        from decision_ref
                        """ + where + " order by due_date nulls last, decision_id")
                .setParameter(1, parameter).getResultList();
        List<OpenDecision> decisions = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            List<OptionEntry> options = options((String) r[4]).stream()
                    .map(o -> new OptionEntry(o.key(), o.title(), o.pros(), o.cons())).toList();
            DecisionEntry entry = new DecisionEntry((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                    options, (String) r[5], date(r[6]), integer(r[7]), (String) r[8], (String) r[9],
                    (String) r[10], (String) r[11], r[12] == null ? "ON_TRACK" : (String) r[12], (String) r[13],
                    (String) r[14]);
            EscalationEntry escalation = r[13] == null ? null : new EscalationEntry((String) r[0], (String) r[1],
                    (String) r[15], (String) r[13], integer(r[16]), (String) r[17], date(r[18]));
            decisions.add(new OpenDecision(entry, escalation));
        }
        return decisions;
    }

    public String decisionAlliance(String decisionId) {
        List<?> rows = em.createNativeQuery("select alliance_id from decision_ref where decision_id = ?1")
                .setParameter(1, decisionId).getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    public List<RiskEntry> risksOverThreshold(String allianceId) {
        List<?> rows = em.createNativeQuery("""
                        select risk_id, title, category, owner, mitigation, next_review_date, likelihood, impact, score
                        from risk_ref
                        where alliance_id = ?1 and status <> 'CLOSED' and above_threshold and title is not null
                        order by score desc nulls last, risk_id""")
                .setParameter(1, allianceId).getResultList();
        List<RiskEntry> risks = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            risks.add(new RiskEntry((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    date(r[5]), integer(r[6]), integer(r[7]), integer(r[8])));
        }
        return risks;
    }

    public List<ObligationEntry> obligationsDueBy(String allianceId, LocalDate horizon) {
        List<?> rows = em.createNativeQuery("""
                        select obligation_id, title, clause_ref, kind, owed_by, due_date, status
                        from obligation_ref
                        where alliance_id = ?1 and status in ('REGISTERED', 'DUE', 'MISSED') and title is not null
                          and due_date <= ?2
                        order by due_date, obligation_id""")
                .setParameter(1, allianceId).setParameter(2, horizon).getResultList();
        List<ObligationEntry> obligations = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            obligations.add(new ObligationEntry((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                    (String) r[4], date(r[5]), (String) r[6]));
        }
        return obligations;
    }

    /** Sprints that ran between {@code since} and {@code until} with this alliance's items, and those items. */
    public List<SprintProgress> progress(String allianceId, LocalDate since, LocalDate until) {
        List<?> rows = em.createNativeQuery("""
                        select si.sprint_id, s.team_name, s.name, s.start_date, s.end_date, s.state, si.item_id,
                               i.title, si.board_column, coalesce(si.estimate, i.estimate)
                        from sprint_item si
                        left join sprint_ref s on s.sprint_id = si.sprint_id
                        left join item_ref i on i.item_id = si.item_id
                        where si.alliance_id = ?1 and not si.removed
                          and (s.end_date is null or s.end_date >= ?2)
                          and (s.start_date is null or s.start_date <= ?3)
                        order by s.start_date nulls last, si.sprint_id, i.title nulls last, si.item_id""")
                .setParameter(1, allianceId).setParameter(2, since).setParameter(3, until).getResultList();
        Map<String, List<Object[]>> bySprint = new LinkedHashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            bySprint.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(r);
        }
        List<SprintProgress> sprints = new ArrayList<>();
        for (Map.Entry<String, List<Object[]>> sprint : bySprint.entrySet()) {
            Object[] first = sprint.getValue().get(0);
            int done = 0;
            int committedPoints = 0;
            int donePoints = 0;
            List<ProgressItem> items = new ArrayList<>();
            for (Object[] r : sprint.getValue()) {
                Integer estimate = integer(r[9]);
                boolean isDone = "DONE".equals(r[8]);
                committedPoints += estimate == null ? 0 : estimate;
                if (isDone) {
                    done++;
                    donePoints += estimate == null ? 0 : estimate;
                }
                items.add(new ProgressItem((String) r[6], r[7] == null ? "(item " + r[6] + ")" : (String) r[7],
                        (String) r[8], estimate));
            }
            sprints.add(new SprintProgress(sprint.getKey(), (String) first[1],
                    first[2] == null ? "Sprint " + sprint.getKey() : (String) first[2], date(first[3]),
                    date(first[4]), (String) first[5], items.size(), done, committedPoints, donePoints, items));
        }
        return sprints;
    }

    /** Open action items of the alliance raised in meetings before {@code before}. */
    public List<ActionEntry> openActionItems(String allianceId, UUID exceptMeeting, OffsetDateTime before,
                                             LocalDate today) {
        List<?> rows = em.createNativeQuery("""
                        select a.id, a.title, a.owner, a.due_date, a.status, m.title, m.starts_at, m.time_zone
                        from action_item a join meeting m on m.id = a.meeting_id
                        where a.alliance_id = ?1 and a.status = 'OPEN' and a.meeting_id <> ?2 and m.starts_at < ?3
                        order by a.due_date, a.id""")
                .setParameter(1, allianceId).setParameter(2, exceptMeeting).setParameter(3, before)
                .getResultList();
        List<ActionEntry> actions = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            LocalDate due = date(r[3]);
            LocalDate raised = instant(r[6]).atZone(java.time.ZoneId.of((String) r[7])).toLocalDate();
            actions.add(new ActionEntry(r[0].toString(), (String) r[1], (String) r[2], due, (String) r[4],
                    due != null && due.isBefore(today), (String) r[5], raised));
        }
        return actions;
    }

    private static List<DecisionEvent.Option> options(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return OPTIONS.readValue(json, OPTIONS.getTypeFactory().constructCollectionType(List.class,
                    DecisionEvent.Option.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable options of a decision: " + json, e);
        }
    }

    static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        return ((Date) value).toLocalDate();
    }

    static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalArgumentException("not a timestamp: " + value);
    }
}
