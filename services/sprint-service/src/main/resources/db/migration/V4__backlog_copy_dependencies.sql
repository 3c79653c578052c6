-- The items a backlog item depends on, as the backlog's events carry them. Null: not known yet (the item's events
-- predate dependencies travelling with them); empty: none.
alter table backlog_item_copy add column depends_on text[];
