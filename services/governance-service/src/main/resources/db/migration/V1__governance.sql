-- Read models: copies of other services' facts, filled from their events only (upserts, any order).

create table alliance_ref (
    alliance_id varchar(32) primary key,
    name        varchar(200),
    partner     varchar(200),
    tier        int,
    phase       varchar(32),
    updated_at  timestamptz not null
);

create table decision_ref (
    decision_id       varchar(64) primary key,
    alliance_id       varchar(32) not null,
    title             varchar(300),
    question          text,
    context           text,
    options_json      text,
    governance_body   varchar(64),
    due_date          date,
    lead_time_days    int,
    driver            varchar(128),
    approver          varchar(128),
    internal_notes    text,
    status            varchar(16) not null,
    proposed_option   varchar(64),
    risk_state        varchar(16),
    escalated_from    varchar(64),
    escalated_to      varchar(64),
    escalation_level  int,
    escalation_reason text,
    respond_by        date,
    updated_at        timestamptz not null
);
create index decision_ref_alliance on decision_ref (alliance_id, status, due_date);

create table item_ref (
    item_id     varchar(64) primary key,
    alliance_id varchar(32) not null,
    title       varchar(300),
    type        varchar(32),
    status      varchar(32),
    estimate    int,
    due_date    date,
    source_ref  varchar(80),
    dropped     boolean not null default false,
    updated_at  timestamptz not null
);
create index item_ref_alliance on item_ref (alliance_id);
create index item_ref_source on item_ref (source_ref);

create table sprint_ref (
    sprint_id        varchar(64) primary key,
    team_id          varchar(64),
    team_name        varchar(200),
    name             varchar(200),
    goal             text,
    start_date       date,
    end_date         date,
    state            varchar(16) not null,
    updated_at       timestamptz not null
);

create table sprint_item (
    sprint_id    varchar(64) not null,
    item_id      varchar(64) not null,
    alliance_id  varchar(32) not null,
    estimate     int,
    board_column varchar(16) not null,
    removed      boolean not null default false,
    updated_at   timestamptz not null,
    primary key (sprint_id, item_id)
);
create index sprint_item_alliance on sprint_item (alliance_id);

create table risk_ref (
    risk_id          varchar(64) primary key,
    alliance_id      varchar(32) not null,
    title            varchar(300),
    category         varchar(32),
    likelihood       int,
    impact           int,
    score            int,
    owner            varchar(128),
    mitigation       text,
    status           varchar(16) not null,
    next_review_date date,
    above_threshold  boolean not null default false,
    updated_at       timestamptz not null
);
create index risk_ref_alliance on risk_ref (alliance_id, status);

create table obligation_ref (
    obligation_id  varchar(64) primary key,
    alliance_id    varchar(32) not null,
    title          varchar(300),
    clause_ref     varchar(64),
    kind           varchar(32),
    owed_by        varchar(16),
    due_date       date,
    lead_time_days int,
    status         varchar(16) not null,
    updated_at     timestamptz not null
);
create index obligation_ref_alliance on obligation_ref (alliance_id, status, due_date);

-- This service's own aggregates.

create table governance_body (
    id             uuid primary key,
    alliance_id    varchar(32)  not null,
    type           varchar(32)  not null,
    name           varchar(200) not null,
    quorum         int          not null,
    cadence        varchar(16)  not null,
    decision_rights text,
    members_json   text         not null,
    version        bigint       not null default 0,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null
);
create index governance_body_alliance on governance_body (alliance_id, type, id);

create table meeting (
    id                 uuid primary key,
    alliance_id        varchar(32)  not null,
    body_id            uuid         not null references governance_body (id),
    title              varchar(200) not null,
    starts_at          timestamptz  not null,
    time_zone          varchar(64)  not null,
    duration_minutes   int          not null,
    location           varchar(300),
    call_link          varchar(500),
    internal_briefing  text,
    attendees_json     text         not null,
    agenda_json        text         not null,
    attendance_json    text,
    outcomes_json      text         not null,
    status             varchar(24)  not null,
    minutes_approved_at timestamptz,
    minutes_approved_by varchar(128),
    version            bigint       not null default 0,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null
);
create index meeting_alliance_start on meeting (alliance_id, starts_at, id);
create index meeting_body_start on meeting (body_id, starts_at);
create index meeting_status_start on meeting (status, starts_at);

create table action_item (
    id             uuid primary key,
    alliance_id    varchar(32)  not null,
    meeting_id     uuid         not null references meeting (id),
    agenda_item_id varchar(64),
    title          varchar(300) not null,
    owner          varchar(128) not null,
    due_date       date         not null,
    status         varchar(16)  not null,
    raised_at      timestamptz  not null,
    updated_at     timestamptz  not null
);
create index action_item_alliance on action_item (alliance_id, status, due_date, id);
create index action_item_meeting on action_item (meeting_id);

-- One row per generated version; content is the internal edition's snapshot, the partner edition is derived from it.
create table packet (
    id           uuid primary key,
    meeting_id   uuid        not null references meeting (id),
    alliance_id  varchar(32) not null,
    version      int         not null,
    trigger      varchar(16) not null,
    generated_at timestamptz not null,
    generated_by varchar(128) not null,
    content_json text        not null,
    unique (meeting_id, version)
);
