package io.entente.platform.messaging;

import io.entente.events.EventEnvelope;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * Carries a trace from the change that wrote an event, through the outbox, onto the Kafka record and into each
 * consumer's handling. The relay publishes later on its own thread, so the writer's span context is stored with the
 * outbox row as a W3C {@code traceparent}; the relay's PRODUCER span is its child and travels as the record's
 * {@code traceparent} header beside the CloudEvents headers; a consumer handles the event in a CONSUMER span that is a
 * child of the producer's. Always W3C, whatever propagators the SDK is configured with: the column and the header are
 * a contract between services. With the SDK disabled the tracer records nothing, but a stored context still travels
 * on, so turning tracing on in one service does not need the others.
 */
@ApplicationScoped
public class EventTracing {

    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return StreamSupport.stream(carrier.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null || header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final Tracer tracer;

    public EventTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The current span's context as {@code [traceparent, tracestate]}, nulls when nothing is being traced. */
    public static String[] current() {
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(Context.current(), carrier, Map::put);
        return new String[] {carrier.get(TRACEPARENT), carrier.get(TRACESTATE)};
    }

    /**
     * Starts the PRODUCER span of one outbox row, as a child of the context stored with it, and writes its context
     * into {@code headers}. Without a stored context the event is published untraced: no new trace is started for it,
     * as the change that wrote it was not traced either.
     */
    public Span startPublish(String traceparent, String tracestate, String topic, String eventId, String type,
                             Headers headers) {
        if (traceparent == null) {
            return Span.getInvalid();
        }
        Map<String, String> stored = new HashMap<>(2);
        stored.put(TRACEPARENT, traceparent);
        if (tracestate != null) {
            stored.put(TRACESTATE, tracestate);
        }
        Context parent = W3C.extract(Context.root(), stored, MAP);
        Span span = tracer.spanBuilder(topic + " publish")
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.message.id", eventId)
                .setAttribute("cloudevents.event_type", type)
                .startSpan();
        // A non-recording span (SDK disabled) still carries the stored context, so the trace goes on downstream.
        W3C.inject(parent.with(span), headers, (h, key, value) -> h.remove(key).add(key,
                value.getBytes(StandardCharsets.UTF_8)));
        return span;
    }

    /** The producer's context from a record's headers; the root context when it carries none. */
    public Context extract(Headers headers) {
        return W3C.extract(Context.root(), headers, HEADERS);
    }

    /**
     * The producer's {@code traceparent} for the inbox row, rewritten from the parsed context (so always 55
     * characters, whatever a publisher sent); null when the record carries no valid one.
     */
    public static String traceparentOf(Context producer) {
        SpanContext context = Span.fromContext(producer).getSpanContext();
        if (!context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }

    /** A CONSUMER span for handling one event, child of the producer's span when the record carried one. */
    public Span startProcess(Context producer, EventEnvelope envelope, String topic) {
        return tracer.spanBuilder((topic == null ? envelope.type() : topic) + " process")
                .setParent(producer == null ? Context.root() : producer)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.message.id", envelope.id().toString())
                .setAttribute("cloudevents.event_type", envelope.type())
                .startSpan();
    }

    static void failed(Span span, Throwable error) {
        span.recordException(error);
        span.setStatus(StatusCode.ERROR, error.toString());
    }
}
