package io.entente.governance.service;

import io.entente.events.governance.MeetingEvent.PulseConcernRaised;
import io.entente.governance.domain.PulseAnswer;
import io.entente.governance.domain.PulseRules;
import io.entente.governance.domain.PulseRules.QuestionResult;
import io.entente.platform.audit.ChangeLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Raises a concern the first time an alliance's pulse in a quarter crosses a threshold on a question. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PulseConcerns {

    private final ChangeLog changes;
    private final EntityManager em;
    private final Clock clock;

    public PulseConcerns(ChangeLog changes, EntityManager em, Clock clock) {
        this.changes = changes;
        this.em = em;
        this.clock = clock;
    }

    public void evaluate(String allianceId, String quarter, UUID meetingId) {
        em.flush();
        List<PulseRules.Scored> answers = PulseAnswer.<PulseAnswer>list("allianceId = ?1 and quarter = ?2",
                allianceId, quarter).stream().map(a -> new PulseRules.Scored(a.side, a.scores())).toList();
        for (QuestionResult result : PulseRules.aggregate(answers)) {
            Optional<String> reason = result.concern();
            if (reason.isPresent() && claim(allianceId, quarter, result, reason.get())) {
                String key = allianceId + ":" + quarter + ":" + result.question().key();
                changes.record(new PulseConcernRaised(meetingId.toString(), allianceId, key, quarter,
                        result.question().key(), reason.get(), result.ours().mean(), result.ours().count(),
                        result.partner().mean(), result.partner().count()), null,
                        Map.of("concern", key, "reason", reason.get()));
            }
        }
    }

    // The key row decides: a concurrent answer that finds the same concern inserts nothing and raises nothing.
    private boolean claim(String allianceId, String quarter, QuestionResult result, String reason) {
        return em.createNativeQuery("""
                        insert into pulse_concern (alliance_id, quarter, question, raised_at, reason)
                        values (?1, ?2, ?3, ?4, ?5) on conflict do nothing""")
                .setParameter(1, allianceId).setParameter(2, quarter).setParameter(3, result.question().key())
                .setParameter(4, OffsetDateTime.now(clock)).setParameter(5, reason)
                .executeUpdate() == 1;
    }
}
