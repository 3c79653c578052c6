package io.entente.bench;

/** A copy of backlog-service's io.entente.backlog.domain.Ranks, so bulk-loaded rows get ranks the service accepts. */
final class Ranks {

    static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
    static final int BASE = DIGITS.length();
    /** Appends count up at this depth: 36^6 positions, so the end of the backlog never grows longer. */
    static final int APPEND_DEPTH = 6;
    static final String FIRST = "i";

    private Ranks() {
    }

    /** A rank after {@code last} (null: the backlog is empty) that stays short however often it is called. */
    public static String after(String last) {
        if (last == null) {
            return FIRST;
        }
        requireValid(last);
        char[] digits = new char[APPEND_DEPTH];
        for (int i = 0; i < APPEND_DEPTH; i++) {
            digits[i] = i < last.length() ? last.charAt(i) : '0';
        }
        for (int i = APPEND_DEPTH - 1; i >= 0; i--) {
            int d = digit(digits[i]);
            if (d + 1 < BASE) {
                digits[i] = DIGITS.charAt(d + 1);
                return stripTrailingZeros(new String(digits, 0, i + 1));
            }
            digits[i] = '0';
        }
        // The top of the appending space is used up: fall back to bisection, which always finds room.
        return between(last, null);
    }

    /**
     * A rank strictly between {@code lo} and {@code hi}.
     *
     * @param lo null: before everything
     * @param hi null: after everything
     */
    public static String between(String lo, String hi) {
        String low = lo == null ? "" : lo;
        if (lo != null) {
            requireValid(lo);
        }
        if (hi != null) {
            requireValid(hi);
            if (low.compareTo(hi) >= 0) {
                throw new IllegalArgumentException("no rank between " + lo + " and " + hi + ": not in order");
            }
        }
        StringBuilder out = new StringBuilder();
        boolean bounded = hi != null;
        for (int i = 0; ; i++) {
            int l = i < low.length() ? digit(low.charAt(i)) : 0;
            // While bounded, hi cannot end first: lo < hi and no rank ends in 0.
            int h = bounded ? digit(hi.charAt(i)) : BASE;
            if (l == h) {
                out.append(DIGITS.charAt(l));
            } else if (h - l > 1) {
                out.append(DIGITS.charAt((l + h) / 2));
                return out.toString();
            } else {
                // Adjacent digits: keep lo's digit, and from here on anything above lo's remainder fits.
                out.append(DIGITS.charAt(l));
                bounded = false;
            }
        }
    }

    public static boolean isValid(String rank) {
        if (rank == null || rank.isEmpty() || rank.charAt(rank.length() - 1) == '0') {
            return false;
        }
        for (int i = 0; i < rank.length(); i++) {
            if (DIGITS.indexOf(rank.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static void requireValid(String rank) {
        if (!isValid(rank)) {
            throw new IllegalArgumentException("not a rank: '" + rank + "'");
        }
    }

    private static int digit(char c) {
        return DIGITS.indexOf(c);
    }

    private static String stripTrailingZeros(String s) {
        int end = s.length();
        while (end > 1 && s.charAt(end - 1) == '0') {
            end--;
        }
        return s.substring(0, end);
    }
}
