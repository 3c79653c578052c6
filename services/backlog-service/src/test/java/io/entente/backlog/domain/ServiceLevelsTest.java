package io.entente.backlog.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.entente.backlog.domain.ServiceLevels.HEALTH_CHECK;
import static io.entente.backlog.domain.ServiceLevels.RISK_REVIEW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Tier sets how often health checks and risk reviews come; each period has one key and one due date. */
class ServiceLevelsTest {

    static final ServiceLevels DEFAULTS = ServiceLevels.defaults();

    @Test
    void tierSetsTheFrequency() {
        assertEquals(4, DEFAULTS.timesPerYear(HEALTH_CHECK, 1, AlliancePhase.EXECUTION));
        assertEquals(2, DEFAULTS.timesPerYear(HEALTH_CHECK, 2, AlliancePhase.EXECUTION));
        assertEquals(1, DEFAULTS.timesPerYear(HEALTH_CHECK, 3, AlliancePhase.EXECUTION));
        assertEquals(12, DEFAULTS.timesPerYear(RISK_REVIEW, 1, AlliancePhase.LAUNCH));
        assertEquals(4, DEFAULTS.timesPerYear(RISK_REVIEW, 2, AlliancePhase.RENEWAL));
        assertEquals(0, DEFAULTS.timesPerYear(RISK_REVIEW, 3, AlliancePhase.EXECUTION));
        assertEquals(0, DEFAULTS.timesPerYear(HEALTH_CHECK, 1, AlliancePhase.EVALUATION));
        assertEquals(0, DEFAULTS.timesPerYear(HEALTH_CHECK, 1, AlliancePhase.CLOSED));
    }

    @Test
    void aPeriodHasOneKeyAndDueDate() {
        ServiceLevels.Period q4 = ServiceLevels.period("ONC-HELIX", HEALTH_CHECK, 4, LocalDate.of(2026, 11, 23));
        assertEquals("service-level:HEALTH_CHECK:ONC-HELIX:2026-4/4", q4.sourceRef());
        assertEquals(LocalDate.of(2026, 10, 1), q4.start());
        assertEquals(LocalDate.of(2026, 12, 31), q4.due());
        // Every day of the quarter names the same period.
        assertEquals(q4, ServiceLevels.period("ONC-HELIX", HEALTH_CHECK, 4, LocalDate.of(2026, 10, 1)));
        assertEquals(q4, ServiceLevels.period("ONC-HELIX", HEALTH_CHECK, 4, LocalDate.of(2026, 12, 31)));

        ServiceLevels.Period november = ServiceLevels.period("ONC-HELIX", RISK_REVIEW, 12, LocalDate.of(2026, 11, 23));
        assertEquals("service-level:RISK_REVIEW:ONC-HELIX:2026-11/12", november.sourceRef());
        assertEquals(LocalDate.of(2026, 11, 30), november.due(), "month periods follow the calendar closely");
        ServiceLevels.Period annual = ServiceLevels.period("LIC-CORVID", HEALTH_CHECK, 1, LocalDate.of(2026, 3, 3));
        assertEquals(LocalDate.of(2026, 12, 31), annual.due());
        assertNull(ServiceLevels.period("LIC-CORVID", RISK_REVIEW, 0, LocalDate.of(2026, 3, 3)));
    }
}
