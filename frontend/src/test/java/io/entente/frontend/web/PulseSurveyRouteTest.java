package io.entente.frontend.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.entente.frontend.proxy.ProxyResponse;
import io.entente.frontend.proxy.UpstreamProxy;
import io.entente.frontend.proxy.Upstreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public survey route: it reaches the governance service without any token, with the browser's address for the
 * service's limit, refuses a malformed link without asking the service, and renders an accessible, escaped form.
 */
class PulseSurveyRouteTest {

    static final String TOKEN = "A".repeat(22) + "." + "b".repeat(43);

    private HttpServer server;
    private final AtomicReference<Map<String, List<String>>> seen = new AtomicReference<>();
    private final AtomicReference<String> seenBody = new AtomicReference<>();
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void startService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/pulse/", exchange -> {
            calls.incrementAndGet();
            seen.set(Map.copyOf(exchange.getRequestHeaders()));
            seenBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = "{\"status\":\"ANSWERED\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private UpstreamProxy proxy() {
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return new UpstreamProxy(new Upstreams(Map.of("governance", url)), Duration.ofSeconds(2),
                Duration.ofSeconds(5));
    }

    @Test
    void theAnswerGoesUpstreamWithoutAnyTokenAndWithTheBrowsersAddress() {
        ProxyResponse answer = proxy().pulseSurvey(TOKEN, "POST", "{\"preparation\":4}".getBytes(StandardCharsets.UTF_8),
                "192.0.2.7");
        assertEquals(200, answer.status());
        assertEquals(1, calls.get());
        Map<String, List<String>> headers = seen.get();
        assertNull(headers.get("Authorization"));
        assertNull(headers.get("Cookie"));
        assertEquals(List.of("192.0.2.7"), headers.get("X-forwarded-for"));
        assertEquals("{\"preparation\":4}", seenBody.get());
    }

    @Test
    void aMalformedLinkIsRefusedHereWithoutAskingTheService() {
        for (String token : List.of("short", TOKEN + "x", "../../api/meetings", TOKEN.replace('.', '/'))) {
            ProxyResponse answer = proxy().pulseSurvey(token, "GET", null, "192.0.2.7");
            assertEquals(404, answer.status(), token);
        }
        assertEquals(0, calls.get());
    }

    @Test
    void theFormHasAFieldsetPerQuestionLabelledRadiosAndEscapesWhatItShows() throws IOException {
        var survey = new ObjectMapper().readTree("""
                {"meetingTitle":"JSC <script>alert(1)</script>","meetingDate":"2026-11-10","status":"OPEN",
                 "maxCommentLength":2000,"questions":[{"key":"preparation","text":"How prepared?"},
                 {"key":"oneTeam","text":"One team?"}]}""");
        String html = PulsePages.form(TOKEN, survey, Map.of("oneTeam", "Choose a score from 1 to 5 for this question."),
                Map.of("preparation", "4", "comment", "\"quoted\" <b>"));
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("JSC &lt;script&gt;"));
        assertTrue(html.contains("<html lang=\"en\">"));
        assertEquals(2, html.split("<fieldset").length - 1);
        assertEquals(2, html.split("<legend>").length - 1);
        assertEquals(10, html.split("type=\"radio\"").length - 1);
        assertTrue(html.contains("<label for=\"q-preparation-4\"><input type=\"radio\" required name=\"preparation\" "
                + "id=\"q-preparation-4\" value=\"4\" checked>"));
        assertTrue(html.contains("role=\"alert\""));
        assertTrue(html.contains("aria-describedby=\"err-oneTeam\""));
        assertTrue(html.contains("<label for=\"comment\""));
        assertTrue(html.contains("&quot;quoted&quot; &lt;b&gt;"));
        assertTrue(html.contains("action=\"/pulse/" + TOKEN + "\""));
    }
}
