-- The service levels the backlog generates work from (health checks, risk reviews per tier and phase), as the latest
-- ServiceCatalogueChanged event carried them; no row: the shipped defaults.
create table service_level (
    id          varchar(32)  primary key,
    version     bigint       not null,
    levels      jsonb        not null,
    updated_at  timestamptz  not null
);
-- One generated item per alliance, service and period, whatever runs the generation how often or where.
create unique index backlog_item_service_level on backlog_item (source_ref) where source_ref like 'service-level:%';
