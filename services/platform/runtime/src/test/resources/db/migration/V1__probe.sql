-- What the test handler did, one row per application, in the order it applied them.
create table probe_effect (
    id           bigserial primary key,
    event_id     uuid        not null,
    aggregate_id varchar(64) not null,
    title        text        not null,
    applied_at   timestamptz not null default clock_timestamp()
);
