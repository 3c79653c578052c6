package io.entente.backlog.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RanksTest {

    @Test
    void betweenIsStrictlyBetweenAndValid() {
        String[][] pairs = {{null, null}, {null, "i"}, {"i", null}, {"a", "b"}, {"a", "a1"}, {"az", "b"},
                {"zz", null}, {null, "01"}, {"i00001", "i00002"}, {"a0001", "a001"}, {"y", "z"}};
        for (String[] p : pairs) {
            String r = Ranks.between(p[0], p[1]);
            assertTrue(Ranks.isValid(r), r);
            if (p[0] != null) {
                assertTrue(r.compareTo(p[0]) > 0, p[0] + " < " + r);
            }
            if (p[1] != null) {
                assertTrue(r.compareTo(p[1]) < 0, r + " < " + p[1]);
            }
        }
    }

    @Test
    void appendingStaysShortAndOrdered() {
        String last = null;
        for (int i = 0; i < 100_000; i++) {
            String next = Ranks.after(last);
            assertTrue(last == null || next.compareTo(last) > 0);
            assertTrue(next.length() <= Ranks.APPEND_DEPTH, next);
            last = next;
        }
        assertEquals("i", Ranks.after(null));
        assertEquals("a00019", Ranks.after("a00018ai"));
        assertTrue(Ranks.after("zzzzzz").compareTo("zzzzzz") > 0);
    }

    @Test
    void randomMovesKeepATotalOrder() {
        Random random = new Random(42);
        List<String> order = new ArrayList<>();
        String last = null;
        for (int i = 0; i < 50; i++) {
            last = Ranks.after(last);
            order.add(last);
        }
        for (int move = 0; move < 5_000; move++) {
            String moved = order.remove(random.nextInt(order.size()));
            int to = random.nextInt(order.size() + 1);
            String lo = to == 0 ? null : order.get(to - 1);
            String hi = to == order.size() ? null : order.get(to);
            String rank = Ranks.between(lo, hi);
            assertTrue(Ranks.isValid(rank));
            order.add(to, rank);
            assertTrue(moved != null);
        }
        for (int i = 1; i < order.size(); i++) {
            assertTrue(order.get(i - 1).compareTo(order.get(i)) < 0);
        }
    }

    @Test
    void appendPositionsOrderLikeTheirRanksAndContinueAfter() {
        assertEquals("i", Ranks.atPosition(Ranks.position("i")));
        assertEquals(18L * 36 * 36 * 36 * 36 * 36, Ranks.position("i"));
        assertEquals(Ranks.LAST_POSITION, Ranks.position("zzzzzz"));
        assertEquals(Ranks.position("a00018"), Ranks.position("a00018ai"), "digits past the sixth do not count");
        Random random = new Random(7);
        String previous = null;
        for (int i = 0; i < 20_000; i++) {
            long position = 1 + (long) (random.nextDouble() * (Ranks.LAST_POSITION - 1));
            String rank = Ranks.atPosition(position);
            assertTrue(Ranks.isValid(rank), rank);
            assertEquals(position, Ranks.position(rank));
            assertEquals(Ranks.atPosition(position + 1), Ranks.after(rank), "after() is the next position");
            assertTrue(rank.compareTo(Ranks.atPosition(position + 1)) < 0);
            // Anything a move puts just below the next position still sorts before it.
            String squeezed = Ranks.between(rank, Ranks.atPosition(position + 1));
            assertTrue(squeezed.compareTo(Ranks.atPosition(position + 1)) < 0);
            assertEquals(position, Ranks.position(squeezed));
            if (previous != null) {
                assertEquals(Long.compare(Ranks.position(previous), position) < 0, previous.compareTo(rank) < 0);
            }
            previous = rank;
        }
        assertThrows(IllegalArgumentException.class, () -> Ranks.atPosition(0));
        assertThrows(IllegalArgumentException.class, () -> Ranks.atPosition(Ranks.LAST_POSITION + 1));
    }

    @Test
    void refusesOutOfOrderOrInvalidBounds() {
        assertThrows(IllegalArgumentException.class, () -> Ranks.between("b", "a"));
        assertThrows(IllegalArgumentException.class, () -> Ranks.between("a", "a"));
        assertThrows(IllegalArgumentException.class, () -> Ranks.between("a0", null));
        assertThrows(IllegalArgumentException.class, () -> Ranks.between("A", null));
    }
}
