package io.entente.platform.testing;

import io.entente.platform.testing.EndpointInventory.Endpoint;
import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The leak sweep of one service: test data carries a unique marker in every internal field; a reader then reads every
 * read endpoint (and every other rendering: HTML, PDF, iCalendar, CSV) and the sweep says which markers appear where.
 * A partner must find none; our stakeholders must find every one (so the sweep is not passing for want of data).
 *
 * <pre>
 * LeakSweep sweep = LeakSweep.of(inventory).read("GET /api/decisions/{id}", "/api/decisions/" + id) ...;
 * sweep.assertCoversEveryRead();
 * sweep.assertNone("a partner", partnerToken, markers);
 * </pre>
 * {@link #assertCoversEveryRead} fails when a GET endpoint of the service is missing from the sweep, so a new read
 * endpoint cannot escape it.
 */
public final class LeakSweep {

    /** One request of the sweep: which endpoint it exercises, the concrete path and how to read the answer. */
    public record Read(String endpoint, String path, String accept, Function<Response, String> text) {
    }

    private final List<Endpoint> inventory;
    private final List<Read> reads = new ArrayList<>();

    private LeakSweep(List<Endpoint> inventory) {
        this.inventory = inventory;
    }

    public static LeakSweep of(List<Endpoint> inventory) {
        return new LeakSweep(inventory);
    }

    /** A JSON read of {@code endpoint} ({@code "GET /api/x/{id}"}) at {@code path}. */
    public LeakSweep read(String endpoint, String path) {
        return read(endpoint, path, "application/json", Response::asString);
    }

    /** A read in another representation; {@code text} turns the answer into text (e.g. a PDF's extracted text). */
    public LeakSweep read(String endpoint, String path, String accept, Function<Response, String> text) {
        String[] parts = endpoint.split(" ", 2);
        reads.add(new Read(parts[0] + " " + EndpointInventory.normalise(parts[1]), path, accept, text));
        return this;
    }

    /** Every GET endpoint of the service is read at least once. */
    public void assertCoversEveryRead() {
        Set<String> missing = new TreeSet<>();
        inventory.stream().filter(e -> "GET".equals(e.method())).forEach(e -> missing.add(e.key()));
        reads.forEach(r -> missing.remove(r.endpoint()));
        if (!missing.isEmpty()) {
            fail("the leak sweep does not read " + missing + ": add them with data carrying the markers");
        }
    }

    /** What each read answers the token (a refusal's problem text included), keyed by request. */
    public Map<String, String> answers(String token, String who, Set<Integer> allowedStatuses) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (Read read : reads) {
            Response r = given().auth().oauth2(token).accept(read.accept()).get(read.path());
            assertTrue(allowedStatuses.contains(r.statusCode()), read.path() + " (" + read.accept() + ") as " + who
                    + ": " + r.statusCode() + " " + abbreviate(r.asString()));
            answers.put(read.path() + " [" + read.accept() + "]",
                    r.statusCode() == 200 ? read.text().apply(r) : r.asString());
        }
        return answers;
    }

    /** No marker in anything the token reads. */
    public void assertNone(String who, String token, Collection<String> markers) {
        List<String> leaks = new ArrayList<>();
        answers(token, who, Set.of(200, 403, 404)).forEach((request, text) -> markers.stream()
                .filter(text::contains).forEach(m -> leaks.add(m + " in " + request)));
        if (!leaks.isEmpty()) {
            fail(who + " read internal material:\n  " + String.join("\n  ", leaks));
        }
    }

    /** Every marker somewhere in what the token reads (all reads answer 200). */
    public void assertAll(String who, String token, Collection<String> markers) {
        String all = String.join("\n", answers(token, who, Set.of(200)).values());
        List<String> absent = markers.stream().filter(m -> !all.contains(m)).toList();
        if (!absent.isEmpty()) {
            fail(who + " should read every internal field but found nothing of " + absent);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }
}
