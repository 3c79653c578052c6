package io.entente.frontend.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsrfGuardTest {

    @Test
    void safeMethodsNeedNoToken() {
        assertTrue(CsrfGuard.check("GET", null, null, null, "localhost:8080").isEmpty());
        assertTrue(CsrfGuard.check("HEAD", null, null, "https://evil.example", "localhost:8080").isEmpty());
    }

    @Test
    void changesNeedTheCookieEchoedInTheHeader() {
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            assertTrue(CsrfGuard.check(method, "t0k", "t0k", "http://localhost:8080", "localhost:8080").isEmpty());
            assertTrue(CsrfGuard.check(method, "t0k", null, null, "localhost:8080").isPresent());
            assertTrue(CsrfGuard.check(method, null, "t0k", null, "localhost:8080").isPresent());
            assertTrue(CsrfGuard.check(method, "t0k", "other", null, "localhost:8080").isPresent());
        }
    }

    @Test
    void aForeignOriginIsRefusedEvenWithMatchingTokens() {
        assertTrue(CsrfGuard.check("POST", "t", "t", "https://evil.example", "localhost:8080").orElseThrow()
                .contains("another site"));
        assertTrue(CsrfGuard.check("POST", "t", "t", "https://entente.example.com", "entente.example.com").isEmpty());
        assertTrue(CsrfGuard.check("POST", "t", "t", "https://entente.example.com", "entente.example.com:443").isEmpty());
    }

    @Test
    void tokensAreRandomAndUrlSafe() {
        String a = CsrfGuard.newToken();
        assertNotEquals(a, CsrfGuard.newToken());
        assertEquals(43, a.length());
        assertTrue(a.matches("[A-Za-z0-9_-]+"));
    }
}
