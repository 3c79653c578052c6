package io.entente.sprint.domain;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConcentrationTest {

    @Test
    void exactlyAThirdIsAllowedMoreIsFlagged() {
        assertFalse(Concentration.isConcentrated(10, 30));
        assertTrue(Concentration.isConcentrated(11, 30));
        assertFalse(Concentration.isConcentrated(0, 0));
        assertTrue(Concentration.isConcentrated(5, 5));
    }

    @Test
    void talliesSharesLargestFirst() {
        Map<String, int[]> tally = new LinkedHashMap<>();
        tally.put("CDX-QUANTIA", new int[]{3, 1});
        tally.put("ONC-HELIX", new int[]{10, 2});
        tally.put("LIC-CORVID", new int[]{2, 1});
        List<Concentration.Load> loads = Concentration.loads(tally, 30);
        assertEquals("ONC-HELIX", loads.get(0).allianceId());
        assertEquals(0.667, loads.get(0).shareOfCommitted());
        assertEquals(0.333, loads.get(0).shareOfCapacity());
        assertTrue(loads.get(0).concentrated());
        assertFalse(loads.get(1).concentrated());
        assertEquals(List.of("ONC-HELIX", "CDX-QUANTIA", "LIC-CORVID"),
                loads.stream().map(Concentration.Load::allianceId).toList());
    }
}
