-- One row per (event, recipient, kind): the unique key makes a redelivered event change nothing.
create table notification (
    id          uuid primary key,
    event_id    uuid        not null,
    recipient   text        not null,
    kind        text        not null,
    alliance_id text        not null,
    title       text        not null,
    body        text        not null,
    link        text        not null,
    created_at  timestamptz not null,
    read_at     timestamptz,
    version     bigint      not null default 0,
    constraint notification_once unique (event_id, recipient, kind)
);
create index notification_recipient on notification (recipient, read_at, created_at desc);

create table notification_preference (
    user_id text not null,
    kind    text not null,
    mode    text not null,
    primary key (user_id, kind)
);

-- Who the service can mail: learnt from each user's own token when they call the service.
create table recipient (
    user_id   text primary key,
    email     text,
    alliances text[]      not null,
    admin     boolean     not null,
    seen_at   timestamptz not null
);

-- The DACI parties of each decision, from DecisionOpened: later decision events carry only the decision id.
create table decision_parties (
    decision_id text primary key,
    alliance_id text not null,
    title       text not null,
    driver      text,
    approver    text
);

-- Mails to send; a mail server that is down delays them (backoff), never loses them.
create table outgoing_mail (
    id              uuid primary key,
    notification_id uuid        not null unique references notification (id),
    recipient       text        not null,
    kind            text        not null,
    created_at      timestamptz not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    sent_at         timestamptz,
    last_error      text
);
create index outgoing_mail_due on outgoing_mail (next_attempt_at) where sent_at is null;
