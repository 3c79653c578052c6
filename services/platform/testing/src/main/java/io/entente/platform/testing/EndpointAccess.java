package io.entente.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.entente.platform.testing.AccessMatrix.Row;
import io.entente.platform.testing.EndpointInventory.Endpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The security matrix of one service, checked by {@link AccessMatrix}: every REST method, found by reflection and
 * cross-checked with the OpenAPI document, is called without a token (401), with only the roles it refuses (403,
 * nothing changed), by a user of another alliance (404 or a list without alliance A, never a key, id or title of A),
 * once by a user of alliance A to prove the call reaches the object, and by a partner of alliance A, who gets what
 * the row classifies (200, 403 or 404). An endpoint without a row, or a row without a partner classification, fails
 * the build.
 *
 * <p>A service's {@code EndpointAccessTest} subclasses this with its rows and the fixtures of alliance A.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class EndpointAccess {

    /** Every role but admin and partner (a partner is read as one whatever else they hold): the ally and the
     * foreigner hold them all. */
    protected static final String[] OTHER_ROLES = {"alliance-manager", "team-member", "governance-ops",
            "stakeholder"};

    private List<Endpoint> inventory;
    private AccessMatrix matrix;

    /** The service's base package, e.g. {@code io.entente.backlog}; with the platform's, its REST methods. */
    protected abstract String servicePackage();

    /** One row per REST method, saying how to call it on alliance A's data. */
    protected abstract List<Row> rows();

    /**
     * Creates the data of alliance A (and some of alliance B, so that B's lists are not trivially empty) and returns
     * {@code matrix} with its fixtures bound, A's secrets, the reader, ally, foreigner and refused tokens and the
     * fingerprint of what a refused change must leave alone. Runs once, before the first check.
     */
    protected abstract AccessMatrix fixtures(AccessMatrix matrix);

    /** The changes every role may make, so no wrong-role check applies; none by default: stakeholders read only. */
    protected List<String> changesOpenToEveryRole() {
        return List.of();
    }

    /** A member of {@code alliance} with every role but admin. */
    protected static String memberOf(String user, String alliance) {
        return TestTokens.user(user).roles(OTHER_ROLES).alliances(alliance).sign();
    }

    /** The partner company's person on {@code alliance}: role {@code partner} only. */
    protected static String partnerOf(String user, String alliance) {
        return TestTokens.user(user).roles("partner").alliances(alliance).sign();
    }

    /** Tokens of a member of {@code alliance} holding exactly the roles asked for. */
    protected static Function<Set<String>, String> memberWithRoles(String user, String alliance) {
        return roles -> TestTokens.user(user).roles(roles.toArray(String[]::new)).alliances(alliance).sign();
    }

    protected final List<Endpoint> inventory() {
        if (inventory == null) {
            inventory = EndpointInventory.scan(servicePackage(), "io.entente.platform");
        }
        return inventory;
    }

    @BeforeEach
    void matrixOnce() {
        if (matrix == null) {
            matrix = fixtures(new AccessMatrix(inventory()));
        }
    }

    Stream<Row> refusableChanges() {
        return AccessMatrix.refusableChanges(inventory(), rows());
    }

    @Test
    @Order(1)
    void everyRestMethodHasARowAndEveryRowARestMethod() throws Exception {
        AccessMatrix.assertCoverage(inventory(), rows());
        // Compared in order of name: reflection lists the methods in no set order.
        assertEquals(changesOpenToEveryRole().stream().sorted().toList(),
                AccessMatrix.changesOpenToEveryRole(inventory()).stream().sorted().toList());
        JsonNode openApi = BadInput.JSON.readTree(given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
        EndpointInventory.assertSameAs(inventory(), openApi);
    }

    @ParameterizedTest(name = "{0} without a token: 401")
    @MethodSource("rows")
    @Order(2)
    void withoutTokenIsRefused(Row row) {
        matrix.assertUnauthenticated(row);
    }

    // A service whose every change belongs to the caller alone (their own notifications) has none to refuse; the
    // coverage test above pins that list.
    @ParameterizedTest(name = "{0} with only refused roles: 403, nothing changed", allowZeroInvocations = true)
    @MethodSource("refusableChanges")
    @Order(3)
    void refusedRolesChangeNothing(Row row) {
        matrix.assertWrongRolesRefused(row);
    }

    @ParameterizedTest(name = "{0} by another alliance: nothing of alliance A")
    @MethodSource("rows")
    @Order(4)
    void anotherAllianceLearnsNothing(Row row) {
        matrix.assertForeignAllianceSeesNothing(row);
    }

    @ParameterizedTest(name = "{0} by alliance A: passes security (control)")
    @MethodSource("rows")
    @Order(5)
    void allianceMemberPassesSecurity(Row row) {
        matrix.assertAllyPasses(row);
    }

    @ParameterizedTest(name = "{0} by a partner of alliance A: as classified")
    @MethodSource("rows")
    @Order(6)
    void partnerGetsWhatTheRowClassifies(Row row) {
        matrix.assertPartnerAsClassified(row);
    }
}
