package io.entente.frontend.proxy;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the proxy against a real HTTP server on the loopback interface standing in for a service. */
class UpstreamProxyTest {

    private HttpServer server;
    private final AtomicReference<Map<String, List<String>>> seenHeaders = new AtomicReference<>();
    private final AtomicReference<String> seenRequest = new AtomicReference<>();
    private final AtomicReference<byte[]> seenBody = new AtomicReference<>();
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-', '1', '.', '7', '\n', (byte) 0xE2, (byte) 0xE3, 0, 1, (byte) 0xFF};

    @BeforeEach
    void startService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/", exchange -> {
            seenHeaders.set(Map.copyOf(exchange.getRequestHeaders()));
            seenRequest.set(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            seenBody.set(exchange.getRequestBody().readAllBytes());
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith(".pdf")) {
                exchange.getResponseHeaders().add("Content-Type", "application/pdf");
                exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"packet-v2.pdf\"");
                exchange.sendResponseHeaders(200, PDF.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(PDF);
                }
                return;
            }
            if (exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + server.getAddress().getPort()
                        + "/api/backlog-items/42");
                exchange.getResponseHeaders().add("ETag", "\"0\"");
                exchange.getResponseHeaders().add("Set-Cookie", "upstream=1");
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                byte[] body = "{\"id\":\"42\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(201, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/calendar/", exchange -> {
            seenHeaders.set(Map.copyOf(exchange.getRequestHeaders()));
            seenRequest.set(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            byte[] body = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/calendar; charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopService() {
        server.stop(0);
    }

    private UpstreamProxy proxyTo(String backlogUrl) {
        return new UpstreamProxy(new Upstreams(Map.of("backlog", backlogUrl, "decision", backlogUrl)),
                Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void forwardsMethodPathQueryBodyAndOnlyTheContractHeadersWithTheBearerToken() {
        ProxyResponse answer = proxyTo(base()).forward("backlog", "POST", "/backlog-items", "alliance=ONC-HELIX",
                Map.of("Content-Type", List.of("application/json"), "Accept", List.of("application/json"),
                        "If-Match", List.of("\"3\""), "Cookie", List.of("q_session=secret"),
                        "X-CSRF-Token", List.of("abc")),
                "{\"title\":\"Prepare JSC\"}".getBytes(StandardCharsets.UTF_8), "the-access-token");

        assertEquals("POST /api/backlog-items?alliance=ONC-HELIX", seenRequest.get());
        assertEquals("{\"title\":\"Prepare JSC\"}", new String(seenBody.get(), StandardCharsets.UTF_8));
        Map<String, List<String>> headers = seenHeaders.get();
        assertEquals(List.of("Bearer the-access-token"), headers.get("Authorization"));
        assertEquals(List.of("\"3\""), headers.get("If-match"));
        assertEquals(List.of("application/json"), headers.get("Content-type"));
        assertNull(headers.get("Cookie"), "the browser's session cookie must never reach a service");
        assertNull(headers.get("X-csrf-token"));

        assertEquals(201, answer.status());
        assertEquals(List.of("/api/backlog/backlog-items/42"), answer.headers().get("Location"));
        assertEquals(List.of("\"0\""), answer.headers().get("ETag"));
        assertFalse(answer.headers().containsKey("Set-Cookie"));
    }

    @Test
    void passesTheBrowsersTraceContextOnWhenTracingIsOff() {
        String browser = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        proxyTo(base()).forward("backlog", "GET", "/backlog-items", null,
                Map.of("traceparent", List.of(browser), "tracestate", List.of("x".repeat(600))), null, "t");
        assertEquals(List.of(browser), seenHeaders.get().get("Traceparent"));
        assertNull(seenHeaders.get().get("Tracestate"), "an oversized header is not passed on");
    }

    @Test
    void sendsItsOwnSpanWhenTracingIsOn() {
        SpanContext bff = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "b7ad6b7169203331",
                TraceFlags.getSampled(), TraceState.getDefault());
        try (Scope scope = Span.wrap(bff).makeCurrent()) {
            proxyTo(base()).forward("backlog", "GET", "/backlog-items", null,
                    Map.of("traceparent", List.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")),
                    null, "t");
        }
        assertEquals(List.of("00-4bf92f3577b34da6a3ce929d0e0e4736-b7ad6b7169203331-01"),
                seenHeaders.get().get("Traceparent"));
    }

    @Test
    void passesBinaryBodiesThroughUnchanged() {
        ProxyResponse answer = proxyTo(base()).forward("backlog", "GET", "/meetings/1/packets/2.pdf", null,
                Map.of("Accept", List.of("application/pdf")), null, "t");
        assertEquals(200, answer.status());
        assertArrayEquals(PDF, answer.body());
        assertEquals(List.of("application/pdf"), answer.headers().get("Content-Type"));
        assertEquals(List.of("attachment; filename=\"packet-v2.pdf\""), answer.headers().get("Content-Disposition"));
    }

    @Test
    void aServiceThatIsDownIsA503Problem() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }
        ProxyResponse answer = proxyTo("http://127.0.0.1:" + freePort).forward("decision", "GET", "/decisions", null,
                Map.of(), null, "t");
        assertEquals(503, answer.status());
        assertEquals(List.of("application/problem+json"), answer.headers().get("Content-Type"));
        String body = new String(answer.body(), StandardCharsets.UTF_8);
        assertTrue(body.contains("\"title\":\"Service unavailable\""), body);
        assertTrue(body.contains("The decision service is not reachable right now"), body);
    }

    @Test
    void theCalendarFeedGoesUpstreamWithoutAnyToken() {
        ProxyResponse answer = proxyTo(base()).calendarFeed("s3cr3t-feed-value.ics",
                Map.of("Authorization", List.of("Bearer should-not-pass")));
        assertEquals(200, answer.status());
        assertEquals("GET /calendar/s3cr3t-feed-value.ics", seenRequest.get());
        assertNull(seenHeaders.get().get("Authorization"));
        assertEquals(List.of("text/calendar; charset=UTF-8"), answer.headers().get("Content-Type"));
        assertEquals(404, proxyTo(base()).calendarFeed("..%2Fapi%2Fx.ics", Map.of()).status());
    }

    @Test
    void anUnknownServiceIsA404Problem() {
        ProxyResponse answer = proxyTo(base()).forward("payroll", "GET", "/x", null, Map.of(), null, "t");
        assertEquals(404, answer.status());
        assertNull(seenRequest.get());
    }

    @Test
    void aPathThatWouldClimbOutOfTheServicesApiIsRefusedWithoutAskingTheService() {
        for (String path : List.of("/../q/metrics", "/%2e%2e/q/metrics", "/x/%2E%2E/%2e%2e/q/openapi", "/.%2e/q/health",
                "/..%2Fq/metrics", "/..%5cq/metrics", "/..\\q/metrics", "/..;/q/metrics", "/./q", "/a/.;x/b")) {
            ProxyResponse answer = proxyTo(base()).forward("backlog", "GET", path, null, Map.of(), null, "t");
            assertEquals(404, answer.status(), path);
        }
        assertNull(seenRequest.get(), "the service was never asked");
        for (String path : List.of("/backlog-items", "/backlog-items/a.b", "/decisions/...", "/meetings/1/packets/2.pdf",
                "/x%2Ey", "/q/metrics")) {
            assertFalse(UpstreamProxy.leavesApi(path), path);
        }
    }
}
