package io.entente.governance.service;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import com.sun.management.ThreadMXBean;
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
import io.quarkus.runtime.configuration.MemorySize;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders the packet of the benchmark's largest meeting (8 members, 60 agenda lines with internal notes, 40
 * decisions with context and options: the same shape as bench/ loads) with the service's own template and renderer,
 * without Quarkus, and prints what the PDF costs: the first one (cold JVM: classes, fonts), further renders, and
 * reads of a version already rendered. CPU time is printed besides wall time because the build machine is shared.
 * Asserts only that the document arrived, never on time.
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

        @Override
        public MemorySize pdfCache() {
            return new MemorySize(java.math.BigInteger.valueOf(32 << 20));
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
                "Our positions for this meeting. ".repeat(20), List.of());
    }

    @Test
    void largestBenchmarkPacket() throws IOException {
        PacketRenderer renderer = new PacketRenderer(template(), CONFIG, new SimpleMeterRegistry());
        PacketContent content = largestMeeting();
        PacketContent partner = Editions.content(content, Edition.PARTNER);

        Clocks cold = new Clocks();
        String html = renderer.html(content, Edition.INTERNAL);
        byte[] first = renderer.pdf(html);
        cold.stop();

        int runs = 10;
        Clocks[] warm = new Clocks[runs];
        for (int i = 0; i < runs; i++) {
            // Alternate editions: a different HTML each time, as for two readers of the same version.
            String next = i % 2 == 0 ? renderer.html(partner, Edition.PARTNER) : renderer.html(content, Edition.INTERNAL);
            warm[i] = new Clocks();
            renderer.pdf(next);
            warm[i].stop();
        }

        UUID version = UUID.randomUUID();
        byte[] stored = renderer.pdf(version, Edition.INTERNAL, () -> renderer.html(content, Edition.INTERNAL));
        Clocks[] cached = new Clocks[runs];
        for (int i = 0; i < runs; i++) {
            cached[i] = new Clocks();
            byte[] again = renderer.pdf(version, Edition.INTERNAL, () -> {
                throw new AssertionError("a cached version is not rendered again");
            });
            cached[i].stop();
            assertSame(stored, again);
        }

        int pages;
        try (PDDocument document = Loader.loadPDF(first)) {
            pages = document.getNumberOfPages();
        }
        System.out.printf("PACKET RENDER MEASUREMENT (8 members, 60 agenda lines, 40 decisions; %d pages, %d KB):%n"
                        + "  first HTML+PDF, cold JVM: %s%n  next %d PDFs, median: %s%n  cached PDF, median: %s%n",
                pages, first.length / 1024, cold, runs, Clocks.median(warm), Clocks.median(cached));
        assertTrue(pages > 10, pages + " pages");
    }

    /** Wall time, this thread's CPU time (what matters on a busy machine) and its allocation. */
    static final class Clocks {
        static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        final long wall0 = System.nanoTime();
        final long cpu0 = THREADS.getCurrentThreadCpuTime();
        final long bytes0 = THREADS.getCurrentThreadAllocatedBytes();
        long wall;
        long cpu;
        long bytes;

        void stop() {
            wall = System.nanoTime() - wall0;
            cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
            bytes = THREADS.getCurrentThreadAllocatedBytes() - bytes0;
        }

        static String median(Clocks[] all) {
            Clocks[] sorted = all.clone();
            Arrays.sort(sorted, Comparator.comparingLong(c -> c.cpu));
            return sorted[sorted.length / 2].toString();
        }

        @Override
        public String toString() {
            return String.format("%.1f ms wall, %.1f ms CPU, %d MB allocated", wall / 1e6, cpu / 1e6, bytes >> 20);
        }
    }
}
