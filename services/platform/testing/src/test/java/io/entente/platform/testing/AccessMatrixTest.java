package io.entente.platform.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.entente.platform.testing.EndpointInventory.Access;
import io.entente.platform.testing.EndpointInventory.Endpoint;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.entente.platform.testing.AccessMatrix.Partner.FORBIDDEN;
import static io.entente.platform.testing.AccessMatrix.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inventory and the coverage rule without a service: what makes a new endpoint without a row break the build. */
class AccessMatrixTest {

    @Path("/api/things/")
    @RolesAllowed("admin")
    public static class ThingResource {
        @GET
        @RolesAllowed({"admin", "stakeholder"})
        public String list() {
            return "";
        }

        @POST
        @Path("{id: [0-9]+}/close")
        public String close() {
            return "";
        }

        @DELETE
        @Path("/{id}")
        @PermitAll
        public void delete() {
        }

        @GET
        @Path("open")
        public String unguarded() {
            return "";
        }

        public String notAnEndpoint() {
            return "";
        }
    }

    @Path("/api/open")
    public static class OpenResource {
        @GET
        public String read() {
            return "";
        }
    }

    static final List<Endpoint> THINGS = EndpointInventory.endpointsOf(ThingResource.class);

    @Test
    void findsEveryResourceMethodWithItsFullPathAndRoles() {
        assertEquals(Set.of("GET /api/things", "POST /api/things/{id}/close", "DELETE /api/things/{id}",
                "GET /api/things/open"), Set.copyOf(THINGS.stream().map(Endpoint::key).toList()));
        Endpoint list = find("GET /api/things");
        assertEquals(Set.of("admin", "stakeholder"), list.roles());
        // Class-level @RolesAllowed applies where the method says nothing.
        assertEquals(Set.of("admin"), find("POST /api/things/{id}/close").roles());
        assertEquals(Access.PERMIT_ALL, find("DELETE /api/things/{id}").access());
        assertEquals(Access.UNANNOTATED, EndpointInventory.endpointsOf(OpenResource.class).get(0).access());
    }

    @Test
    void scansPackagesOnTheClassPath() {
        List<Endpoint> found = EndpointInventory.scan("io.entente.platform.testing");
        assertTrue(found.stream().anyMatch(e -> e.key().equals("POST /api/things/{id}/close")), found.toString());
        assertTrue(found.stream().anyMatch(e -> e.key().equals("GET /api/open")), found.toString());
    }

    @Test
    void aMethodWithoutARowFailsAndSoDoesARowWithoutAMethod() {
        List<AccessMatrix.Row> rows = List.of(row("GET /api/things").partner(FORBIDDEN, "things are ours"),
                row("POST /api/things/{id}/close").partner(FORBIDDEN, "things are ours"),
                row("DELETE /api/things/{id}").publicBecause("test", "/api/things/0"),
                row("GET /api/things/open").partner(FORBIDDEN, "things are ours"));
        AccessMatrix.assertCoverage(THINGS, rows);

        // A row that does not say what a partner gets fails: partners are the reader most likely to be forgotten.
        List<AccessMatrix.Row> unclassified = new java.util.ArrayList<>(rows);
        unclassified.set(0, row("GET /api/things"));
        AssertionError partner = assertThrows(AssertionError.class,
                () -> AccessMatrix.assertCoverage(THINGS, unclassified));
        assertTrue(partner.getMessage().contains("GET /api/things (ThingResource#list) does not say what a partner"),
                partner.getMessage());

        AssertionError missing = assertThrows(AssertionError.class,
                () -> AccessMatrix.assertCoverage(THINGS, rows.subList(0, 3)));
        assertTrue(missing.getMessage().contains("no security row for GET /api/things/open"), missing.getMessage());

        List<AccessMatrix.Row> extra = new java.util.ArrayList<>(rows);
        extra.add(row("PUT /api/things/{id}"));
        AssertionError unknown = assertThrows(AssertionError.class, () -> AccessMatrix.assertCoverage(THINGS, extra));
        assertTrue(unknown.getMessage().contains("row PUT /api/things/{id} matches no REST method"),
                unknown.getMessage());
    }

    @Test
    void aPublicEndpointNeedsAReasonAndAnUnguardedOneFails() {
        AssertionError e = assertThrows(AssertionError.class, () -> AccessMatrix.assertCoverage(THINGS,
                List.of(row("GET /api/things"), row("POST /api/things/{id}/close"), row("DELETE /api/things/{id}"),
                        row("GET /api/things/open"))));
        assertTrue(e.getMessage().contains("DELETE /api/things/{id} is @PermitAll: say why"), e.getMessage());

        List<Endpoint> open = EndpointInventory.endpointsOf(OpenResource.class);
        AssertionError unguarded = assertThrows(AssertionError.class,
                () -> AccessMatrix.assertCoverage(open, List.of(row("GET /api/open"))));
        assertTrue(unguarded.getMessage().contains("has neither @RolesAllowed nor @PermitAll"),
                unguarded.getMessage());
    }

    @Test
    void onlyChangesThatSomeRoleMayNotMakeGetTheWrongRoleCheck() {
        List<AccessMatrix.Row> rows = List.of(row("GET /api/things"), row("POST /api/things/{id}/close"));
        assertEquals(List.of("POST /api/things/{id}/close"),
                AccessMatrix.refusableChanges(THINGS, rows).map(AccessMatrix.Row::key).toList());
    }

    @Test
    void theOpenApiDocumentMustListTheSameEndpoints() throws Exception {
        ObjectMapper json = new ObjectMapper();
        var document = json.readTree("""
                {"paths":{"/api/things":{"get":{}},"/api/things/{id}/close":{"post":{}},
                          "/api/things/{id}":{"delete":{},"parameters":[]},"/api/things/open":{"get":{}}}}""");
        EndpointInventory.assertSameAs(THINGS, document);
        var more = json.readTree("""
                {"paths":{"/api/things":{"get":{}},"/api/things/{id}/close":{"post":{}},
                          "/api/things/{id}":{"delete":{}},"/api/things/open":{"get":{}},"/api/secret":{"get":{}}}}""");
        AssertionError e = assertThrows(AssertionError.class, () -> EndpointInventory.assertSameAs(THINGS, more));
        assertTrue(e.getMessage().contains("GET /api/secret"), e.getMessage());
    }

    private static Endpoint find(String key) {
        return THINGS.stream().filter(e -> e.key().equals(key)).findFirst().orElseThrow();
    }
}
