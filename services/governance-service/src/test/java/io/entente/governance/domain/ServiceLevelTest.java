package io.entente.governance.domain;

import io.entente.governance.domain.packet.PacketContent;
import io.entente.governance.domain.packet.PacketContent.ActionEntry;
import io.entente.governance.domain.packet.PacketContent.ProgressItem;
import io.entente.governance.domain.packet.PacketContent.RiskEntry;
import io.entente.governance.domain.packet.PacketContent.SprintProgress;
import io.entente.governance.domain.packet.PacketDepth;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Tier sets the governance service level: cadence, packet depth and packet lead time. */
class ServiceLevelTest {

    @Test
    void tierSetsCadenceDepthAndLeadTime() {
        assertEquals(Cadence.QUARTERLY, ServiceLevel.defaultCadence(1, BodyType.JSC));
        assertEquals(Cadence.ANNUAL, ServiceLevel.defaultCadence(3, BodyType.JSC));
        assertEquals(PacketDepth.FULL, ServiceLevel.packetDepth(1));
        assertEquals(PacketDepth.FULL, ServiceLevel.packetDepth(2));
        assertEquals(PacketDepth.SUMMARY, ServiceLevel.packetDepth(3));
        assertEquals(PacketDepth.FULL, ServiceLevel.packetDepth(null), "tier not known yet: the full pre-read");
        assertEquals(10, ServiceLevel.packetLeadDays(1, 7));
        assertEquals(7, ServiceLevel.packetLeadDays(2, 7));
        assertEquals(5, ServiceLevel.packetLeadDays(3, 7));
        assertEquals(7, ServiceLevel.packetLeadDays(null, 7));
        assertEquals(10, ServiceLevel.longestPacketLeadDays(7));
    }

    @Test
    void aSummaryPacketFitsAPage() {
        PacketContent base = PacketModelTest.content("Fill-finish capacity", 20, "internal");
        List<RiskEntry> risks = List.of(risk("r1"), risk("r2"), risk("r3"), risk("r4"), risk("r5"));
        PacketContent full = new PacketContent(base.cover(), base.agenda(), base.decisions(), List.of(),
                List.of(new SprintProgress("s1", "Governance ops", "Sprint 12", LocalDate.of(2026, 11, 16),
                        LocalDate.of(2026, 11, 27), "ACTIVE", 2, 1, 8, 3,
                        List.of(new ProgressItem("i1", "Draft charter", "DONE", 3),
                                new ProgressItem("i2", "Budget", "TODO", 5)))),
                risks, List.of(),
                List.of(new ActionEntry("a1", "Send minutes", "gwen", LocalDate.of(2026, 11, 1), "OPEN", true,
                                "JSC Q3", LocalDate.of(2026, 9, 1)),
                        new ActionEntry("a2", "Book room", "gwen", LocalDate.of(2026, 12, 1), "OPEN", false,
                                "JSC Q3", LocalDate.of(2026, 9, 1))),
                null, base.internalBriefing(), List.of());

        assertSame(full, PacketDepth.FULL.apply(full));
        PacketContent summary = PacketDepth.SUMMARY.apply(full);
        assertEquals(full.agenda(), summary.agenda());
        assertEquals("Go to phase 3", summary.decisions().get(0).title());
        assertEquals(List.of(), summary.decisions().get(0).options());
        assertNull(summary.decisions().get(0).context());
        assertEquals(List.of(), summary.progress().get(0).items());
        assertEquals(3, summary.progress().get(0).donePoints());
        assertEquals(List.of("r1", "r2", "r3"), summary.risks().stream().map(RiskEntry::riskId).toList());
        assertEquals(List.of("a1"), summary.actionItems().stream().map(ActionEntry::actionItemId).toList());
    }

    private static RiskEntry risk(String id) {
        return new RiskEntry(id, "Risk " + id, "SUPPLY", "tara", null, null, 4, 4, 16);
    }
}
