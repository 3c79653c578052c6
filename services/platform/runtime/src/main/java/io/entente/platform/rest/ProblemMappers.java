package io.entente.platform.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.entente.platform.db.DatabaseUnavailable;
import io.entente.platform.problem.Problem;
import io.entente.platform.problem.ProblemException;
import io.quarkus.security.ForbiddenException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error leaves a service as {@code application/problem+json}: a 4xx that says what is wrong, a 503 when a
 * dependency is down, a 500 that says nothing internal. 401 challenges stay with Quarkus security.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String TYPE_BASE = "https://entente.io/problems/";

    private final ObjectMapper mapper;

    public ProblemMappers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.status(), e.slug(), e.title(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
        return respond(400, "invalid-request", "Invalid request", detail, uri, errors);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        // The JSON reader wraps a refusal raised while it reads the body (BodyTooLargeProblem): answer that one.
        if (causeOf(e, ProblemException.class) instanceof ProblemException refused) {
            return problem(refused, uri);
        }
        return respond(400, "malformed-body", "Malformed request body", describe(e), uri, List.of());
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        if (causeOf(e, ProblemException.class) instanceof ProblemException refused) {
            return problem(refused, uri);
        }
        String field = pathOf(e);
        String detail = describe(e);
        return respond(400, "malformed-body", "Malformed request body", detail, uri,
                field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, detail)));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "forbidden", "Forbidden", "your role does not allow this action", uri, List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        // A typed query parameter that does not read (QueryParamConverters) carries its own problem.
        if (causeOf(e, ProblemException.class) instanceof ProblemException refused) {
            return problem(refused, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        String detail = status == 404 ? "no resource at " + uri.getPath()
                : status >= 500 ? "the service could not complete the request" : e.getMessage();
        return respond(status, slug(title), title, detail, uri, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        Throwable stale = causeOf(e, OptimisticLockException.class, StaleStateException.class);
        if (stale != null) {
            return respond(412, "stale-version", "Precondition failed",
                    "someone else changed this resource at the same time; read it again and reapply your change",
                    uri, List.of());
        }
        ConstraintViolationException invalid = (ConstraintViolationException) causeOf(e,
                ConstraintViolationException.class);
        if (invalid != null) {
            return invalid(invalid, uri);
        }
        SQLException sql = (SQLException) causeOf(e, SQLException.class);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        // 22xxx: a value the database cannot store (a NUL character, a date beyond its range) is bad input.
        if (state.startsWith("22")) {
            return respond(400, "invalid-value", "Invalid request",
                    "a value cannot be stored (e.g. a NUL character or a date outside the supported range)", uri,
                    List.of());
        }
        if (DatabaseUnavailable.isCause(e)) {
            LOG.warnf("database unavailable: %s", e.getMessage());
            return Response.status(503).header("Retry-After", "5").type(Problem.MEDIA_TYPE)
                    .entity(json(new Problem(TYPE_BASE + "unavailable", "Service unavailable", 503,
                            "the database is unavailable; try again shortly", uri.getPath(), List.of())))
                    .build();
        }
        LOG.error("unexpected failure", e);
        return respond(500, "internal", "Internal error", "the service could not complete the request", uri,
                List.of());
    }

    private Response respond(int status, String slug, String title, String detail, UriInfo uri,
                             List<Problem.FieldError> errors) {
        Problem problem = new Problem(TYPE_BASE + slug, title, status, detail, uri.getPath(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(json(problem)).build();
    }

    // Serialised here so the body is JSON whatever the request's Accept header negotiated.
    private String json(Problem problem) {
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            return "{\"status\":" + problem.status() + "}";
        }
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        if (e instanceof InvalidFormatException f) {
            return pathOf(f) + ": '" + f.getValue() + "' is not a valid " + f.getTargetType().getSimpleName();
        }
        if (e instanceof MismatchedInputException m && m.getOriginalMessage() != null
                && m.getOriginalMessage().startsWith("Missing required creator property")) {
            // A field a request marks required even when null: leaving it out is not the same as clearing it.
            return pathOf(m) + ": must be present (null to clear it)";
        }
        if (e instanceof MismatchedInputException m) {
            String path = pathOf(m);
            String target = m.getTargetType() == null ? "value" : m.getTargetType().getSimpleName();
            return (path.isEmpty() ? "body" : path) + ": expected " + target;
        }
        return "the body is not valid JSON: " + e.getOriginalMessage();
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String fieldOf(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        // Resource method violations read "create.body.title": the client only knows "title".
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                : parts[parts.length - 1];
    }

    private static String slug(String title) {
        return title == null ? "error" : title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    @SafeVarargs
    private static Throwable causeOf(Throwable e, Class<? extends Throwable>... types) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(t)) {
                    return t;
                }
            }
        }
        return null;
    }
}
