-- The owner's word that an action item is done; the status still follows the backlog item that carries it.
alter table action_item add column reported_done_at timestamp with time zone;
alter table action_item add column reported_done_by varchar(255);
