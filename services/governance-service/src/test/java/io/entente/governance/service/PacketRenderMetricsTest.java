package io.entente.governance.service;

import io.entente.governance.domain.packet.Edition;
import io.entente.platform.testing.MetricsScrape;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Packet rendering time on /q/metrics, beside the platform's outbox and consumer figures. */
@QuarkusTest
class PacketRenderMetricsTest {

    @Inject
    PacketRenderer renderer;

    @Test
    void renderingAPacketIsTimedPerFormat() {
        MetricsScrape before = MetricsScrape.read();
        String html = renderer.html(PacketRenderMeasurementTest.largestMeeting(), Edition.INTERNAL);
        UUID version = UUID.randomUUID();
        renderer.pdf(version, Edition.INTERNAL, () -> html);
        renderer.pdf(version, Edition.INTERNAL, () -> html);  // from the cache: not a render

        MetricsScrape after = MetricsScrape.read();
        for (String format : new String[] {"html", "pdf"}) {
            String[] labels = {"application", "governance-service", "format", format};
            assertEquals(1, after.sum("entente_packet_render_seconds_count", labels)
                    - before.sum("entente_packet_render_seconds_count", labels), format);
            double seconds = after.sum("entente_packet_render_seconds_sum", labels)
                    - before.sum("entente_packet_render_seconds_sum", labels);
            assertTrue(seconds > 0 && seconds < 60, format + " took " + seconds + " s");
            assertTrue(after.has("entente_packet_render_seconds_bucket"), "histogram buckets for p95");
        }
        assertTrue(after.has("entente_outbox_pending") && after.has("entente_outbox_oldest_unpublished_age_seconds"),
                "the outbox figures");
        assertTrue(after.find("entente_consumer_lag", "consumer", "governance-service").size() > 0,
                "governance consumes every topic and reports its lag");
    }
}
