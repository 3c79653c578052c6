package io.entente.sprint.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CapacityRulesTest {

    @Test
    void countsWeekdaysOnlyBothEndsIncluded() {
        assertEquals(10, CapacityRules.workingDays(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 12, 4)));
        assertEquals(0, CapacityRules.workingDays(LocalDate.of(2026, 11, 28), LocalDate.of(2026, 11, 29)));
        assertEquals(1, CapacityRules.workingDays(LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 27)));
    }

    @Test
    void subtractsAbsenceAndRoundsDown() {
        assertEquals(10, CapacityRules.points(10, 0, new BigDecimal("1.0")));
        assertEquals(7, CapacityRules.points(10, 2, new BigDecimal("0.9")));
        assertEquals(0, CapacityRules.points(10, 12, new BigDecimal("1.0")));
        assertEquals(3, CapacityRules.points(7, 0, new BigDecimal("0.5")));
    }
}
