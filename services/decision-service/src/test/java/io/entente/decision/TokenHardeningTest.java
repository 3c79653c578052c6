package io.entente.decision;

import io.entente.platform.testing.TestTokens;
import io.entente.platform.testing.TokenChecks;
import io.entente.platform.testing.TokenChecks.Call;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

/**
 * Only tokens issued by our realm, for our API, signed with its key and still valid open the API. Every defective
 * token carries the admin role and every alliance, so a 401 can only come from the defect itself.
 */
@QuarkusTest
class TokenHardeningTest {

    static final List<Call> CALLS = List.of(
            new Call("GET", "/api/decisions", null),
            new Call("GET", "/api/decisions/upcoming", null),
            new Call("GET", "/api/escalation-ladders/LIC-CORVID", null),
            new Call("POST", "/api/decisions", """
                    {"allianceId":"LIC-CORVID","title":"Forged decision"}"""),
            new Call("POST", "/api/calendar-feeds", null),
            new Call("PUT", "/api/decisions/00000000-0000-0000-0000-000000000001", """
                    {"title":"Forged decision"}"""));

    static TestTokens.Builder admin() {
        return TestTokens.user("mallory").roles("admin", "alliance-manager", "governance-ops")
                .alliances("ONC-HELIX", "CMB-NORVANE", "CDX-QUANTIA", "DTX-ASTER", "LIC-CORVID");
    }

    static Stream<Arguments> badTokens() {
        return TokenChecks.defectiveTokenCases(CALLS, TokenHardeningTest::admin);
    }

    static Stream<Call> calls() {
        return CALLS.stream();
    }

    @ParameterizedTest(name = "{0} with {1} token: 401")
    @MethodSource("badTokens")
    void defectiveTokensAreRefused(Call call, String defect, String token) {
        TokenChecks.assertRefused(call, defect, token);
    }

    @ParameterizedTest(name = "{0} without a token: 401")
    @MethodSource("calls")
    void missingTokenIsRefused(Call call) {
        TokenChecks.assertRefusedWithoutToken(call);
    }

    @ParameterizedTest(name = "{0} with a valid token passes authentication")
    @MethodSource("calls")
    void validTokenIsAccepted(Call call) {
        TokenChecks.assertPassesAuthentication(call);
    }
}
