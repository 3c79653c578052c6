package io.entente.decision.domain;

import io.entente.platform.problem.Problems;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Who an approver, contributor or informed party is: a user ({@code user:<username>}) or a governance body
 * ({@code body:<JSC|JDC|…>}). Free text cannot be asked for a decision, so it is refused.
 */
public record DaciRef(Kind kind, String id) {

    public enum Kind { USER, BODY }

    /** Keycloak usernames as the realm allows them, without the characters that would make a reference ambiguous. */
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");
    private static final String BODIES = Arrays.stream(GovernanceBody.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    public static DaciRef user(String username) {
        return new DaciRef(Kind.USER, username);
    }

    /** Parses one reference; {@code field} names the request field in the 400 problem. */
    public static DaciRef parse(String field, String text) {
        if (text != null && text.startsWith("user:")) {
            String name = text.substring(5);
            if (USERNAME.matcher(name).matches()) {
                return new DaciRef(Kind.USER, name);
            }
            throw Problems.invalid(field, "'" + text + "' is not a username reference: user:<username> in lower case");
        }
        if (text != null && text.startsWith("body:")) {
            Optional<GovernanceBody> body = Arrays.stream(GovernanceBody.values())
                    .filter(b -> b.name().equals(text.substring(5))).findFirst();
            if (body.isPresent()) {
                return new DaciRef(Kind.BODY, body.get().name());
            }
            throw Problems.invalid(field, "'" + text + "' names no governance body; use body:<one of " + BODIES + ">");
        }
        throw Problems.invalid(field, "'" + text + "' must be a user (user:<username>) or a governance body "
                + "(body:<one of " + BODIES + ">)");
    }

    public static void requireAll(String field, List<String> refs) {
        if (refs != null) {
            refs.forEach(r -> parse(field, r));
        }
    }

    public boolean isUser(String username) {
        return kind == Kind.USER && id.equals(username);
    }

    @Override
    public String toString() {
        return (kind == Kind.USER ? "user:" : "body:") + id;
    }
}
