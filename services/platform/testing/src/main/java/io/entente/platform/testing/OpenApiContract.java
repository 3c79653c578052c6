package io.entente.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.entente.platform.embedded.RepoRoot;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The web app compiles against TypeScript types generated from the OpenAPI document committed for each service
 * ({@code frontend/webapp/openapi/<service>.json}). This check fails as soon as the document the running service serves
 * differs from the committed one, so a changed view or request cannot reach the web app unnoticed. A service's test
 * subclasses this as a {@code @QuarkusTest} and names the document.
 *
 * <p>With {@code -D}{@value #WRITE} the check writes the served document instead of comparing (surefire forwards the
 * Maven command line's user properties to the forked test JVM as system properties).
 */
public abstract class OpenApiContract {

    /** System property that makes the check write the committed document rather than compare with it. */
    public static final String WRITE = "entente.openapi.write";

    /** The document's name under {@code frontend/webapp/openapi}: the service's name, e.g. {@code backlog}. */
    protected abstract String service();

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Test
    void theCommittedDocumentIsWhatTheServiceServes() throws IOException {
        Response response = given().queryParam("format", "json").get("/q/openapi");
        assertEquals(200, response.statusCode(), "/q/openapi answered " + response.asString());
        String served = normalised(response.asString());
        Path committed = RepoRoot.find().resolve("frontend/webapp/openapi").resolve(service() + ".json");
        if (Boolean.getBoolean(WRITE)) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, served, StandardCharsets.UTF_8);
            return;
        }
        String howToUpdate = "Regenerate it with ./mvnw -o -B -pl services/" + service() + "-service -am test"
                + " -Dtest=OpenApiDocumentTest -Dsurefire.failIfNoSpecifiedTests=false -D" + WRITE + "=true -Dskip.npm"
                + ", commit it, and fix what no longer compiles in the web app (cd frontend/webapp && npm run build).";
        if (!Files.exists(committed)) {
            fail(committed + " does not exist. " + howToUpdate);
        }
        String expected = Files.readString(committed, StandardCharsets.UTF_8);
        if (!expected.equals(served)) {
            fail("The " + service() + " service's OpenAPI document no longer matches " + committed + " (first difference "
                    + firstDifference(expected, served) + "). " + howToUpdate);
        }
    }

    /**
     * Pretty-printed with sorted keys so that a difference is a readable line diff, without what depends on the run
     * (the server addresses carry the random test port).
     */
    static String normalised(String document) throws IOException {
        JsonNode tree = JSON.readTree(document);
        if (tree instanceof ObjectNode root) {
            root.remove("servers");
        }
        Object sorted = JSON.treeToValue(tree, Object.class);
        return JSON.writeValueAsString(sorted) + "\n";
    }

    private static String firstDifference(String expected, String actual) {
        String[] want = expected.split("\n", -1);
        String[] got = actual.split("\n", -1);
        for (int line = 0; line < Math.max(want.length, got.length); line++) {
            String w = line < want.length ? want[line] : "<end of file>";
            String g = line < got.length ? got[line] : "<end of file>";
            if (!w.equals(g)) {
                return "at line " + (line + 1) + ": committed '" + w.strip() + "', served '" + g.strip() + "'";
            }
        }
        return "in line endings";
    }
}
