-- The small lists (options, DACI names, ladder steps, a feed's alliances and roles) were JSON kept as text by
-- hand-written converters; they are now JSON columns mapped by Hibernate. Every stored value is a JSON array,
-- so each column converts in place and keeps its data.
alter table alliance
    alter column ladder type jsonb using ladder::jsonb;

alter table decision
    alter column options type jsonb using options::jsonb,
    alter column contributors type jsonb using contributors::jsonb,
    alter column informed type jsonb using informed::jsonb;

alter table calendar_feed
    alter column alliances type jsonb using alliances::jsonb,
    alter column roles type jsonb using roles::jsonb;
