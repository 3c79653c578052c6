package io.entente.frontend.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenClaimsTest {

    @Test
    void alliancesComeFromAllianceGroupsOnly() {
        assertEquals(List.of("CDX-QUANTIA", "ONC-HELIX"),
                List.copyOf(TokenClaims.alliances(List.of("alliance:ONC-HELIX", "/alliance:CDX-QUANTIA", "staff", "alliance:"))));
    }

    @Test
    void readsTheGroupsClaimOfAJwt() {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"groups\":[\"alliance:ONC-HELIX\",\"alliance:DTX-ASTER\"]}".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("DTX-ASTER", "ONC-HELIX"), List.copyOf(TokenClaims.alliancesOfJwt("h." + payload + ".s")));
        assertTrue(TokenClaims.alliancesOfJwt("opaque").isEmpty());
    }
}
