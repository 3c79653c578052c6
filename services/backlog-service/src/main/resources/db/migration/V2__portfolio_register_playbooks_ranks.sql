-- The alliance portfolio. The key is the alliance id in every service and event.
create table alliance (
    key               varchar(32)  primary key,
    name              varchar(120) not null,
    partner           varchar(120) not null,
    type              varchar(32)  not null,
    tier              int          not null check (tier between 1 and 3),
    phase             varchar(16)  not null,
    value_score       int          not null check (value_score between 1 and 5),
    complexity_score  int          not null check (complexity_score between 1 and 5),
    alliance_manager  varchar(128) not null,
    start_date        date,
    risk_threshold    int          not null default 12 check (risk_threshold between 1 and 25),
    version           bigint       not null default 0,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null
);

-- Backlog items: value to the stakeholder, owner, sprint state, and a unique byte-ordered fractional rank.
alter table backlog_item
    add column beneficiary       varchar(120),
    add column stakeholder_value int check (stakeholder_value between 1 and 10),
    add column owner             varchar(128),
    add column sprint_id         varchar(64),
    add column done_at           timestamptz;
alter table backlog_item alter column rank type text collate "C";
with unranked as (select id, row_number() over (order by created_at, id) as n from backlog_item where rank is null)
update backlog_item b set rank = 'h' || lpad(to_hex(u.n), 8, '0') || 'i' from unranked u where b.id = u.id;
alter table backlog_item alter column rank set not null;
alter table backlog_item alter column source_ref type varchar(120);
drop index backlog_item_alliance;
-- The default backlog order: the first page is an index range scan whatever the backlog's size.
create unique index backlog_item_rank on backlog_item (rank);
create index backlog_item_alliance_rank on backlog_item (alliance_id, rank);
create index backlog_item_created on backlog_item (created_at, id);
create index backlog_item_updated on backlog_item (updated_at, id);
create index backlog_item_source_ref on backlog_item (source_ref) where source_ref is not null;
create index backlog_item_sprint on backlog_item (sprint_id) where sprint_id is not null;

create table backlog_item_dependency (
    item_id     uuid not null references backlog_item (id),
    depends_on  uuid not null references backlog_item (id),
    primary key (item_id, depends_on),
    check (item_id <> depends_on)
);
create index backlog_item_dependency_target on backlog_item_dependency (depends_on);

-- Lifecycle playbooks: templates of tasks, offsets in days from an anchor date.
create table playbook (
    id            uuid         primary key,
    key           varchar(64)  not null unique,
    name          varchar(120) not null,
    description   text,
    applies_to    varchar(32)  not null,
    anchor_label  varchar(80)  not null
);
create table playbook_task (
    id           uuid         primary key default gen_random_uuid(),
    playbook_id  uuid         not null references playbook (id),
    position     int          not null,
    title        varchar(200) not null,
    description  text,
    discipline   varchar(32)  not null,
    estimate     int,
    offset_days  int          not null,
    unique (playbook_id, position)
);
create table playbook_application (
    id           uuid         primary key,
    playbook_id  uuid         not null references playbook (id),
    alliance_id  varchar(32)  not null references alliance (key),
    anchor_date  date         not null,
    applied_by   varchar(128) not null,
    applied_at   timestamptz  not null
);
create index playbook_application_alliance on playbook_application (alliance_id, applied_at);

-- The alliance register.
create table risk (
    id                uuid         primary key,
    alliance_id       varchar(32)  not null references alliance (key),
    title             varchar(200) not null,
    category          varchar(32)  not null,
    likelihood        int          not null check (likelihood between 1 and 5),
    impact            int          not null check (impact between 1 and 5),
    score             int          not null,
    owner             varchar(128) not null,
    mitigation        text,
    status            varchar(16)  not null,
    next_review_date  date,
    closed_reason     varchar(500),
    version           bigint       not null default 0,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null
);
create index risk_alliance_score on risk (alliance_id, score desc, id);
create index risk_score on risk (score, id);

create table obligation (
    id              uuid         primary key,
    alliance_id     varchar(32)  not null references alliance (key),
    title           varchar(200) not null,
    clause_ref      varchar(64)  not null,
    kind            varchar(32)  not null,
    owed_by         varchar(16)  not null,
    due_date        date         not null,
    recurrence      varchar(16)  not null,
    lead_time_days  int          not null check (lead_time_days between 0 and 365),
    status          varchar(16)  not null,
    item_id         uuid references backlog_item (id),
    met_on          date,
    version         bigint       not null default 0,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);
create index obligation_alliance_due on obligation (alliance_id, due_date, id);
create index obligation_due on obligation (due_date, id);
-- The scheduled job only looks at obligations still waiting for their window or their due date.
create index obligation_open on obligation (due_date) where status in ('UPCOMING', 'DUE');
