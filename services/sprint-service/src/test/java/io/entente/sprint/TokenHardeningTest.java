package io.entente.sprint;

import io.entente.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
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
            new Call("GET", "/api/teams", null),
            new Call("GET", "/api/sprints", null),
            new Call("GET", "/api/sprint-candidates", null),
            new Call("POST", "/api/teams", """
                    {"name":"Forged team"}"""),
            new Call("POST", "/api/sprints", """
                    {"name":"Forged sprint"}"""),
            new Call("PUT", "/api/teams/00000000-0000-0000-0000-000000000001", """
                    {"name":"Forged team"}"""));

    static TestTokens.Builder admin() {
        return TestTokens.user("mallory").roles("admin", "alliance-manager", "governance-ops")
                .alliances("ONC-HELIX", "CMB-NORVANE", "CDX-QUANTIA", "DTX-ASTER", "LIC-CORVID");
    }

    static Stream<Arguments> badTokens() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String valid = TestTokens.user("nora").roles("stakeholder").alliances("LIC-CORVID").sign();
        String[] parts = valid.split("\\.");
        String forgedClaims = admin().unsigned().split("\\.")[1];
        List<Arguments> tokens = new ArrayList<>(List.of(
                Arguments.of("expired", admin().expiresIn(Duration.ofMinutes(-5)).sign()),
                Arguments.of("wrong issuer", admin().issuer("https://evil.example/realms/entente").sign()),
                Arguments.of("wrong audience", admin().audience("some-other-api").sign()),
                Arguments.of("signed with another key", admin().signedWithOtherKey().sign()),
                Arguments.of("unsigned (alg none)", admin().unsigned()),
                Arguments.of("claims swapped under a valid signature", parts[0] + "." + forgedClaims + "." + parts[2]),
                Arguments.of("signature stripped", parts[0] + "." + parts[1] + "."),
                Arguments.of("not a JWT", "not-a-token"),
                Arguments.of("HS256 with the public key as secret", hs256WithPublicKey(b64))));
        return CALLS.stream().flatMap(call -> tokens.stream().map(t -> Arguments.of(call, t.get()[0], t.get()[1])));
    }

    /** The classic algorithm-confusion attack: an HMAC "signed" with the (public) RSA key. */
    static String hs256WithPublicKey(Base64.Encoder b64) {
        try {
            String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            String claims = admin().unsigned().split("\\.")[1];
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(TestTokens.publicKey().getBytes(StandardCharsets.US_ASCII),
                    "HmacSHA256"));
            byte[] sig = mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + b64.encodeToString(sig);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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
