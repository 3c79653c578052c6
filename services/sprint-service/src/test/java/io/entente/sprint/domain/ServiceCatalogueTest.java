package io.entente.sprint.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.entente.sprint.domain.AlliancePhase.CLOSED;
import static io.entente.sprint.domain.AlliancePhase.EXECUTION;
import static io.entente.sprint.domain.AlliancePhase.LAUNCH;
import static io.entente.sprint.domain.AlliancePhase.WIND_DOWN;
import static io.entente.sprint.domain.AllianceService.GOVERNANCE_SUPPORT;
import static io.entente.sprint.domain.AllianceService.HEALTH_CHECK;
import static io.entente.sprint.domain.AllianceService.RISK_REVIEW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped catalogue follows the domain primer, and tier drives how often each service comes. */
class ServiceCatalogueTest {

    static final ServiceCatalogue DEFAULTS = ServiceCatalogue.defaults();

    @Test
    void executionTakesFortySixteenAndFourHoursAMonthByTier() {
        assertEquals(40, DEFAULTS.hoursPerMonth(1, EXECUTION), 1e-9);
        assertEquals(16, DEFAULTS.hoursPerMonth(2, EXECUTION), 1e-9);
        assertEquals(4, DEFAULTS.hoursPerMonth(3, EXECUTION), 1e-9);
        assertEquals(40, DEFAULTS.hoursPerMonth(1, AlliancePhase.RENEWAL), 1e-9);
        assertEquals(0, DEFAULTS.hoursPerMonth(1, CLOSED), 1e-9);
    }

    @Test
    void launchAndWindDownAddHalfAgain() {
        for (int tier = 1; tier <= 3; tier++) {
            double execution = DEFAULTS.hoursPerMonth(tier, EXECUTION);
            assertEquals(execution * 1.5, DEFAULTS.hoursPerMonth(tier, LAUNCH), 0.01, "launch, tier " + tier);
            assertEquals(execution * 1.5, DEFAULTS.hoursPerMonth(tier, WIND_DOWN), 0.01, "wind-down, tier " + tier);
            // Every alliance in launch gets governance set-up, whatever its tier.
            assertTrue(DEFAULTS.find(GOVERNANCE_SUPPORT, tier, LAUNCH).isPresent(), "tier " + tier);
        }
        assertTrue(DEFAULTS.find(GOVERNANCE_SUPPORT, 3, EXECUTION).isEmpty());
    }

    @Test
    void tierSetsHowOftenHealthChecksAndRiskReviewsCome() {
        assertEquals(4, DEFAULTS.timesPerYear(HEALTH_CHECK, 1, EXECUTION));
        assertEquals(2, DEFAULTS.timesPerYear(HEALTH_CHECK, 2, EXECUTION));
        assertEquals(1, DEFAULTS.timesPerYear(HEALTH_CHECK, 3, EXECUTION), "tier 3: an annual health check");
        assertEquals(12, DEFAULTS.timesPerYear(RISK_REVIEW, 1, EXECUTION));
        assertEquals(4, DEFAULTS.timesPerYear(RISK_REVIEW, 2, EXECUTION));
        assertEquals(0, DEFAULTS.timesPerYear(RISK_REVIEW, 3, EXECUTION));
    }

    @Test
    void refusesEntriesThatMakeNoCatalogue() {
        assertNull(ServiceCatalogue.problemWith(DEFAULTS.entries()));
        ServiceCatalogue.Entry health = new ServiceCatalogue.Entry(HEALTH_CHECK, 3, EXECUTION, 1, 6, "ALLIANCE_HEALTH");
        assertNotNull(ServiceCatalogue.problemWith(List.of(health, health)));
        assertNotNull(ServiceCatalogue.problemWith(List.of(
                new ServiceCatalogue.Entry(HEALTH_CHECK, 3, EXECUTION, 1, 6, "ASTROLOGY"))));
        assertNotNull(ServiceCatalogue.problemWith(List.of(
                new ServiceCatalogue.Entry(HEALTH_CHECK, 4, EXECUTION, 1, 6, "MANAGER"))));
    }
}
