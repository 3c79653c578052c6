package io.entente.platform.testing;

import io.entente.platform.testing.BadInput.Case;
import io.restassured.response.Response;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.entente.platform.testing.BadInput.abbreviate;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Bad input against every write of a service: each answer is a 4xx problem+json, never a 5xx and never internals,
 * and nothing is stored (rows, audit, outbox). The valid body of each endpoint is broken one way at a time with
 * {@link BadInput}. Unreadable list parameters get a 4xx problem+json too. A service's {@code BadInputTest}
 * subclasses this with its cases, how to send them and what must stay unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BadInputSweep {

    /** The broken requests; paths and bodies may hold placeholders that {@link #send} fills in. */
    protected abstract List<Case> cases();

    /** Sends a case as the sweep's user, placeholders filled, with the current If-Match of what it changes. */
    protected abstract Response send(Case c);

    /** What a refused write must leave unchanged: row counts, versions, audit and outbox entries. */
    protected abstract List<Long> stored();

    /** The sweep's user, who may read the lists of {@link #badQueries}. */
    protected abstract String token();

    /** List requests with a parameter the service cannot read, e.g. {@code /api/sprints?limit=0}. */
    protected abstract List<String> badQueries();

    /**
     * A bad query answered 200: refused unless the service overrides this to accept it as a filter that matches
     * nothing, after checking that the answer holds nothing the user may not see.
     */
    protected void assertHarmless(String query, Response ok) {
        fail(query + " answered 200: " + abbreviate(ok.asString()));
    }

    /** {@code path?query} for each query. */
    protected static List<String> queries(String path, String... queries) {
        return Stream.of(queries).map(q -> path + "?" + q).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWith4xxProblemAndNothingStored(Case c) {
        List<Long> before = stored();
        Response r = send(c);
        String body = r.asString();
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500,
                c + " answered " + r.statusCode() + ": " + abbreviate(body));
        assertTrue(r.contentType() != null && r.contentType().startsWith("application/problem+json"),
                c + " answered " + r.statusCode() + " as " + r.contentType() + ": " + abbreviate(body));
        assertEquals(r.statusCode(), (int) r.path("status"), c.toString());
        assertTrue(!body.contains("Exception") && !body.contains("at io.") && !body.contains("org.hibernate"),
                "no internals: " + body);
        assertEquals(before, stored(), c + ": nothing stored");
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("badQueries")
    void badQueriesAre4xx(String query) {
        Response r = given().auth().oauth2(token()).urlEncodingEnabled(false).get(query);
        if (r.statusCode() == 200) {
            assertHarmless(query, r);
            return;
        }
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500,
                query + " answered " + r.statusCode() + ": " + abbreviate(r.asString()));
        assertTrue(r.contentType() != null && r.contentType().startsWith("application/problem+json"),
                query + ": " + r.contentType());
    }
}
