-- The workload read model: what the alliance events say about tier, phase, scores and manager. Rows written before
-- these columns existed fill in with the next event of their alliance; until then they count as phase unknown.
alter table alliance_copy
    add column phase             varchar(32),
    add column value_score       int,
    add column complexity_score  int,
    add column alliance_manager  varchar(128);
create index alliance_copy_manager on alliance_copy (alliance_manager);

-- An alliance manager's own capacity for alliance work; a manager without a row has the default (120 h a month).
create table alliance_manager (
    user_id          varchar(128) primary key,
    hours_per_month  int          not null check (hours_per_month between 0 and 250),
    version          bigint       not null default 0,
    updated_at       timestamptz  not null
);

-- The service catalogue, one versioned document; no row means the shipped defaults (version 1).
create table service_catalogue (
    id          varchar(32)  primary key,
    entries     jsonb        not null,
    version     bigint       not null default 0,
    updated_at  timestamptz  not null,
    updated_by  varchar(128)
);
