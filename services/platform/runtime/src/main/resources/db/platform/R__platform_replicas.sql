-- What several replicas of one service share, kept in the service's database: which tick each scheduled job last
-- completed (ClusterJobs), the write rate limit's buckets (SharedTokenBuckets), and the indexes the retention job
-- deletes by (Retention). Repeatable and idempotent, so that databases already past the services' own V<n>
-- migrations get it too.

create table if not exists platform_job_run (
    job         varchar(128) primary key,
    -- start of the last period (epoch divided into periods of the job's interval) in which the job completed
    last_tick   timestamptz not null,
    finished_at timestamptz not null
);

-- One row per user who wrote recently; refilled arithmetically on each write, so no job has to top it up.
create table if not exists rate_limit_bucket (
    user_id    varchar(256) primary key,
    tokens     double precision not null,
    granted    boolean not null,
    updated_at timestamptz not null
);

-- Retention deletes the oldest published outbox rows and applied inbox rows first; parked (FAILED) inbox rows are
-- never deleted, so they stay out of the index.
create index if not exists outbox_event_published_at on outbox_event (published_at) where published_at is not null;
create index if not exists inbox_event_applied_received_at on inbox_event (received_at) where status = 'APPLIED';
