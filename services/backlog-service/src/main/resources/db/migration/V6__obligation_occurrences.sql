-- A recurring obligation rolls to its next due date when met, so the row forgot its earlier occurrences; the
-- governance-health figures (met on time, missed) need each one. Existing rows take what the audit trail recorded
-- of each time they were met, or else their own last occurrence.
alter table obligation add column occurrences jsonb not null default '[]'::jsonb;

update obligation o set occurrences = coalesce((
        select jsonb_agg(jsonb_build_object('dueDate', a.before_state ->> 'dueDate',
                                            'metOn', a.after_state ->> 'metOn') order by a.id)
          from audit_log a
         where a.aggregate_type = 'obligation' and a.aggregate_id = o.id::text
           and a.action = 'io.entente.ObligationMet'
           and a.before_state ->> 'dueDate' is not null and a.after_state ->> 'metOn' is not null), '[]'::jsonb);

update obligation set occurrences = jsonb_build_array(jsonb_build_object('dueDate', due_date, 'metOn', met_on))
 where status = 'MET' and met_on is not null and occurrences = '[]'::jsonb;
