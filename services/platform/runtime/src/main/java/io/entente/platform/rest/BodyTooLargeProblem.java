package io.entente.platform.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entente.platform.problem.Problem;
import io.entente.platform.problem.ProblemException;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Refuses a request body over {@code entente.http.max-body-size} with 413 and problem+json like every other refusal.
 * Quarkus' own limit ({@code quarkus.http.limits.max-body-size}) answers with an empty 413 that a client cannot tell
 * from a proxy error, so it is set higher and only stays as the backstop. Two ways in: a declared Content-Length over
 * the limit is refused before a byte of the body is read; a chunked body is counted while the JSON reader reads it.
 */
@ApplicationScoped
@Provider
public class BodyTooLargeProblem implements ReaderInterceptor {

    static final int STATUS = 413;

    private final ObjectMapper mapper;
    private final long limitBytes;

    public BodyTooLargeProblem(ObjectMapper mapper,
                               @ConfigProperty(name = "entente.http.max-body-size") MemorySize limit) {
        this.mapper = mapper;
        this.limitBytes = limit.asLongValue();
    }

    void install(@Observes Router router) {
        // Runs before Quarkus' own routes (order < 0), so the oversized body is never read.
        router.route().order(-1000).handler(this::refuseDeclaredOversize);
        router.route().order(-1000).failureHandler(this::describeRefusal);
    }

    private void refuseDeclaredOversize(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && exceedsLimit(declared)) {
            answer(context);
            return;
        }
        context.next();
    }

    private void describeRefusal(RoutingContext context) {
        if (context.statusCode() == STATUS && !context.response().headWritten()) {
            answer(context);
            return;
        }
        context.next();
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new CountingInputStream(context.getInputStream()));
        return context.proceed();
    }

    private ProblemException tooLarge() {
        return new ProblemException(STATUS, "body-too-large", "Request body too large", detail());
    }

    private String detail() {
        return "the request body is larger than " + (limitBytes / 1024) + " KB; send less at once";
    }

    private boolean exceedsLimit(String declared) {
        try {
            return Long.parseLong(declared.trim()) > limitBytes;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed Content-Length itself
        }
    }

    private void answer(RoutingContext context) {
        Problem problem = new Problem("https://entente.io/problems/body-too-large", "Request body too large", STATUS,
                detail(), context.request().path(), List.of());
        String json;
        try {
            json = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // Close: the rest of an oversized body is not worth reading off the connection.
        context.response().setStatusCode(STATUS)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(json);
    }

    /** Stops reading a chunked body at the limit, before Quarkus' backstop would answer without a problem body. */
    private final class CountingInputStream extends FilterInputStream {
        private long read;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limitBytes) {
                throw tooLarge();
            }
        }
    }
}
