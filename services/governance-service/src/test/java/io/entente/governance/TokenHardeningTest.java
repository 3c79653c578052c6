package io.entente.governance;

import io.entente.platform.testing.TokenChecks.Call;
import io.entente.platform.testing.TokenHardening;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;

/** Only sound tokens of our realm open the governance service's API; see {@link TokenHardening}. */
@QuarkusTest
class TokenHardeningTest extends TokenHardening {

    static final List<Call> CALLS = List.of(
            new Call("GET", "/api/governance-bodies", null),
            new Call("GET", "/api/meetings", null),
            new Call("GET", "/api/action-items", null),
            new Call("POST", "/api/governance-bodies", """
                    {"allianceId":"LIC-CORVID","type":"JSC","quorum":2,"members":[]}"""),
            new Call("POST", "/api/meetings", """
                    {"bodyId":"00000000-0000-0000-0000-000000000001","startsAt":"2026-12-01T10:00:00Z",
                     "timeZone":"Europe/Zurich"}"""),
            new Call("PUT", "/api/meetings/00000000-0000-0000-0000-000000000001", """
                    {"title":"Forged"}"""),
            new Call("POST", "/api/meetings/00000000-0000-0000-0000-000000000001/packets", null));

    @Override
    protected List<Call> calls() {
        return CALLS;
    }
}
