package io.entente.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

class TestTokensTest {

    /** Verifies like a resource server would: RS256 only, the test public key, issuer, audience, expiry. */
    private static JwtConsumer consumer() throws Exception {
        PublicKey key = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(TestTokens.publicKey())));
        return new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256))
                .setExpectedIssuer(TestTokens.ISSUER)
                .setExpectedAudience(TestTokens.AUDIENCE)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .build();
    }

    @Test
    @SuppressWarnings("unchecked")
    void signedTokenVerifiesWithThePublicKeyAndCarriesTheClaims() throws Exception {
        String token = TestTokens.user("alice")
                .name("Alice Example")
                .roles("alliance-manager", "team-member")
                .alliances("ONC-HELIX", "CARDIO-NOVA")
                .sign();
        JwtClaims claims = consumer().processToClaims(token);
        assertEquals("alice", claims.getSubject());
        assertEquals("alice", claims.getStringClaimValue("preferred_username"));
        assertEquals("Alice Example", claims.getStringClaimValue("name"));
        assertEquals(List.of("entente-api"), claims.getAudience());
        assertEquals(List.of("alliance:ONC-HELIX", "alliance:CARDIO-NOVA"), claims.getStringListClaimValue("groups"));
        Map<String, Object> realmAccess = (Map<String, Object>) claims.getClaimValue("realm_access");
        assertEquals(List.of("alliance-manager", "team-member"), realmAccess.get("roles"));
        long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertTrue(lifetime > 3000 && lifetime <= 3600, "about an hour: " + lifetime);
    }

    @Test
    void noAlliancesMeansNoGroupsClaim() throws Exception {
        JwtClaims claims = consumer().processToClaims(TestTokens.user("bob").roles("admin").sign());
        assertFalse(claims.hasClaim("groups"));
    }

    @Test
    void badTokensAreRejected() throws Exception {
        JwtConsumer consumer = consumer();
        assertThrows(InvalidJwtException.class,
                () -> consumer.processToClaims(TestTokens.user("carol").expiresIn(Duration.ofMinutes(-5)).sign()));
        assertThrows(InvalidJwtException.class,
                () -> consumer.processToClaims(TestTokens.user("carol").signedWithOtherKey().sign()));
        assertThrows(InvalidJwtException.class,
                () -> consumer.processToClaims(TestTokens.user("carol").issuer("https://evil.example/realms/x").sign()));
        assertThrows(InvalidJwtException.class,
                () -> consumer.processToClaims(TestTokens.user("carol").audience("other-api").sign()));
        String unsigned = TestTokens.user("carol").roles("admin").unsigned();
        assertTrue(unsigned.endsWith("."));
        assertTrue(new String(Base64.getUrlDecoder().decode(unsigned.split("\\.")[0])).contains("\"none\""));
        assertThrows(InvalidJwtException.class, () -> consumer.processToClaims(unsigned));
    }

    @Test
    void oidcTestResourceConfiguresLocalVerification() {
        Map<String, String> config = new OidcTestResource().start();
        assertEquals(TestTokens.publicKey(), config.get("quarkus.oidc.public-key"));
        assertEquals(TestTokens.ISSUER, config.get("quarkus.oidc.token.issuer"));
        assertEquals(TestTokens.AUDIENCE, config.get("quarkus.oidc.token.audience"));
        assertFalse(config.get("quarkus.oidc.public-key").contains("BEGIN"));
    }
}
