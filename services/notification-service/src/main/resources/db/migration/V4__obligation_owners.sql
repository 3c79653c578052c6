-- Who owns an obligation, as far as events tell: no event names a team's members, so the owners we can reach are
-- the alliance's manager (AllianceRegistered/Updated) and whoever holds the board card of the obligation's current
-- work item (BacklogItemCreated with source obligation:<id>, then the sprint board's assignments).
create table alliance_ref (
    alliance_id text primary key,
    manager     text
);

-- One row per obligation: its current occurrence's work item (a recurring obligation gets a new item each time).
create table obligation_work (
    obligation_id text primary key,
    item_id       text not null,
    alliance_id   text not null,
    assignee      text
);
create index obligation_work_item on obligation_work (item_id);
