package io.entente.governance.service;

import io.entente.governance.api.PulseResultsView;
import io.entente.governance.domain.PulseAnswer;
import io.entente.governance.domain.PulseInvitation;
import io.entente.governance.domain.PulseRules;
import io.entente.governance.domain.Side;
import io.entente.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** An alliance's pulse over time, for our side only (the resource refuses the partner role). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PulseResults {

    private final CurrentUser user;

    public PulseResults(CurrentUser user) {
        this.user = user;
    }

    public PulseResultsView of(String allianceId) {
        user.requireAlliance(allianceId, "alliance", allianceId);
        Access.requireInternalReader(user);
        Map<String, List<PulseAnswer>> byQuarter = PulseAnswer.<PulseAnswer>list("allianceId", allianceId).stream()
                .collect(Collectors.groupingBy(a -> a.quarter, TreeMap::new, Collectors.toList()));
        Map<String, Long> invited = PulseInvitation.<PulseInvitation>list("allianceId", allianceId).stream()
                .collect(Collectors.groupingBy(i -> i.quarter, Collectors.counting()));
        List<PulseResultsView.Quarter> quarters = new ArrayList<>();
        byQuarter.forEach((quarter, answers) -> {
            List<PulseResultsView.QuestionResult> questions = PulseRules.aggregate(answers.stream()
                            .map(a -> new PulseRules.Scored(a.side, a.scores())).toList()).stream()
                    .map(r -> new PulseResultsView.QuestionResult(r.question().key(), r.question().text(),
                            r.ours().mean(), r.ours().count(), r.partner().mean(), r.partner().count(), r.gap(),
                            r.concern().orElse(null)))
                    .toList();
            quarters.add(new PulseResultsView.Quarter(quarter, invited.getOrDefault(quarter, 0L).intValue(),
                    answers.size(), questions, comments(answers)));
        });
        return new PulseResultsView(allianceId, PulseRules.MINIMUM_ANSWERS, PulseRules.FLOOR, PulseRules.GAP_LIMIT,
                quarters);
    }

    /**
     * A side's comments only when enough of its people answered that a comment cannot be pinned on one of them;
     * ordered by text, so their order says nothing about who answered when.
     */
    private static List<PulseResultsView.Comment> comments(List<PulseAnswer> answers) {
        List<PulseResultsView.Comment> comments = new ArrayList<>();
        for (Side side : Side.values()) {
            List<PulseAnswer> ofSide = answers.stream().filter(a -> a.side == side).toList();
            if (ofSide.size() < PulseRules.MINIMUM_ANSWERS) {
                continue;
            }
            ofSide.stream().map(a -> a.comment).filter(c -> c != null).sorted(Comparator.naturalOrder())
                    .forEach(c -> comments.add(new PulseResultsView.Comment(side.name(), c)));
        }
        return comments;
    }
}
