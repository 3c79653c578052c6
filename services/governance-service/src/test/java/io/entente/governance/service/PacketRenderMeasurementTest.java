package io.entente.governance.service;

import io.entente.governance.config.GovernanceConfig;
import io.entente.governance.domain.packet.Edition;
import io.entente.governance.domain.packet.Editions;
import io.entente.governance.domain.packet.PacketContent;
import io.entente.governance.domain.packet.PacketContent.AgendaEntry;
import io.entente.governance.domain.packet.PacketContent.Cover;
import io.entente.governance.domain.packet.PacketContent.CoverMember;
import io.entente.governance.domain.packet.PacketContent.DecisionEntry;
import io.entente.governance.domain.packet.PacketContent.OptionEntry;
import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders the packet of the benchmark's largest meeting (8 members, 60 agenda lines with internal notes, 40
 * decisions with context and options: the same shape as bench/ loads) with the service's own template and renderer,
 * without Quarkus, and prints how long the HTML and the PDF take: the first PDF (cold JVM: classes, fonts) and
 * then repeated ones. Asserts only that the document arrived, never on time.
 */
class PacketRenderMeasurementTest {

    static final GovernanceConfig CONFIG = () -> new GovernanceConfig.Packet() {
        @Override
        public int leadDays() {
            return 7;
        }

        @Override
        public String checkEvery() {
            return "15m";
        }

        @Override
        public String fontDirectory() {
            return "/usr/share/fonts/truetype/dejavu";
        }
    };

    /** The service's template through a plain Qute engine, escaping like Quarkus does for .html templates. */
    static Template template() throws IOException {
        try (InputStream in = PacketRenderMeasurementTest.class.getResourceAsStream("/templates/packet.html")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Engine engine = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver())
                    .addResultMapper(new HtmlEscaper(List.of("text/html"))).build();
            return engine.parse(text, io.quarkus.qute.Variant.forContentType("text/html"));
        }
    }

    static PacketContent largestMeeting() {
        List<CoverMember> members = new ArrayList<>();
        for (int p = 0; p < 8; p++) {
            members.add(new CoverMember("Member " + p + " of BENCH-01", p % 2 == 0 ? "Entente Bio" : "Partner of BENCH-01",
                    p % 2 == 0 ? "US" : "PARTNER", p < 2 ? "CO_CHAIR" : "MEMBER"));
        }
        Cover cover = new Cover("m1", "BENCH-01", "Bench alliance 1", "Partner 1 Therapeutics AG", "b1", "JSC",
                "Joint Steering Committee", "Bench meeting 1", OffsetDateTime.parse("2026-11-30T10:00:00+01:00"),
                "Europe/Zurich", "Monday 30 November 2026, 10:00 (Europe/Zurich)", 240, "Basel, Room Rhein", null,
                LocalDate.of(2027, 2, 28), 1, Instant.parse("2026-11-23T09:00:00Z"), members);
        List<AgendaEntry> agenda = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            agenda.add(new AgendaEntry("line-" + i, i + 1, "Section " + (1 + i / 10),
                    "Agenda line " + (i + 1) + ": progress, risks and the decision asked for", "Member " + (i % 8), 4,
                    String.format("%02d:%02d", 10 + i * 4 / 60, i * 4 % 60), i < 40 ? "DECISION" : "DISCUSSION",
                    i < 40 ? "d" + i : null, i < 40 ? null : "item-" + i, "Prep note for our side only. ".repeat(5)));
        }
        List<DecisionEntry> decisions = new ArrayList<>();
        for (int k = 1; k <= 40; k++) {
            decisions.add(new DecisionEntry("d" + k, "Decision " + k + ": go/no-go on work package " + k,
                    "Do we fund work package " + k + " as proposed by the joint team?",
                    "Budget impact, timelines and the partner's position are summarised here. ".repeat(4),
                    List.of(new OptionEntry("fund", "Fund as proposed", "On time", "Budget +8%"),
                            new OptionEntry("defer", "Defer one quarter", "Cheaper", "Delay")),
                    "JSC", LocalDate.of(2026, 12, 1).plusDays(k), 14, "alex", "gwen", "OPEN", null, "ON_TRACK",
                    null, "Internal position on work package " + k));
        }
        return new PacketContent(cover, agenda, decisions, List.of(), List.of(), List.of(), List.of(), List.of(), null,
                "Our positions for this meeting. ".repeat(20));
    }

    @Test
    void largestBenchmarkPacket() throws IOException {
        PacketRenderer renderer = new PacketRenderer(template(), CONFIG);
        PacketContent content = largestMeeting();
        PacketContent partner = Editions.content(content, Edition.PARTNER);

        long t0 = System.nanoTime();
        String html = renderer.html(content, Edition.INTERNAL);
        long htmlNanos = System.nanoTime() - t0;
        long t1 = System.nanoTime();
        byte[] first = renderer.pdf(html);
        long firstNanos = System.nanoTime() - t1;

        int runs = 5;
        long[] again = new long[runs];
        for (int i = 0; i < runs; i++) {
            // Alternate editions: a different HTML each time, as for two readers of the same version.
            String next = i % 2 == 0 ? renderer.html(partner, Edition.PARTNER) : renderer.html(content, Edition.INTERNAL);
            long t = System.nanoTime();
            renderer.pdf(next);
            again[i] = System.nanoTime() - t;
        }
        java.util.Arrays.sort(again);
        int pages;
        try (PDDocument document = Loader.loadPDF(first)) {
            pages = document.getNumberOfPages();
        }
        System.out.printf("PACKET RENDER MEASUREMENT (8 members, 60 agenda lines, 40 decisions; %d pages, %d KB): "
                        + "HTML %d ms; first PDF %d ms (cold JVM); next %d PDFs median %d ms, min %d ms, max %d ms%n",
                pages, first.length / 1024, htmlNanos / 1_000_000, firstNanos / 1_000_000, runs,
                again[runs / 2] / 1_000_000, again[0] / 1_000_000, again[runs - 1] / 1_000_000);
        assertTrue(pages > 10, pages + " pages");
    }
}
