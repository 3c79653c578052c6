-- The owning team of an obligation: the people planned to work the sprint that holds its current work item
-- (SprintPlanned / SprintCapacityChanged name them; ItemCommittedToSprint and the sprint's close say where the item is).
alter table obligation_work add column sprint_id text;

create table sprint_crew (
    sprint_id text primary key,
    members   text[] not null
);
