-- Alliance names for swimlane titles, from alliance events.
create table alliance_copy (
    alliance_id  varchar(32)  primary key,
    name         varchar(200) not null,
    partner      varchar(200),
    tier         int,
    updated_at   timestamptz  not null
);

-- Specialist teams. Disciplines and covered alliances are short lists stored as ",A,B," so that a filter is a LIKE.
create table team (
    id               uuid primary key,
    name             varchar(100) not null,
    description      varchar(1000),
    disciplines      varchar(400) not null,
    alliances        varchar(1000) not null,
    wip_todo         int,
    wip_in_progress  int,
    wip_in_review    int,
    wip_done         int,
    version          bigint       not null default 0,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null
);
create unique index team_name_unique on team (lower(name));
create index team_name_sort on team (name, id);

create table team_member (
    id             uuid primary key,
    team_id        uuid          not null references team (id) on delete cascade,
    user_id        varchar(128)  not null,
    display_name   varchar(200)  not null,
    team_role      varchar(32)   not null,
    points_per_day numeric(4, 2) not null,
    unique (team_id, user_id)
);
create index team_member_user on team_member (user_id);

create table sprint (
    id                uuid primary key,
    team_id           uuid         not null references team (id),
    name              varchar(100) not null,
    goal              varchar(1000),
    start_date        date         not null,
    end_date          date         not null,
    state             varchar(16)  not null,
    capacity_points   int          not null default 0,
    committed_points  int,
    completed_points  int,
    started_at        timestamptz,
    closed_at         timestamptz,
    version           bigint       not null default 0,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    check (end_date >= start_date)
);
-- One active sprint per team, whatever the application does.
create unique index sprint_one_active_per_team on sprint (team_id) where state = 'ACTIVE';
create index sprint_team_start on sprint (team_id, start_date desc, id desc);
create index sprint_start on sprint (start_date desc, id desc);

-- A member's capacity in one sprint: (working days - planned absence) x points per day.
create table sprint_capacity (
    id               uuid primary key,
    sprint_id        uuid          not null references sprint (id) on delete cascade,
    user_id          varchar(128)  not null,
    display_name     varchar(200)  not null,
    working_days     int           not null,
    absence_days     int           not null,
    points_per_day   numeric(4, 2) not null,
    capacity_points  int           not null,
    unique (sprint_id, user_id)
);

-- An item on a sprint board. One row per (sprint, item); "open" while the item is committed to a sprint that is not
-- closed, so that an item sits on at most one open board.
create table sprint_item (
    id                 uuid primary key,
    sprint_id          uuid         not null references sprint (id),
    item_id            uuid         not null,
    alliance_id        varchar(32)  not null,
    status             varchar(16)  not null,
    open               boolean      not null,
    board_column       varchar(16)  not null,
    assignee           varchar(128),
    disposition        varchar(16),
    override_capacity  boolean      not null default false,
    override_reason    varchar(500),
    committed_at       timestamptz  not null,
    done_at            timestamptz,
    removed_at         timestamptz,
    version            bigint       not null default 0,
    unique (sprint_id, item_id)
);
create unique index sprint_item_one_open_board on sprint_item (item_id) where open;
create index sprint_item_item on sprint_item (item_id, status);

-- The planning view filters and sorts the backlog copy.
create index backlog_item_copy_rank on backlog_item_copy ((rank is null), coalesce(rank, ''), item_id);
create index backlog_item_copy_due on backlog_item_copy (due_date, item_id);
create index backlog_item_copy_discipline on backlog_item_copy (discipline);
