-- Alliances as announced by the backlog service, with the escalation ladder from their governance charter.
create table alliance (
    alliance_id varchar(32) primary key,
    name        varchar(200) not null,
    -- JSON list of {"body": "JDC", "days": 10}, lowest step first
    ladder      text         not null,
    version     bigint       not null default 0,
    updated_at  timestamptz  not null
);

create table decision (
    id                 uuid primary key,
    alliance_id        varchar(32)  not null,
    title              varchar(200) not null,
    question           varchar(2000) not null,
    context            text,
    -- JSON list of {"key","title","pros","cons"}
    options            text         not null,
    governance_body    varchar(32)  not null,
    -- the body holding the decision now: the governance body until escalation moves it up the ladder
    current_body       varchar(32)  not null,
    due_date           date         not null,
    lead_time_days     int          not null,
    driver             varchar(128) not null,
    approver           varchar(128) not null,
    contributors       text         not null,
    informed           text         not null,
    internal_notes     text,
    status             varchar(16)  not null,
    risk_state         varchar(16),
    risk_reason        varchar(500),
    escalation_level   int          not null default 0,
    respond_by         date,
    proposed_option    varchar(40),
    proposal_summary   varchar(2000),
    chosen_option      text,
    rationale          text,
    decided_at         timestamptz,
    decided_by         varchar(128),
    meeting_id         varchar(64),
    supersedes_id      uuid references decision (id),
    superseded_by_id   uuid references decision (id),
    created_by         varchar(128) not null,
    version            bigint       not null default 0,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null
);
-- Lists and the stakeholder view: by alliance and due date, keyset on (due_date, id).
create index decision_alliance_due on decision (alliance_id, due_date, id);
create index decision_due on decision (due_date, id);
-- The jobs scan only decisions that are still open.
create index decision_active on decision (status) where status in ('OPEN', 'PROPOSED', 'ESCALATED', 'DEFERRED');

-- Prep items of decisions, kept from backlog and sprint events. Sprint events can arrive before the backlog's
-- create, so a row may exist before its decision is known (decision_id null until then).
create table prep_item (
    item_id         uuid primary key,
    decision_id     uuid,
    alliance_id     varchar(32),
    title           varchar(200),
    backlog_status  varchar(16),
    dropped         boolean      not null default false,
    sprint_id       varchar(64),
    board_column    varchar(16),
    updated_at      timestamptz  not null
);
create index prep_item_decision on prep_item (decision_id);

-- One calendar feed per user. Only the SHA-256 of the secret is kept: a database leak must not leak feed URLs.
create table calendar_feed (
    user_id      varchar(128) primary key,
    secret_hash  varchar(64)  not null unique,
    alliances    text         not null,
    all_alliances boolean     not null,
    roles        text         not null,
    created_at   timestamptz  not null,
    rotated_at   timestamptz  not null
);
