-- New items go to the bottom of the one backlog. Instead of reading max(rank) under a lock every create waits for,
-- they take the next append position from this sequence (nextval never waits and never hands out a number twice).
-- A position is the first six base-36 digits of a rank (Ranks.position); the rank at a position sorts after every
-- rank of a lower one, so every rank in the table stays below the next position handed out.
create sequence backlog_item_rank_position as bigint minvalue 1 maxvalue 2176782335 no cycle;

-- Ranks.position in SQL: the first six digits of a rank, padded with 0, read in base 36.
create function backlog_rank_position(r text) returns bigint language sql immutable strict as $$
    select sum((strpos('0123456789abcdefghijklmnopqrstuvwxyz', substr(rpad(r, 6, '0'), i, 1)) - 1)::bigint
               * power(36, 6 - i)::bigint)::bigint
    from generate_series(1, 6) as i
$$;

-- Puts the sequence just past the last rank in the table (on an empty backlog: the first item gets rank "i", as
-- before). For whoever writes ranks without the sequence, e.g. a bulk load: call it while holding the rank lock
-- (advisory lock 0x0BAC0106) exclusively, so that no create has a position in flight. SECURITY DEFINER: setval needs
-- UPDATE on the sequence, which the service's role does not have (it only draws positions, see docs/CONVENTIONS.md).
create function backlog_item_sync_rank_position() returns bigint language sql volatile security definer
    set search_path = public as $$
    select setval('backlog_item_rank_position',
                  coalesce((select backlog_rank_position(max(rank)) from backlog_item), 1088391167))
$$;

select backlog_item_sync_rank_position();
