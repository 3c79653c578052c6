package io.entente.decision;

import io.entente.platform.testing.TokenChecks.Call;
import io.entente.platform.testing.TokenHardening;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;

/** Only sound tokens of our realm open the decision service's API; see {@link TokenHardening}. */
@QuarkusTest
class TokenHardeningTest extends TokenHardening {

    static final List<Call> CALLS = List.of(
            new Call("GET", "/api/decisions", null),
            new Call("GET", "/api/decisions/upcoming", null),
            new Call("GET", "/api/escalation-ladders/LIC-CORVID", null),
            new Call("POST", "/api/decisions", """
                    {"allianceId":"LIC-CORVID","title":"Forged decision"}"""),
            new Call("POST", "/api/calendar-feeds", null),
            new Call("PUT", "/api/decisions/00000000-0000-0000-0000-000000000001", """
                    {"title":"Forged decision"}"""));

    @Override
    protected List<Call> calls() {
        return CALLS;
    }
}
