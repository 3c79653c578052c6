package io.entente.governance.service;

import io.entente.governance.api.PulseAnswerRequest;
import io.entente.governance.api.PulseAnswered;
import io.entente.governance.api.PulseSurveyView;
import io.entente.governance.config.PulseConfig;
import io.entente.governance.domain.Meeting;
import io.entente.governance.domain.PulseAnswer;
import io.entente.governance.domain.PulseInvitation;
import io.entente.governance.domain.PulseQuestion;
import io.entente.governance.domain.PulseRules;
import io.entente.governance.domain.PulseToken;
import io.entente.platform.audit.ChangeLog;
import io.entente.platform.problem.ProblemException;
import io.entente.platform.text.FreeText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * The public side of the pulse: whoever holds a link reads its survey and answers it once. The link is the only
 * credential, so every refusal says what is wrong with the link without telling anything about the meeting.
 */
@ApplicationScoped
@Transactional
public class PulseSurveys {

    private final ChangeLog changes;
    private final PulseConcerns concerns;
    private final PulseToken tokens;
    private final Clock clock;

    public PulseSurveys(ChangeLog changes, PulseConcerns concerns, PulseConfig config, Clock clock) {
        this.changes = changes;
        this.concerns = concerns;
        this.tokens = new PulseToken(config.signingKey());
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PulseSurveyView survey(String token) {
        PulseInvitation invitation = invitation(token, false);
        Meeting meeting = Meeting.findById(invitation.meetingId);
        return new PulseSurveyView(meeting.title, meeting.localDate(),
                invitation.status(Instant.now(clock)).name(), invitation.expiresAt, PulseRules.MIN_SCORE,
                PulseRules.MAX_SCORE, PulseAnswerRequest.MAX_COMMENT, Arrays.stream(PulseQuestion.values())
                .map(q -> new PulseSurveyView.Question(q.key(), q.text())).toList());
    }

    /**
     * Stores the answer apart from the link, marks the link used, and raises a concern when the quarter's pulse
     * now crosses a threshold; all in one transaction, so a refused answer leaves nothing behind.
     */
    public PulseAnswered answer(String token, PulseAnswerRequest request) {
        // Locked, so that two posts of the same link at once store one answer and refuse the other as a replay.
        PulseInvitation invitation = invitation(token, true);
        Instant now = Instant.now(clock);
        invitation.answer(now);
        Map<PulseQuestion, Integer> scores = PulseRules.scores(request.preparation(), request.decisionQuality(),
                request.oneTeam(), request.recommend());
        PulseAnswer.of(invitation, scores, FreeText.orNull(request.comment())).persist();
        // The audit says that the link was used, never what was answered: the answer is not the person's record.
        changes.auditOnly("PulseAnswered", "pulse-invitation", invitation.id.toString(), invitation.allianceId,
                Map.of("status", "OPEN"), Map.of("status", "ANSWERED"));
        concerns.evaluate(invitation.allianceId, invitation.quarter, invitation.meetingId);
        return new PulseAnswered("ANSWERED", "Thank you: your answer was recorded.");
    }

    private PulseInvitation invitation(String token, boolean lock) {
        String id = tokens.verify(token).orElseThrow(PulseSurveys::unknown);
        PulseInvitation invitation = lock
                ? PulseInvitation.<PulseInvitation>find("tokenId", id).withLock(LockModeType.PESSIMISTIC_WRITE)
                        .firstResult()
                : PulseInvitation.<PulseInvitation>find("tokenId", id).firstResult();
        if (invitation == null || !invitation.secretHash.equals(PulseToken.hash(token))) {
            throw unknown();
        }
        return invitation;
    }

    private static ProblemException unknown() {
        return new ProblemException(404, "not-found", "Not found",
                "there is no survey at this address; check that the whole link was copied");
    }
}
