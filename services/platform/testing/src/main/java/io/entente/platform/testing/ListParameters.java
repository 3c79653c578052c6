package io.entente.platform.testing;

import io.restassured.response.Response;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every list of a service answers a parameter it cannot read (a tampered or foreign cursor, an unknown enum constant,
 * a malformed UUID or date, a limit out of range) with 400 problem+json whose field error names that parameter, and
 * every list answers the one page shape {@code {items, next}}. A service's test subclasses this with its lists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ListParameters {

    /** A list endpoint and a token that may read it. */
    public record ListEndpoint(String path, String token) {
        @Override
        public String toString() {
            return path;
        }
    }

    /** One unreadable value of one parameter of one list. */
    public record BadParameter(ListEndpoint list, String parameter, String value) {
        @Override
        public String toString() {
            return list.path() + "?" + parameter + "=" + value;
        }
    }

    /**
     * Stands for a real cursor of the list with its last character changed. It is fetched when the case runs, not
     * when JUnit collects the cases, because Quarkus points RestAssured at the test port only then.
     */
    protected static final String TAMPERED = "<a real cursor of this list, edited>";

    /** Every list endpoint of the service. */
    protected abstract List<ListEndpoint> lists();

    /** The service's typed filters with a value each cannot read (enums, UUIDs, dates). */
    protected abstract List<BadParameter> badFilters();

    /** What every list gets: cursors that were never issued or were edited, and limits out of range. */
    protected List<BadParameter> badParameters() {
        List<BadParameter> cases = new java.util.ArrayList<>(badFilters());
        for (ListEndpoint list : lists()) {
            cases.add(new BadParameter(list, "after", "abc"));
            cases.add(new BadParameter(list, "after", "bm90IGEgY3Vyc29y"));
            cases.add(new BadParameter(list, "after", TAMPERED));
            cases.add(new BadParameter(list, "limit", "0"));
            cases.add(new BadParameter(list, "limit", "201"));
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badParameters")
    void anUnreadableParameterIsA400NamingIt(BadParameter bad) {
        String value = TAMPERED.equals(bad.value()) ? tampered(bad.list()) : bad.value();
        Response response = given().auth().oauth2(bad.list().token()).queryParam(bad.parameter(), value)
                .get(bad.list().path());
        assertEquals(400, response.statusCode(), bad + " answered " + response.asString());
        assertTrue(response.contentType().startsWith("application/problem+json"), bad + ": " + response.contentType());
        List<Map<String, String>> errors = response.jsonPath().getList("errors");
        assertTrue(errors != null && errors.stream().anyMatch(e -> bad.parameter().equals(e.get("field"))),
                bad + " does not name " + bad.parameter() + ": " + response.asString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void everyListAnswersItemsAndNext(ListEndpoint list) {
        Response response = given().auth().oauth2(list.token()).queryParam("limit", 1).get(list.path());
        assertEquals(200, response.statusCode(), list + " answered " + response.asString());
        Map<String, Object> page = response.jsonPath().getMap("");
        assertEquals(java.util.Set.of("items", "next"), page.keySet(), list + " answered " + response.asString());
    }

    /** A real cursor of the list with one character changed, or a well-formed foreign one when the list is short. */
    private static String tampered(ListEndpoint list) {
        String next = given().auth().oauth2(list.token()).queryParam("limit", 1).get(list.path()).jsonPath()
                .getString("next");
        if (next == null || next.isEmpty()) {
            return java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString("0\u001fother\u001fx\u001fy".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        char last = next.charAt(next.length() - 1);
        return next.substring(0, next.length() - 1) + (last == 'A' ? 'B' : 'A');
    }
}
