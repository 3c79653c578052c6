package io.entente.backlog;

import io.entente.platform.testing.DefectiveTokens;
import io.entente.platform.testing.DefectiveTokens.DefectiveToken;
import io.entente.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Only tokens issued by our realm, for our API, signed with its key and still valid open the API. Every defective
 * token carries the admin role and every alliance, so a 401 can only come from the defect itself.
 */
@QuarkusTest
class TokenHardeningTest {

    record Call(String method, String path, String body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Call> CALLS = List.of(
            new Call("GET", "/api/backlog-items", null),
            new Call("GET", "/api/alliances", null),
            new Call("GET", "/api/risks", null),
            new Call("POST", "/api/backlog-items", """
                    {"allianceId":"LIC-CORVID","title":"Forged","discipline":"GOVERNANCE","type":"TASK"}"""),
            new Call("POST", "/api/alliances", """
                    {"key":"FORGED","name":"Forged","partner":"Evil","type":"LICENSING","tier":1,"phase":"EXECUTION",
                     "valueScore":1,"complexityScore":1,"allianceManager":"mallory"}"""),
            new Call("PUT", "/api/backlog-items/00000000-0000-0000-0000-000000000001", """
                    {"title":"Forged","discipline":"GOVERNANCE","type":"TASK"}"""));

    static TestTokens.Builder admin() {
        return TestTokens.user("mallory").roles("admin", "alliance-manager", "governance-ops")
                .alliances("ONC-HELIX", "CMB-NORVANE", "CDX-QUANTIA", "DTX-ASTER", "LIC-CORVID");
    }

    static Stream<Arguments> badTokens() {
        List<DefectiveToken> tokens = DefectiveTokens.all(TokenHardeningTest::admin);
        return CALLS.stream().flatMap(call -> tokens.stream().map(t -> Arguments.of(call, t.defect(), t.token())));
    }


    static Stream<Call> calls() {
        return CALLS.stream();
    }

    @ParameterizedTest(name = "{0} with {1} token: 401")
    @MethodSource("badTokens")
    void defectiveTokensAreRefused(Call call, String defect, String token) {
        Response response = send(call, token);
        assertEquals(401, response.statusCode(), defect + " token on " + call + ": " + response.asString());
        assertFalse(response.asString().contains("ONC-HELIX"), "no data in a 401 body");
    }

    @ParameterizedTest(name = "{0} without a token: 401")
    @MethodSource("calls")
    void missingTokenIsRefused(Call call) {
        Response response = given().contentType(ContentType.JSON).body(call.body() == null ? "" : call.body())
                .request(call.method(), call.path());
        assertEquals(401, response.statusCode(), call + ": " + response.asString());
    }

    @ParameterizedTest(name = "{0} with a valid token passes authentication")
    @MethodSource("calls")
    void validTokenIsAccepted(Call call) {
        // The control: the same call with a sound token is not refused by authentication.
        String token = TestTokens.user("nora").roles("stakeholder").alliances("LIC-CORVID").sign();
        Response response = send(call, token);
        assertNotEquals(401, response.statusCode(), call + ": " + response.asString());
    }

    private static Response send(Call call, String token) {
        var request = given().header("Authorization", "Bearer " + token);
        if (call.body() != null) {
            request = request.contentType(ContentType.JSON).body(call.body());
        }
        return request.request(call.method(), call.path());
    }
}
