-- The service runs as the application role ${app_role}; migrations run as the database owner. The application role
-- may read and write the service's tables but only add to audit_log: no UPDATE, DELETE or TRUNCATE there, and, not
-- being the owner, it cannot disable the append-only triggers or drop anything. Repeatable, so it re-runs when this
-- file changes; tables of later migrations get the same grants through the default privileges.
-- Skipped when migrations and service share one role (a deployment without an owner role): nothing to separate then.
do $$
begin
    if current_user <> '${app_role}' then
        execute format('grant usage on schema public to %I', '${app_role}');
        execute format('grant select, insert, update, delete, truncate on all tables in schema public to %I',
                       '${app_role}');
        execute format('grant usage, select on all sequences in schema public to %I', '${app_role}');
        execute format('alter default privileges in schema public'
                       || ' grant select, insert, update, delete, truncate on tables to %I', '${app_role}');
        execute format('alter default privileges in schema public grant usage, select on sequences to %I',
                       '${app_role}');
        execute format('revoke update, delete, truncate on audit_log from %I', '${app_role}');
        execute format('revoke all on flyway_schema_history from %I', '${app_role}');
        execute format('grant select on flyway_schema_history to %I', '${app_role}');
    end if;
end
$$;
