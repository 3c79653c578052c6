-- Shared by every service: each service's own database gets these three tables from the platform jar.

-- Transactional outbox: written in the same transaction as the change, published to Kafka by the relay.
create table outbox_event (
    id              bigserial primary key,
    event_id        uuid        not null unique,
    aggregate_type  varchar(64) not null,
    aggregate_id    varchar(64) not null,
    alliance_id     varchar(32),
    event_type      varchar(128) not null,
    topic           varchar(128) not null,
    payload         text        not null,
    occurred_at     timestamptz not null,
    published_at    timestamptz,
    attempts        int         not null default 0,
    last_error      text
);
-- The relay only ever scans what is left to publish.
create index outbox_event_unpublished on outbox_event (id) where published_at is null;

-- Idempotent consumer: one row per event applied (or parked), written in the same transaction as its effect.
create table inbox_event (
    event_id     uuid primary key,
    event_type   varchar(128) not null,
    aggregate_id varchar(64),
    received_at  timestamptz not null default now(),
    status       varchar(16) not null,
    error        text
);

-- Append-only audit trail: who changed what, when, before and after.
create table audit_log (
    id             bigserial primary key,
    occurred_at    timestamptz not null default now(),
    actor          varchar(128) not null,
    action         varchar(128) not null,
    aggregate_type varchar(64)  not null,
    aggregate_id   varchar(64)  not null,
    alliance_id    varchar(32),
    event_id       uuid,
    before_state   jsonb,
    after_state    jsonb
);
create index audit_log_aggregate on audit_log (aggregate_type, aggregate_id, id);

-- Governance records are legal records: the application may add audit rows, never rewrite or remove them.
create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only();
