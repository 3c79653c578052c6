package io.entente.platform.testing;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.params.provider.Arguments;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The checks every service's token-hardening test makes on its own calls: each {@link DefectiveTokens defective
 * token} gets 401 without data, no token gets 401, and a sound token passes authentication (the control).
 */
public final class TokenChecks {

    private TokenChecks() {
    }

    /** One API call to try with each token. */
    public record Call(String method, String path, String body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** (call, defect, token) for every call and every defective token built from {@code powerful}. */
    public static Stream<Arguments> defectiveTokenCases(List<Call> calls, Supplier<TestTokens.Builder> powerful) {
        List<DefectiveTokens.DefectiveToken> tokens = DefectiveTokens.all(powerful);
        return calls.stream().flatMap(call -> tokens.stream().map(t -> Arguments.of(call, t.defect(), t.token())));
    }

    public static void assertRefused(Call call, String defect, String token) {
        Response response = send(call, token);
        assertEquals(401, response.statusCode(), defect + " token on " + call + ": " + response.asString());
        assertFalse(response.asString().contains("ONC-HELIX"), "no data in a 401 body");
    }

    public static void assertRefusedWithoutToken(Call call) {
        Response response = given().contentType(ContentType.JSON).body(call.body() == null ? "" : call.body())
                .request(call.method(), call.path());
        assertEquals(401, response.statusCode(), call + ": " + response.asString());
    }

    /** The control: the same call with a sound token is not refused by authentication. */
    public static void assertPassesAuthentication(Call call) {
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
