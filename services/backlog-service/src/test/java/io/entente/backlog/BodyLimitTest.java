package io.entente.backlog;

import io.entente.platform.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 512 KB body limit answers like every other refusal (413, problem+json, nothing stored), whether the client
 * declares the size up front or streams a chunked body. BadInputTest covers the declared case per endpoint; the
 * chunked one needs a client that does not send Content-Length.
 */
@QuarkusTest
class BodyLimitTest {

    static final String TOKEN = TestTokens.user("body-limit").roles("alliance-manager").alliances("BODY-LIMIT").sign();
    static final byte[] OVERSIZED = ("{\"allianceKey\":\"BODY-LIMIT\",\"title\":\"" + "x".repeat(600 * 1024) + "\"}")
            .getBytes(StandardCharsets.UTF_8);

    @TestHTTPResource("/api/backlog-items")
    URI items;

    @Inject
    EntityManager em;

    @Test
    void declaredOversizedBodyIsAProblem() throws Exception {
        assertRefused(HttpRequest.BodyPublishers.ofByteArray(OVERSIZED));
    }

    @Test
    void chunkedOversizedBodyIsAProblem() throws Exception {
        // ofInputStream has no known length, so the JDK client sends Transfer-Encoding: chunked.
        assertRefused(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(OVERSIZED)));
    }

    private void assertRefused(HttpRequest.BodyPublisher body) throws Exception {
        long before = itemCount();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(items)
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("\"status\":413") && response.body().contains("512 KB"),
                response.body());
        assertEquals(before, itemCount(), "nothing stored");
    }

    private long itemCount() {
        return ((Number) em.createNativeQuery("select count(*) from backlog_item").getSingleResult()).longValue();
    }
}
