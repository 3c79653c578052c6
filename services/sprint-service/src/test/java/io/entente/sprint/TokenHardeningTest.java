package io.entente.sprint;

import io.entente.platform.testing.TokenChecks.Call;
import io.entente.platform.testing.TokenHardening;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;

/** Only sound tokens of our realm open the sprint service's API; see {@link TokenHardening}. */
@QuarkusTest
class TokenHardeningTest extends TokenHardening {

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

    @Override
    protected List<Call> calls() {
        return CALLS;
    }
}
