package io.entente.local;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** ./entente up turns traces on only when an OTLP endpoint is given. */
class ServiceProcessTracingTest {

    @Test
    void tracesAreOffWithoutAnEndpoint() {
        assertEquals(Map.of(), ServiceProcess.tracing(Map.of()));
        assertEquals(Map.of(), ServiceProcess.tracing(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", " ")));
    }

    @Test
    void anEndpointTurnsThemOnForEveryJvm() {
        assertEquals(Map.of("QUARKUS_OTEL_SDK_DISABLED", "false",
                        "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4317"),
                ServiceProcess.tracing(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4317")));
    }
}
