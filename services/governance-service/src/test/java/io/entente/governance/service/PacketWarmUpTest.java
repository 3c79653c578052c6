package io.entente.governance.service;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.entente.governance.domain.packet.Edition;
import io.entente.governance.domain.packet.PacketContent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The start-up warm-up renders a real PDF from the service's own template, and what it loads is what the first
 * reader's PDF would otherwise pay for. Prints both times; asserts only that the warm-up produced a PDF, since
 * wall times on a shared machine are not a test.
 */
class PacketWarmUpTest {

    @Test
    void theWarmUpRendersAPdfAndTheFirstRealPdfAfterItIsNoLongerCold() throws IOException {
        PacketRenderer renderer = new PacketRenderer(PacketRenderMeasurementTest.template(),
                PacketRenderMeasurementTest.CONFIG, new SimpleMeterRegistry());
        PacketWarmUp warmUp = new PacketWarmUp(renderer);

        long started = System.nanoTime();
        byte[] sample = renderer.pdf(renderer.html(PacketWarmUp.sample(), Edition.INTERNAL));
        double warmUpSeconds = (System.nanoTime() - started) / 1e9;
        assertTrue(new String(sample, 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"), "a PDF");
        warmUp.warmUp(); // the service's entry point: logs, never throws

        PacketContent content = PacketRenderMeasurementTest.largestMeeting();
        started = System.nanoTime();
        byte[] first = renderer.pdf(renderer.html(content, Edition.INTERNAL));
        double firstSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("PACKET WARM-UP: warm-up render %.2f s; then the largest packet (%d KB) %.2f s%n",
                warmUpSeconds, first.length / 1024, firstSeconds);
        assertTrue(first.length > sample.length);
    }
}
