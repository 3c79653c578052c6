package io.entente.platform.security;

import io.entente.platform.problem.Problems;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The caller and what they may see. Alliance membership is need-to-know: it comes from the token's {@code groups}
 * claim ({@code alliance:<KEY>}); admins see every alliance. A foreign alliance's objects answer 404, never 403, so
 * their existence does not leak — use {@link #requireAlliance} for that.
 */
@RequestScoped
public class CurrentUser {

    static final String ALLIANCE_GROUP_PREFIX = "alliance:";

    private final SecurityIdentity identity;
    private Set<String> alliances;

    public CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isAuthenticated() {
        return !identity.isAnonymous();
    }

    /** The user id (Keycloak username), or {@code system} outside a user's request. */
    public String id() {
        return identity.isAnonymous() ? "system" : identity.getPrincipal().getName();
    }

    public String displayName() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("name") != null) {
            return jwt.getClaim("name").toString();
        }
        return id();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    /**
     * Whether the caller is the partner company's: they read the joint edition of everything. The role wins over
     * any other the token also carries, so a mistaken extra role never opens internal material to a partner.
     */
    public boolean isPartner() {
        return identity.hasRole(Roles.PARTNER);
    }

    /** The alliance keys the user belongs to (not the full set for an admin: use {@link #canSee}). */
    public Set<String> alliances() {
        if (alliances == null) {
            alliances = readAlliances();
        }
        return alliances;
    }

    public boolean canSee(String allianceKey) {
        return allianceKey != null && (isAdmin() || alliances().contains(allianceKey));
    }

    /** Throws a 404 problem naming {@code what} when the user may not see the alliance. */
    public void requireAlliance(String allianceKey, String what, Object id) {
        if (!canSee(allianceKey)) {
            throw Problems.notFound(what, id);
        }
    }

    private Set<String> readAlliances() {
        Set<String> keys = new TreeSet<>();
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object groups = jwt.getClaim("groups");
            if (groups instanceof Collection<?> values) {
                for (Object value : values) {
                    String group = stripQuotes(String.valueOf(value));
                    if (group.startsWith("/")) {
                        group = group.substring(1);
                    }
                    if (group.startsWith(ALLIANCE_GROUP_PREFIX)) {
                        keys.add(group.substring(ALLIANCE_GROUP_PREFIX.length()));
                    }
                }
            }
        }
        return Set.copyOf(keys);
    }

    // JSON-P string values print with their quotes.
    private static String stripQuotes(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
