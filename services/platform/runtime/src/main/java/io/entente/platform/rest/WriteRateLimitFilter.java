package io.entente.platform.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entente.platform.observability.MetricNames;
import io.entente.platform.problem.Problem;
import io.entente.platform.security.RateLimitConfig;
import io.entente.platform.security.SharedTokenBuckets;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Refuses a user's writes beyond {@code entente.rate-limit.*} with 429, {@code Retry-After} and problem+json. Runs
 * after authentication, so the bucket belongs to the verified user id; anonymous calls are left to the 401 of the
 * security layer, and reads are never limited. The buckets are shared by all replicas of the service
 * ({@link SharedTokenBuckets}).
 */
public class WriteRateLimitFilter {

    private static final Logger LOG = Logger.getLogger(WriteRateLimitFilter.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final RateLimitConfig config;
    private final ObjectMapper mapper;
    private final SharedTokenBuckets buckets;
    private final Timer checks;

    public WriteRateLimitFilter(RateLimitConfig config, ObjectMapper mapper, SharedTokenBuckets buckets,
                                MeterRegistry registry) {
        this.config = config;
        this.mapper = mapper;
        this.buckets = buckets;
        // What the shared limit costs each write (a statement on the database before the write's own): fixed
        // buckets, so that the benchmark and a dashboard can tell its percentiles apart from the write's.
        this.checks = Timer.builder(MetricNames.RATE_LIMIT_CHECK)
                .description("The per-user write limit's check of one write, allowed or refused")
                .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
                        Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(100),
                        Duration.ofMillis(250))
                .register(registry);
    }

    @ServerRequestFilter
    public Response limit(ContainerRequestContext request) {
        if (!config.enabled() || !WRITES.contains(request.getMethod())) {
            return null;
        }
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/") && !path.equals("/api")) {
            return null;
        }
        Principal user = request.getSecurityContext().getUserPrincipal();
        if (user == null || user.getName() == null || user.getName().isBlank()) {
            return null;
        }
        long started = System.nanoTime();
        long retryAfter = buckets.tryAcquire(user.getName());
        checks.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        if (retryAfter == 0) {
            return null;
        }
        LOG.warnf("write rate limit reached for user %s on %s %s", user.getName(), request.getMethod(), path);
        Problem problem = new Problem("https://entente.io/problems/rate-limited", "Too many requests", 429,
                "more than " + config.burst() + " changes at once or " + config.writesPerSecond()
                        + " per second; try again in " + retryAfter + " s", path, List.of());
        return Response.status(429)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter))
                .type(Problem.MEDIA_TYPE)
                .entity(json(problem))
                .build();
    }

    private String json(Problem problem) {
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            return "{\"status\":429}";
        }
    }
}
