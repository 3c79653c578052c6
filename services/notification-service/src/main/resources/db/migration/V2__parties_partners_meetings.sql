-- Contributors and informed people of a decision, from DecisionOpened (null for a decision opened before the event
-- carried them).
alter table decision_parties add column contributors text[];
alter table decision_parties add column informed text[];

-- Whether the user signs in as the partner company's person: they read only the partner edition.
alter table recipient add column partner boolean not null default false;

-- What a partner may be told of this notification (null: nothing, the whole notification is internal, e.g. risk).
alter table notification add column partner_body text;

-- The meetings' titles, from MeetingScheduled, for packet and minutes notifications.
create table meeting_ref (
    meeting_id  text primary key,
    alliance_id text not null,
    title       text not null
);
