package io.entente.governance.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * What makes a body's composition valid: a joint committee has two co-chairs, one from each company, at most one
 * secretary, and a quorum the voting members (co-chairs and members) can reach.
 */
public final class BodyRules {

    private BodyRules() {
    }

    /** The rule violations, empty when the composition is valid. */
    public static List<String> violations(List<Member> members, int quorum) {
        List<String> problems = new ArrayList<>();
        List<Member> coChairs = members.stream().filter(m -> m.role() == MemberRole.CO_CHAIR).toList();
        if (coChairs.size() > 2) {
            problems.add("a body has at most two co-chairs, found " + coChairs.size());
        }
        if (coChairs.size() == 2 && coChairs.get(0).side() == coChairs.get(1).side()) {
            problems.add("the two co-chairs must come from different companies");
        }
        long secretaries = members.stream().filter(m -> m.role() == MemberRole.SECRETARY).count();
        if (secretaries > 1) {
            problems.add("a body has at most one secretary, found " + secretaries);
        }
        long voting = members.stream().filter(m -> m.role() != MemberRole.SECRETARY).count();
        if (quorum > voting) {
            problems.add("quorum " + quorum + " cannot be reached by " + voting + " voting members");
        }
        long names = members.stream().map(m -> m.name().strip().toLowerCase()).distinct().count();
        if (names < members.size()) {
            problems.add("a person holds at most one seat on a body");
        }
        return problems;
    }
}
