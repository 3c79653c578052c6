package io.entente.backlog;

import io.entente.platform.testing.TokenChecks.Call;
import io.entente.platform.testing.TokenHardening;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;

/** Only sound tokens of our realm open the backlog service's API; see {@link TokenHardening}. */
@QuarkusTest
class TokenHardeningTest extends TokenHardening {

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

    @Override
    protected List<Call> calls() {
        return CALLS;
    }
}
