package io.entente.governance.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the holder of a survey link sees: the meeting's title and day and the questions, nothing else of the meeting.
 * {@code status} is {@code OPEN}, {@code ANSWERED}, {@code EXPIRED} or {@code REVOKED}; only an open link takes an
 * answer.
 */
public record PulseSurveyView(String meetingTitle, LocalDate meetingDate, String status, Instant expiresAt,
                              int minScore, int maxScore, int maxCommentLength, List<Question> questions) {

    /** {@code key} is the field of the answer that carries this question's score. */
    public record Question(String key, String text) {
    }
}
