package io.entente.backlog.domain;

/**
 * Fractional ranks: base-36 strings ({@code 0-9a-z}) compared byte-wise, read as the digits of a fraction in [0, 1).
 * A rank strictly between any two others always exists, so moving an item rewrites that item alone instead of
 * renumbering the backlog. No rank ends in {@code 0}: that keeps string order and numeric order the same, and
 * keeps a gap below every rank.
 */
public final class Ranks {

    static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
    static final int BASE = DIGITS.length();
    /** Appends count up at this depth: 36^6 positions, so the end of the backlog never grows longer. */
    static final int APPEND_DEPTH = 6;
    static final String FIRST = "i";

    /** The last append position: six base-36 digits, all {@code z}. */
    public static final long LAST_POSITION = pow(APPEND_DEPTH) - 1;

    private Ranks() {
    }

    /**
     * The append position a rank sits in: its first {@link #APPEND_DEPTH} digits (padded with {@code 0}) read as a
     * base-36 number. Positions and ranks order alike, and {@code after(last)} is the rank of
     * {@code position(last) + 1}, so a counter of positions can hand out bottom ranks without reading the backlog.
     * The migration's {@code backlog_rank_position(text)} is the same function in SQL.
     */
    public static long position(String rank) {
        requireValid(rank);
        long position = 0;
        for (int i = 0; i < APPEND_DEPTH; i++) {
            position = position * BASE + (i < rank.length() ? digit(rank.charAt(i)) : 0);
        }
        return position;
    }

    /** The shortest rank at an append position: every rank of a lower position sorts before it. */
    public static String atPosition(long position) {
        if (position < 1 || position > LAST_POSITION) {
            throw new IllegalArgumentException("no append position " + position + " (1.." + LAST_POSITION + ")");
        }
        char[] digits = new char[APPEND_DEPTH];
        long rest = position;
        for (int i = APPEND_DEPTH - 1; i >= 0; i--) {
            digits[i] = DIGITS.charAt((int) (rest % BASE));
            rest /= BASE;
        }
        return stripTrailingZeros(new String(digits));
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

    private static long pow(int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= BASE;
        }
        return result;
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
