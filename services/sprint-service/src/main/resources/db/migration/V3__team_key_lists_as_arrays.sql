-- A team's disciplines and covered alliances become text[] (they were ",A,B," text searched with LIKE): a filter on
-- one key is then an array condition a GIN index serves. Existing teams keep their keys, in their order.
alter table team
    alter column disciplines type text[]
        using coalesce(array_remove(string_to_array(trim(both ',' from disciplines), ','), ''), '{}'),
    alter column alliances type text[]
        using coalesce(array_remove(string_to_array(trim(both ',' from alliances), ','), ''), '{}');
create index team_disciplines on team using gin (disciplines);
create index team_alliances on team using gin (alliances);
