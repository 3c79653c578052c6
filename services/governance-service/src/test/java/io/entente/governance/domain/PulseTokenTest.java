package io.entente.governance.domain;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The signed survey links: only what we signed verifies, whatever else arrives in the path. */
class PulseTokenTest {

    private final PulseToken tokens = new PulseToken("a-test-key-of-enough-length");

    @Test
    void aSignedTokenVerifiesToItsId() {
        String id = PulseToken.newId();
        String token = tokens.sign(id);
        assertEquals(66, token.length());
        assertEquals(Optional.of(id), tokens.verify(token));
        assertNotEquals(PulseToken.newId(), id, "ids are random");
    }

    @Test
    void anAlteredForeignOrMalformedTokenDoesNotVerify() {
        String token = tokens.sign(PulseToken.newId());
        char last = token.charAt(token.length() - 1);
        String altered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertTrue(tokens.verify(altered).isEmpty());
        assertTrue(new PulseToken("another-key-of-enough-length").verify(token).isEmpty());
        String otherId = PulseToken.newId();
        assertTrue(tokens.verify(otherId + token.substring(22)).isEmpty(), "a signature moved to another id");
        assertTrue(tokens.verify(null).isEmpty());
        assertTrue(tokens.verify("").isEmpty());
        assertTrue(tokens.verify(token + "x").isEmpty());
        assertTrue(tokens.verify(token.replace('.', '!')).isEmpty());
        assertTrue(tokens.verify("x".repeat(10_000)).isEmpty());
    }

    @Test
    void theStoredHashIsNotTheToken() {
        String token = tokens.sign(PulseToken.newId());
        String hash = PulseToken.hash(token);
        assertEquals(64, hash.length());
        assertTrue(!hash.contains(token.substring(23)));
    }

    @Test
    void aShortKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PulseToken("short"));
    }
}
