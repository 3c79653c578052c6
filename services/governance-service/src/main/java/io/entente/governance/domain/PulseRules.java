package io.entente.governance.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the pulse is read: a side's mean per question only from {@value #MINIMUM_ANSWERS} answers on (fewer would let
 * a reader work out a person's score), and a concern when a side's mean falls under {@value #FLOOR} or the sides
 * are more than {@value #GAP_LIMIT} apart.
 */
public final class PulseRules {

    public static final int MINIMUM_ANSWERS = 3;
    public static final double FLOOR = 3.0;
    public static final double GAP_LIMIT = 1.0;
    public static final int MIN_SCORE = 1;
    public static final int MAX_SCORE = 5;

    private PulseRules() {
    }

    /** One answer as the rules see it: which side gave it, and its scores. */
    public record Scored(Side side, Map<PulseQuestion, Integer> scores) {
    }

    /** A side's mean (null below the minimum number of answers) and how many answered. */
    public record SideMean(Double mean, int count) {
    }

    /** One question in one quarter; {@code gap} = our mean minus the partner's, when both sides have one. */
    public record QuestionResult(PulseQuestion question, SideMean ours, SideMean partner, Double gap) {

        /** Why this result is a concern, if it is one. */
        public Optional<String> concern() {
            if (partner.mean() != null && partner.mean() < FLOOR) {
                return Optional.of("partner side mean " + format(partner.mean()) + " is under " + format(FLOOR));
            }
            if (ours.mean() != null && ours.mean() < FLOOR) {
                return Optional.of("our side mean " + format(ours.mean()) + " is under " + format(FLOOR));
            }
            if (gap != null && Math.abs(gap) > GAP_LIMIT) {
                return Optional.of("gap " + format(Math.abs(gap)) + " between the sides is over " + format(GAP_LIMIT)
                        + " (ours " + format(ours.mean()) + ", partner " + format(partner.mean()) + ")");
            }
            return Optional.empty();
        }
    }

    /** The results of one quarter's answers, question by question in the survey's order. */
    public static List<QuestionResult> aggregate(List<Scored> answers) {
        List<QuestionResult> results = new ArrayList<>();
        for (PulseQuestion question : PulseQuestion.values()) {
            SideMean ours = mean(answers, Side.US, question);
            SideMean partner = mean(answers, Side.PARTNER, question);
            // From the exact means: the difference of two rounded means can be off by a hundredth.
            Double gap = ours.mean() == null || partner.mean() == null ? null
                    : round(exact(answers, Side.US, question) - exact(answers, Side.PARTNER, question));
            results.add(new QuestionResult(question, ours, partner, gap));
        }
        return results;
    }

    /** The calendar quarter of a day, e.g. {@code 2026-Q4}. */
    public static String quarterOf(LocalDate day) {
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    /** The score of one question; the request layer checks the scale, this is the backstop for every other caller. */
    public static int score(Map<PulseQuestion, Integer> scores, PulseQuestion question) {
        Integer score = scores.get(question);
        if (score == null || score < MIN_SCORE || score > MAX_SCORE) {
            throw new IllegalArgumentException(question.key() + " must be scored " + MIN_SCORE + " to " + MAX_SCORE);
        }
        return score;
    }

    public static Map<PulseQuestion, Integer> scores(int preparation, int decisionQuality, int oneTeam,
                                                     int recommend) {
        Map<PulseQuestion, Integer> scores = new EnumMap<>(PulseQuestion.class);
        scores.put(PulseQuestion.PREPARATION, preparation);
        scores.put(PulseQuestion.DECISION_QUALITY, decisionQuality);
        scores.put(PulseQuestion.ONE_TEAM, oneTeam);
        scores.put(PulseQuestion.RECOMMEND, recommend);
        return scores;
    }

    private static SideMean mean(List<Scored> answers, Side side, PulseQuestion question) {
        int count = scores(answers, side, question).size();
        return new SideMean(count < MINIMUM_ANSWERS ? null : round(exact(answers, side, question)), count);
    }

    private static double exact(List<Scored> answers, Side side, PulseQuestion question) {
        return scores(answers, side, question).stream().mapToInt(Integer::intValue).average().orElse(Double.NaN);
    }

    private static List<Integer> scores(List<Scored> answers, Side side, PulseQuestion question) {
        return answers.stream().filter(a -> a.side() == side).map(a -> a.scores().get(question))
                .filter(s -> s != null).toList();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String format(double value) {
        return String.format(java.util.Locale.ROOT, "%.2f", value);
    }
}
