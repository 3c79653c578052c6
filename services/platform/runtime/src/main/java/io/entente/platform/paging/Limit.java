package io.entente.platform.paging;

import io.entente.platform.problem.Problems;

/** How many rows one page holds: {@value #DEFAULT} unless asked, never more than {@value #MAX}. */
public final class Limit {

    public static final String PARAMETER = "limit";
    public static final int DEFAULT = 50;
    public static final int MAX = 200;

    private Limit() {
    }

    public static int of(Integer requested) {
        if (requested == null) {
            return DEFAULT;
        }
        if (requested < 1 || requested > MAX) {
            throw Problems.invalid(PARAMETER, "must be between 1 and " + MAX);
        }
        return requested;
    }
}
