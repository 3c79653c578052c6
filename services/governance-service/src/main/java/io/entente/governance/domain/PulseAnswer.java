package io.entente.governance.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * One anonymous answer: the side and quarter it counts for, its scores and comment, and nothing that names the
 * respondent (no invitation, user or time): the quarter is the meeting's.
 */
@Entity
@Table(name = "pulse_answer")
public class PulseAnswer extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "meeting_id", nullable = false)
    public UUID meetingId;

    @Column(name = "alliance_id", nullable = false)
    public String allianceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Side side;

    @Column(nullable = false)
    public String quarter;

    public int preparation;

    @Column(name = "decision_quality")
    public int decisionQuality;

    @Column(name = "one_team")
    public int oneTeam;

    public int recommend;

    public String comment;

    public static PulseAnswer of(PulseInvitation invitation, Map<PulseQuestion, Integer> scores, String comment) {
        PulseAnswer answer = new PulseAnswer();
        answer.id = UUID.randomUUID();
        answer.meetingId = invitation.meetingId;
        answer.allianceId = invitation.allianceId;
        answer.side = invitation.side;
        answer.quarter = invitation.quarter;
        answer.preparation = PulseRules.score(scores, PulseQuestion.PREPARATION);
        answer.decisionQuality = PulseRules.score(scores, PulseQuestion.DECISION_QUALITY);
        answer.oneTeam = PulseRules.score(scores, PulseQuestion.ONE_TEAM);
        answer.recommend = PulseRules.score(scores, PulseQuestion.RECOMMEND);
        answer.comment = comment;
        return answer;
    }

    public Map<PulseQuestion, Integer> scores() {
        Map<PulseQuestion, Integer> scores = new EnumMap<>(PulseQuestion.class);
        scores.put(PulseQuestion.PREPARATION, preparation);
        scores.put(PulseQuestion.DECISION_QUALITY, decisionQuality);
        scores.put(PulseQuestion.ONE_TEAM, oneTeam);
        scores.put(PulseQuestion.RECOMMEND, recommend);
        return scores;
    }
}
