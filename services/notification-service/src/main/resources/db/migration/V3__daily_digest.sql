-- DIGEST: the notification waits for its user's daily digest instead of a mail of its own.
alter table notification add column digest_pending boolean not null default false;
alter table notification add column digest_id uuid;
create index notification_digest_pending on notification (recipient) where digest_pending;

-- One digest per user and day: the key keeps a second run (another replica, a restart) from mailing it twice.
create table digest (
    id         uuid primary key,
    user_id    text        not null,
    day        date        not null,
    created_at timestamptz not null,
    constraint digest_once unique (user_id, day)
);

-- A mail is a notification's or a digest's.
alter table outgoing_mail alter column notification_id drop not null;
alter table outgoing_mail alter column kind drop not null;
alter table outgoing_mail add column digest_id uuid unique references digest (id);
alter table outgoing_mail add constraint outgoing_mail_of_one
    check ((notification_id is null) <> (digest_id is null));
