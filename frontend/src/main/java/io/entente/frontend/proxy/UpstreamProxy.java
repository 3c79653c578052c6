package io.entente.frontend.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Forwards one browser call to a service with the user's access token. Only the headers the API contract needs go
 * through in either direction: never the browser's cookies upstream, never anything token-like downstream.
 */
public class UpstreamProxy {

    public static final String PROBLEM_JSON = "application/problem+json";

    /** Request headers copied from the browser to the service. */
    static final Set<String> REQUEST_HEADERS = Set.of("content-type", "accept", "if-match", "if-none-match",
            "accept-language");
    /** Response headers copied from the service to the browser (Location is rewritten). */
    static final Set<String> RESPONSE_HEADERS = Set.of("content-type", "etag", "location", "content-disposition",
            "cache-control", "retry-after", "last-modified", "link");
    static final Set<String> BODYLESS = Set.of("GET", "HEAD", "DELETE", "OPTIONS");
    /** W3C trace context headers: the BFF's own span when tracing is on, else the browser's, passed through. */
    static final Set<String> TRACE_HEADERS = Set.of("traceparent", "tracestate");
    private static final int TRACE_HEADER_MAX = 512;

    private final Upstreams upstreams;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final ObjectMapper json = new ObjectMapper();

    public UpstreamProxy(Upstreams upstreams, Duration connectTimeout, Duration requestTimeout) {
        this.upstreams = upstreams;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public ProxyResponse forward(String service, String method, String path, String rawQuery,
            Map<String, List<String>> requestHeaders, byte[] body, String accessToken) {
        if (leavesApi(path)) {
            return problem(404, "Not found", "There is nothing at this address.");
        }
        return send(service, upstreams.target(service, path, rawQuery), method, requestHeaders, body, accessToken);
    }

    /** A service's OpenAPI document as JSON (Quarkus serves YAML unless asked), for the admins' API page. */
    public ProxyResponse openApiDocument(String service, String accessToken) {
        return send(service, upstreams.rootTarget(service, "/q/openapi", "format=json"), "GET",
                Map.of("Accept", List.of("application/json")), null, accessToken);
    }

    /**
     * Whether a path would climb out of a service's {@code /api} once the service decodes and normalises it: the
     * services' Vert.x turns {@code %2E} into a dot and removes dot segments, so {@code /api/%2e%2e/q/metrics} would
     * reach {@code /q/metrics}. No API path has a dot segment, an encoded slash or a backslash, so such a path is
     * refused here rather than trusted to either side's normalisation.
     */
    static boolean leavesApi(String path) {
        if (path == null) {
            return false;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("\\")) {
            return true;
        }
        for (String segment : lower.replace("%2e", ".").split("/", -1)) {
            String bare = segment.contains(";") ? segment.substring(0, segment.indexOf(';')) : segment;
            if (bare.equals(".") || bare.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The decision service's iCalendar feed ({@code /calendar/<secret>.ics}): calendar clients have no session, the
     * secret in the URL is the credential, so this goes upstream without any token.
     */
    public ProxyResponse calendarFeed(String file, Map<String, List<String>> requestHeaders) {
        if (!file.matches("[A-Za-z0-9_-]{8,200}\\.ics")) {
            return problem(404, "Not found", "There is no calendar feed at this address.");
        }
        return send("decision", upstreams.rootTarget("decision", "/calendar/" + file, null), "GET", requestHeaders,
                null, null);
    }

    /**
     * The governance service's pulse survey ({@code /pulse/<token>}): respondents have no session, the signed token
     * in the URL is the credential, so this goes upstream without any token, with the browser's address for the
     * service's per-address limit.
     */
    public ProxyResponse pulseSurvey(String token, String method, byte[] jsonBody, String clientAddress) {
        if (!isPulseToken(token)) {
            return problem(404, "Not found", "There is no survey at this address; check that the whole link was "
                    + "copied.");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Accept", List.of("application/json"));
        if (jsonBody != null) {
            headers.put("Content-Type", List.of("application/json"));
        }
        return send("governance", upstreams.rootTarget("governance", "/pulse/" + token, null), method, headers,
                jsonBody, null, clientAddress);
    }

    /** The shape of a survey token: a random id and its signature, both base64url. */
    public static boolean isPulseToken(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}");
    }

    private ProxyResponse send(String service, Optional<URI> target, String method,
            Map<String, List<String>> requestHeaders, byte[] body, String accessToken) {
        return send(service, target, method, requestHeaders, body, accessToken, null);
    }

    private ProxyResponse send(String service, Optional<URI> target, String method,
            Map<String, List<String>> requestHeaders, byte[] body, String accessToken, String forwardedFor) {
        if (target.isEmpty()) {
            return problem(404, "Not found", "There is no service called '" + service
                    + "'; use backlog, sprint, decision, governance or notification.");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target.get()).timeout(requestTimeout);
        requestHeaders.forEach((name, values) -> {
            if (REQUEST_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        traceHeaders(requestHeaders).forEach(request::header);
        if (accessToken != null && !accessToken.isBlank()) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        if (forwardedFor != null && !forwardedFor.isBlank()) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        String verb = method.toUpperCase(Locale.ROOT);
        boolean withBody = !BODYLESS.contains(verb) || (body != null && body.length > 0 && !verb.equals("GET"));
        request.method(verb, withBody
                ? HttpRequest.BodyPublishers.ofByteArray(body == null ? new byte[0] : body)
                : HttpRequest.BodyPublishers.noBody());
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException | ConnectException | UnresolvedAddressException e) {
            return unavailable(service);
        } catch (HttpTimeoutException e) {
            return problem(504, "Service timed out", "The " + service + " service did not answer in time. "
                    + "Try again in a moment.");
        } catch (IOException e) {
            // A refused or reset connection surfaces as a plain IOException on some platforms.
            return unavailable(service);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable(service);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!RESPONSE_HEADERS.contains(lower)) {
                return;
            }
            if (lower.equals("location")) {
                headers.put("Location", values.stream().map(v -> upstreams.rewriteLocation(service, v)).toList());
            } else {
                headers.put(canonical(lower), List.copyOf(values));
            }
        });
        return new ProxyResponse(response.statusCode(), headers, response.body());
    }

    /**
     * The trace context to send upstream. With tracing on, the current span is this request's server span, itself a
     * child of the browser's traceparent if it sent one; with tracing off there is no span, and the browser's headers
     * go on unchanged (bounded in size; the service ignores a malformed one), so a trace still reaches the services.
     */
    static Map<String, String> traceHeaders(Map<String, List<String>> requestHeaders) {
        Map<String, String> trace = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), trace, Map::put);
        if (!trace.isEmpty()) {
            return trace;
        }
        requestHeaders.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (TRACE_HEADERS.contains(lower) && !values.isEmpty() && values.get(0) != null
                    && values.get(0).length() <= TRACE_HEADER_MAX) {
                trace.put(lower, values.get(0));
            }
        });
        return trace;
    }

    private ProxyResponse unavailable(String service) {
        return problem(503, "Service unavailable", "The " + service + " service is not reachable right now. "
                + "The rest of Entente still works; try this page again in a minute.");
    }

    ProxyResponse problem(int status, String title, String detail) {
        ObjectNode node = json.createObjectNode()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        try {
            return new ProxyResponse(status, Map.of("Content-Type", List.of(PROBLEM_JSON)),
                    json.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String canonical(String lower) {
        return switch (lower) {
            case "etag" -> "ETag";
            default -> {
                StringBuilder out = new StringBuilder();
                for (String part : lower.split("-")) {
                    if (!out.isEmpty()) {
                        out.append('-');
                    }
                    out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
                }
                yield out.toString();
            }
        };
    }
}
