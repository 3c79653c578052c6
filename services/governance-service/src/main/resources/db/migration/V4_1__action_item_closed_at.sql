-- When an action item was closed (done or dropped), for its closure time and on-time rate. Rows closed before this
-- column existed take their last change, which for a closed item is its closing.
alter table action_item add column closed_at timestamptz;
update action_item set closed_at = updated_at where status in ('DONE', 'DROPPED');
