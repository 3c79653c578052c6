package io.entente.platform.paging;

import io.entente.platform.problem.ProblemException;
import io.entente.platform.rest.QueryParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DayOfWeek;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CursorTest {

    @Test
    void aCursorReadsBackItsValuesForItsOwnSort() {
        String cursor = Cursor.encode("dueDate", List.of("2026-12-01", "a|b\nc"));
        assertEquals(List.of("2026-12-01", "a|b\nc"), Cursor.decode(cursor, "dueDate", 2));
        assertNull(Cursor.decode(null, "dueDate", 2));
        assertNull(Cursor.decode("", "dueDate", 2));
    }

    @Test
    void aCursorOfAnotherSortOrShapeIsRefusedNamingAfter() {
        String cursor = Cursor.encode("dueDate", List.of("2026-12-01", "x"));
        assertRefused(() -> Cursor.decode(cursor, "-dueDate", 2), "after");
        assertRefused(() -> Cursor.decode(cursor, "dueDate", 3), "after");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "!!!", "bm90IGEgY3Vyc29y", "MQ"})
    void garbageIsRefusedNamingAfter(String after) {
        assertRefused(() -> Cursor.decode(after, "title", 2), "after");
    }

    @Test
    void anEditedCursorIsRefused() {
        String cursor = Cursor.encode("title", List.of("Alpha", "1"));
        String edited = Cursor.encode("title", List.of("Alpha", "1")).replace(cursor.substring(cursor.length() - 2),
                "zz");
        assertRefused(() -> Cursor.decode(edited, "title", 2), "after");
    }

    @Test
    void aCursorWithItsLastCharacterChangedIsRefusedEvenWhereOnlyDroppedBitsChanged() {
        for (String title : List.of("A", "Al", "Alp", "Alph", "Alpha", "Alpha ")) {
            String cursor = Cursor.encode("title", List.of(title, "1"));
            char last = cursor.charAt(cursor.length() - 1);
            String edited = cursor.substring(0, cursor.length() - 1) + (last == 'A' ? 'B' : 'A');
            assertRefused(() -> Cursor.decode(edited, "title", 2), "after");
        }
    }

    @Test
    void limitsDefaultAndStayInRange() {
        assertEquals(Limit.DEFAULT, Limit.of(null));
        assertEquals(200, Limit.of(200));
        assertRefused(() -> Limit.of(0), "limit");
        assertRefused(() -> Limit.of(201), "limit");
    }

    @Test
    void queryParametersReadStrictlyAndNameThemselves() {
        assertEquals(DayOfWeek.MONDAY, QueryParams.enumValue("day", " monday ", DayOfWeek.class));
        assertEquals(List.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                QueryParams.enumValues("day", List.of("MONDAY,friday", "monday"), DayOfWeek.class));
        assertRefused(() -> QueryParams.enumValue("day", "someday", DayOfWeek.class), "day");
        assertRefused(() -> QueryParams.uuid("teamId", "1-2-3-4-5"), "teamId");
        assertRefused(() -> QueryParams.date("dueBefore", "2026-13-01"), "dueBefore");
        assertRefused(() -> QueryParams.instant("since", "yesterday"), "since");
        assertNull(QueryParams.uuid("teamId", "  "));
    }

    @Test
    void sortsAreChosenByNameOrRefusedWithTheChoices() {
        List<SortKey<String>> offered = List.of(SortKey.of("title", "e.title", s -> s, s -> s),
                SortKey.unique("rank", "e.rank", Long::valueOf, s -> s));
        assertEquals("title", SortKey.choose(null, offered).name());
        SortKey<String> descending = SortKey.choose("-rank", offered);
        assertEquals("-rank", descending.name());
        assertEquals("rank", descending.reversed().name());
        assertRefused(() -> SortKey.choose("owner", offered), "sort");
    }

    private static void assertRefused(Runnable call, String field) {
        ProblemException refused = assertThrows(ProblemException.class, call::run);
        assertEquals(400, refused.status());
        assertEquals(field, refused.errors().get(0).field());
    }
}
