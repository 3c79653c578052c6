package io.entente.platform.testing;

import io.entente.platform.testing.TokenChecks.Call;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

/**
 * Only tokens issued by our realm, for our API, signed with its key and still valid open the API. Every defective
 * token carries the admin role and every alliance, so a 401 can only come from the defect itself. A service's
 * {@code TokenHardeningTest} subclasses this with a few of its reads and writes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TokenHardening {

    /** Reads and writes of the service to try each token on. */
    protected abstract List<Call> calls();

    /** Whom the defective tokens are made out to: someone who could do anything with a sound token. */
    protected TestTokens.Builder powerful() {
        return TestTokens.user("mallory").roles("admin", "alliance-manager", "governance-ops")
                .alliances("ONC-HELIX", "CMB-NORVANE", "CDX-QUANTIA", "DTX-ASTER", "LIC-CORVID");
    }

    Stream<Arguments> badTokens() {
        return TokenChecks.defectiveTokenCases(calls(), this::powerful);
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
