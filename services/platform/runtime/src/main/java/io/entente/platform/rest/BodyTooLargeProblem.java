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
 * A text/csv body (a spreadsheet import) has its own, larger limit, {@code entente.http.max-csv-body-size}.
 */
@ApplicationScoped
@Provider
public class BodyTooLargeProblem implements ReaderInterceptor {

    static final int STATUS = 413;

    private final ObjectMapper mapper;
    private final long limitBytes;
    private final long csvLimitBytes;

    public BodyTooLargeProblem(ObjectMapper mapper,
                               @ConfigProperty(name = "entente.http.max-body-size") MemorySize limit,
                               @ConfigProperty(name = "entente.http.max-csv-body-size") MemorySize csvLimit) {
        this.mapper = mapper;
        this.limitBytes = limit.asLongValue();
        this.csvLimitBytes = csvLimit.asLongValue();
    }

    private long limitFor(String contentType) {
        return contentType != null && contentType.trim().toLowerCase().startsWith("text/csv") ? csvLimitBytes
                : limitBytes;
    }

    void install(@Observes Router router) {
        // Runs before Quarkus' own routes (order < 0), so the oversized body is never read.
        router.route().order(-1000).handler(this::refuseDeclaredOversize);
        router.route().order(-1000).failureHandler(this::describeRefusal);
    }

    private void refuseDeclaredOversize(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long limit = limitFor(context.request().getHeader(HttpHeaders.CONTENT_TYPE));
        if (declared != null && exceedsLimit(declared, limit)) {
            answer(context, limit);
            return;
        }
        context.next();
    }

    private void describeRefusal(RoutingContext context) {
        if (context.statusCode() == STATUS && !context.response().headWritten()) {
            answer(context, limitFor(context.request().getHeader(HttpHeaders.CONTENT_TYPE)));
            return;
        }
        context.next();
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        long limit = limitFor(context.getMediaType() == null ? null : context.getMediaType().toString());
        context.setInputStream(new CountingInputStream(context.getInputStream(), limit));
        return context.proceed();
    }

    private static ProblemException tooLarge(long limit) {
        return new ProblemException(STATUS, "body-too-large", "Request body too large", detail(limit));
    }

    private static String detail(long limit) {
        return "the request body is larger than " + (limit / 1024) + " KB; send less at once";
    }

    private static boolean exceedsLimit(String declared, long limit) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed Content-Length itself
        }
    }

    private void answer(RoutingContext context, long limit) {
        Problem problem = new Problem("https://entente.io/problems/body-too-large", "Request body too large", STATUS,
                detail(limit), context.request().path(), List.of());
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
        private final long limit;
        private long read;

        CountingInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
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
            if (read > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
