package io.entente.governance.service;

import io.entente.governance.domain.packet.Edition;
import io.entente.governance.domain.packet.PacketContent;
import io.entente.governance.domain.packet.PacketContent.AgendaEntry;
import io.entente.governance.domain.packet.PacketContent.Cover;
import io.entente.governance.domain.packet.PacketContent.CoverMember;
import io.entente.governance.domain.packet.PacketContent.DecisionEntry;
import io.entente.governance.domain.packet.PacketContent.OptionEntry;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The first PDF of a JVM took 6.6 s against 0.4 s for the next: loading openhtmltopdf and PDFBox, parsing the fonts,
 * compiling the template. Rendering one tiny packet in the background right after start moves that cost off the
 * first user who presses "Download PDF". Not in tests, where it would only compete with the suites for the CPU.
 */
@ApplicationScoped
public class PacketWarmUp {

    private static final Logger LOG = Logger.getLogger(PacketWarmUp.class);

    private final PacketRenderer renderer;

    public PacketWarmUp(PacketRenderer renderer) {
        this.renderer = renderer;
    }

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.TEST) {
            return;
        }
        Thread thread = new Thread(this::warmUp, "packet-warm-up");
        thread.setDaemon(true);
        // Readiness and the first requests come first: the warm-up only uses what is left of the CPU.
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    void warmUp() {
        long started = System.nanoTime();
        try {
            byte[] pdf = renderer.pdf(renderer.html(sample(), Edition.INTERNAL));
            LOG.infof("PDF renderer warmed up in %.1f s (%d bytes)", (System.nanoTime() - started) / 1e9, pdf.length);
        } catch (RuntimeException e) {
            // The real render will report the same problem to whoever asks for a PDF; nothing is lost here.
            LOG.warnf(e, "PDF renderer warm-up failed");
        }
    }

    /** Touches each kind of block the template has: cover, members, agenda, a decision with options, the briefing. */
    static PacketContent sample() {
        Cover cover = new Cover("warm-up", "WARM-UP", "Warm-up alliance", "Partner AG", "body", "JSC",
                "Joint Steering Committee", "Warm-up meeting", OffsetDateTime.parse("2026-01-05T10:00:00+01:00"),
                "Europe/Zurich", "Monday 5 January 2026, 10:00 (Europe/Zurich)", 60, "Basel", null,
                LocalDate.of(2026, 2, 1), 1, Instant.parse("2026-01-01T09:00:00Z"),
                List.of(new CoverMember("Chair Person", "Entente Bio", "US", "CO_CHAIR")));
        List<AgendaEntry> agenda = List.of(new AgendaEntry("line", 1, "Decisions", "Fund the next work package",
                "Chair Person", 10, "10:00", "DECISION", "decision", null, "Our position."));
        List<DecisionEntry> decisions = List.of(new DecisionEntry("decision", "Fund the next work package",
                "Do we fund it?", "Budget and timeline.", List.of(new OptionEntry("fund", "Fund", "On time", "Cost")),
                "JSC", LocalDate.of(2026, 1, 20), 14, "alex", "gwen", "OPEN", null, "ON_TRACK", null, "Internal."));
        return new PacketContent(cover, agenda, decisions, List.of(), List.of(), List.of(), List.of(), List.of(), null,
                "Warm-up briefing — with a few non-Latin-1 characters: ≤ ≥ → ✓.", List.of());
    }
}
