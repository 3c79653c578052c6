-- The partner-experience pulse: one personal survey link per attendee of a meeting whose minutes were approved.
create table pulse_invitation (
    id          uuid primary key,
    token_id    varchar(32) not null unique,
    secret_hash varchar(64) not null,
    meeting_id  uuid not null references meeting (id),
    alliance_id varchar(32) not null,
    side        varchar(16) not null,
    name        varchar(200) not null,
    email       varchar(320),
    user_id     varchar(128),
    quarter     varchar(8) not null,
    issued_at   timestamptz not null,
    expires_at  timestamptz not null,
    answered_at timestamptz,
    revoked_at  timestamptz,
    version     bigint not null default 0
);
create index pulse_invitation_meeting on pulse_invitation (meeting_id);
create index pulse_invitation_user on pulse_invitation (user_id, meeting_id);

-- Answers carry no reference to the invitation or person, so a score cannot be tied to its respondent.
create table pulse_answer (
    id               uuid primary key,
    meeting_id       uuid not null references meeting (id),
    alliance_id      varchar(32) not null,
    side             varchar(16) not null,
    quarter          varchar(8) not null,
    preparation      int not null check (preparation between 1 and 5),
    decision_quality int not null check (decision_quality between 1 and 5),
    one_team         int not null check (one_team between 1 and 5),
    recommend        int not null check (recommend between 1 and 5),
    comment          varchar(2000)
);
create index pulse_answer_alliance on pulse_answer (alliance_id, quarter);

-- A concern is raised once per alliance, quarter and question, however many answers keep it true.
create table pulse_concern (
    alliance_id varchar(32) not null,
    quarter     varchar(8) not null,
    question    varchar(32) not null,
    raised_at   timestamptz not null,
    reason      varchar(300) not null,
    primary key (alliance_id, quarter, question)
);
