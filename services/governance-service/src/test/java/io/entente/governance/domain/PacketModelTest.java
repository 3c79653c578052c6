package io.entente.governance.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.entente.governance.domain.packet.Edition;
import io.entente.governance.domain.packet.Editions;
import io.entente.platform.security.Internal;
import io.entente.governance.domain.packet.PacketComparison;
import io.entente.governance.domain.packet.PacketContent;
import io.entente.governance.domain.packet.PacketContent.AgendaEntry;
import io.entente.governance.domain.packet.PacketContent.Cover;
import io.entente.governance.domain.packet.PacketContent.DecisionEntry;
import io.entente.governance.domain.packet.PacketContent.OptionEntry;
import io.entente.governance.domain.packet.PacketContent.RiskEntry;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PacketModelTest {

    static PacketContent content(String riskTitle, int score, String internalNotes) {
        Cover cover = new Cover("m1", "ONC-HELIX", "Helix", "Helix Biotherapeutics", "b1", "JSC", "JSC", "JSC Q4",
                OffsetDateTime.parse("2026-11-30T10:00:00+01:00"), "Europe/Zurich", "Monday", 120, "Basel", null,
                LocalDate.of(2027, 2, 28), 1, Instant.parse("2026-11-23T09:00:00Z"), List.of());
        return new PacketContent(cover,
                List.of(new AgendaEntry("item-1", 1, "Opening", "Welcome", "Ana", 10, "10:00", "INFORMATION", null,
                        null, "AGENDA-SECRET")),
                List.of(new DecisionEntry("d1", "Go to phase 3", "Go?", null,
                        List.of(new OptionEntry("A", "Go", "fast", "costly")), "JSC", LocalDate.of(2026, 12, 20),
                        14, "alex", "sven", "OPEN", null, "AT_RISK", null, internalNotes)),
                List.of(), List.of(),
                List.of(new RiskEntry("r1", riskTitle, "SUPPLY", "tara", "second source", null, 4, 5, score)),
                List.of(), List.of(), null, "BRIEFING-SECRET", List.of());
    }

    /** Every component marked internal, found by reflection, so a newly marked field is covered too. */
    static Set<String> internalComponents(Class<?> type, Set<Class<?>> seen) {
        Set<String> names = new TreeSet<>();
        if (!type.isRecord() || !seen.add(type)) {
            return names;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.isAnnotationPresent(Internal.class)) {
                names.add(c.getName());
            }
            if (c.getGenericType() instanceof java.lang.reflect.ParameterizedType p) {
                for (java.lang.reflect.Type arg : p.getActualTypeArguments()) {
                    if (arg instanceof Class<?> k) {
                        names.addAll(internalComponents(k, seen));
                    }
                }
            }
            names.addAll(internalComponents(c.getType(), seen));
        }
        return names;
    }

    @Test
    void thePartnerEditionHasNoComponentMarkedInternal() {
        Set<String> internal = internalComponents(PacketContent.class, new java.util.HashSet<>());
        assertEquals(Set.of("internalBriefing", "internalNote", "internalNotes", "likelihood", "impact", "score",
                "escalations", "progress", "risks", "riskState", "escalatedTo", "health"), internal);
        PacketContent full = content("Fill-finish capacity", 20, "NEGOTIATION-SECRET");
        String partner = Editions.json(full, Edition.PARTNER);
        for (String name : internal) {
            assertFalse(partner.contains("\"" + name + "\""), name + " leaked: " + partner);
        }
        for (String secret : List.of("NEGOTIATION-SECRET", "AGENDA-SECRET", "BRIEFING-SECRET")) {
            assertFalse(partner.contains(secret), secret);
        }
        String internalJson = Editions.json(full, Edition.INTERNAL);
        assertTrue(internalJson.contains("NEGOTIATION-SECRET") && internalJson.contains("\"score\":20"));

        PacketContent reduced = Editions.content(full, Edition.PARTNER);
        assertNull(reduced.decisions().get(0).internalNotes());
        assertNull(reduced.risks());
        assertNull(reduced.progress());
        assertNull(reduced.internalBriefing());
        assertEquals(full.decisions().get(0).title(), reduced.decisions().get(0).title());
    }

    @Test
    void comparingVersionsNamesAddedRemovedAndChangedEntriesPerSection() {
        PacketContent v1 = content("Fill-finish capacity", 20, "n1");
        PacketContent v2 = new PacketContent(new Cover("m1", "ONC-HELIX", "Helix", "Helix Biotherapeutics", "b1",
                "JSC", "JSC", "JSC Q4", v1.cover().startsAt(), "Europe/Zurich", "Monday", 120, "Basel", null,
                LocalDate.of(2027, 2, 28), 2, Instant.parse("2026-11-24T09:00:00Z"), List.of()), v1.agenda(),
                List.of(), v1.escalations(), v1.progress(),
                List.of(new RiskEntry("r1", "Fill-finish capacity", "SUPPLY", "tara", "second source", null, 5, 5, 25),
                        new RiskEntry("r2", "Data transfer", "IP", "alex", null, null, 4, 4, 16)),
                v1.obligations(), v1.actionItems(), null, "BRIEFING-SECRET", v1.health());

        List<PacketComparison.SectionDiff> internal = PacketComparison.compare(Editions.tree(v1, Edition.INTERNAL),
                Editions.tree(v2, Edition.INTERNAL));
        assertEquals(List.of("decisions", "risks"), internal.stream().map(PacketComparison.SectionDiff::section)
                .toList());
        PacketComparison.SectionDiff risks = internal.get(1);
        assertEquals(List.of("r2"), risks.added());
        assertEquals(List.of(new PacketComparison.Change("r1", List.of("likelihood", "score"))), risks.changed());
        assertEquals(List.of("d1"), internal.get(0).removed());

        // The partner learns that a decision left the packet, nothing about our risk register.
        List<PacketComparison.SectionDiff> partner = PacketComparison.compare(Editions.tree(v1, Edition.PARTNER),
                Editions.tree(v2, Edition.PARTNER));
        List<String> sections = new ArrayList<>();
        partner.forEach(d -> sections.add(d.section()));
        assertEquals(List.of("decisions"), sections, "version and time alone are no change; risks are ours");
        JsonNode tree = Editions.tree(v2, Edition.PARTNER);
        assertFalse(tree.has("internalBriefing"));
    }
}
