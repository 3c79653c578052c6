package io.entente.frontend.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpaRoutingTest {

    @Test
    void appRoutesFallBackToTheApp() {
        assertTrue(SpaRouting.isAppRoute("/portfolio"));
        assertTrue(SpaRouting.isAppRoute("/alliances/ONC-HELIX"));
        assertTrue(SpaRouting.isAppRoute("/meetings/3f2a/packet"));
        assertTrue(SpaRouting.isAppRoute("/apiary"));
    }

    @Test
    void serverPathsAndFilesAreLeftAlone() {
        assertFalse(SpaRouting.isAppRoute("/"));
        assertFalse(SpaRouting.isAppRoute("/api/backlog/backlog-items"));
        assertFalse(SpaRouting.isAppRoute("/q/health"));
        assertFalse(SpaRouting.isAppRoute("/bff/session"));
        assertFalse(SpaRouting.isAppRoute("/logout"));
        assertFalse(SpaRouting.isAppRoute("/assets/index-abc123.js"));
        assertFalse(SpaRouting.isAppRoute("/favicon.svg"));
    }
}
