-- The trace context of the change that wrote an outbox row (W3C traceparent/tracestate), so that the relay, which
-- publishes later on another thread, can continue that trace onto the Kafka record; and the one an applied event
-- arrived with, so that an event can be followed from the consumer's side too. Nullable: untraced changes leave it
-- empty. Repeatable and idempotent rather than versioned: the platform's versions sort before every service's own,
-- and Flyway refuses a new lower version on a database that already has the higher ones.
alter table outbox_event add column if not exists traceparent varchar(55);
alter table outbox_event add column if not exists tracestate text;
alter table inbox_event add column if not exists traceparent varchar(55);
