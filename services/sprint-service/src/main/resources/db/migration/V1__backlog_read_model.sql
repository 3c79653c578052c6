-- sprint-service's own copy of the backlog, built from backlog-item events. Never read from the backlog database.
create table backlog_item_copy (
    item_id      uuid primary key,
    alliance_id  varchar(32)  not null,
    title        varchar(200) not null,
    discipline   varchar(32)  not null,
    type         varchar(32)  not null,
    estimate     int,
    due_date     date,
    status       varchar(16)  not null,
    rank         varchar(64),
    dropped      boolean      not null default false,
    updated_at   timestamptz  not null
);
create index backlog_item_copy_alliance on backlog_item_copy (alliance_id);
