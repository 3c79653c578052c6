-- Governance-health figures need when a decision was opened, each escalation (raised and resolved) and each
-- deferral: the row kept only the latest state. Existing rows take what the audit trail recorded.
alter table decision
    add column opened_at timestamptz,
    add column escalations jsonb not null default '[]'::jsonb,
    add column deferrals jsonb not null default '[]'::jsonb;

update decision d set opened_at = coalesce(
        (select min(a.occurred_at) from audit_log a
          where a.aggregate_type = 'decision' and a.aggregate_id = d.id::text
            and a.action = 'io.entente.DecisionOpened'),
        d.created_at)
 where d.status <> 'DRAFT';

update decision d set escalations = coalesce((
        select jsonb_agg(jsonb_build_object(
                   'level', (a.after_state ->> 'escalationLevel')::int,
                   'toBody', a.after_state ->> 'currentBody',
                   'raisedAt', to_char(a.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                   'resolvedAt', case when d.status in ('DECIDED', 'WITHDRAWN', 'DEFERRED')
                                      then to_char(d.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
                                 end)
                 order by a.id)
          from audit_log a
         where a.aggregate_type = 'decision' and a.aggregate_id = d.id::text
           and a.action = 'io.entente.DecisionEscalated'), '[]'::jsonb);

update decision d set deferrals = coalesce((
        select jsonb_agg(jsonb_build_object(
                   'at', to_char(a.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                   'fromDueDate', a.before_state ->> 'dueDate',
                   'toDueDate', a.after_state ->> 'dueDate')
                 order by a.id)
          from audit_log a
         where a.aggregate_type = 'decision' and a.aggregate_id = d.id::text
           and a.action = 'io.entente.DecisionDeferred'), '[]'::jsonb);

create index decision_opened on decision (alliance_id, opened_at);
