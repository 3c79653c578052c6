package io.entente.platform.problem;

import java.util.List;

/** The refusals every service uses, so the same situation reads the same everywhere. */
public final class Problems {

    private Problems() {
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist");
    }

    public static ProblemException invalid(String detail) {
        return new ProblemException(400, "invalid-request", "Invalid request", detail);
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "invalid-request", "Invalid request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** The request is well-formed but breaks a domain rule (e.g. a phase jump, a WIP limit). */
    public static ProblemException rule(String slug, String detail) {
        return new ProblemException(409, slug, "Refused by a business rule", detail);
    }

    /** A role check that depends on the data (e.g. a team member changing another team's sprint). */
    public static ProblemException forbidden(String slug, String detail) {
        return new ProblemException(403, slug, "Forbidden", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail);
    }

    public static ProblemException stale(String detail) {
        return new ProblemException(412, "stale-version", "Precondition failed", detail);
    }

    public static ProblemException preconditionRequired() {
        return new ProblemException(428, "if-match-required", "Precondition required",
                "send If-Match with the ETag you read, so that a concurrent change is not overwritten");
    }
}
