package io.entente.governance.api;

import java.util.List;

/**
 * An alliance's pulse per quarter: per question our side's and the partner's mean and answer count, and the gap
 * (ours minus partner). A side with fewer than {@code minimumAnswers} answers shows its count only. Comments come
 * without any name, ordered by text, and only for a side and quarter with enough answers to hide who wrote them.
 */
public record PulseResultsView(String allianceId, int minimumAnswers, double floor, double gapLimit,
                               List<Quarter> quarters) {

    public record Quarter(String quarter, int invited, int answered, List<QuestionResult> questions,
                          List<Comment> comments) {
    }

    public record QuestionResult(String question, String text, Double ourMean, int ourCount, Double partnerMean,
                                 int partnerCount, Double gap, String concern) {
    }

    /** {@code side} is {@code US} or {@code PARTNER}. */
    public record Comment(String side, String text) {
    }
}
