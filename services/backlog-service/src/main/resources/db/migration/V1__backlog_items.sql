create table backlog_item (
    id           uuid primary key,
    alliance_id  varchar(32)  not null,
    title        varchar(200) not null,
    description  text,
    discipline   varchar(32)  not null,
    type         varchar(32)  not null,
    estimate     int,
    due_date     date,
    status       varchar(16)  not null,
    rank         varchar(64),
    source_ref   varchar(80),
    version      bigint       not null default 0,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null
);
create index backlog_item_alliance on backlog_item (alliance_id);
