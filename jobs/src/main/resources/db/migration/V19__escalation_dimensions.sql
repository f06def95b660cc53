-- The taxonomy's own dimensions beyond the eight with columns (a review site, a queue, a content
-- type), by name: {"site": "Manila", "queue": "appeals"}. A constant default: no table rewrite.
alter table escalation add column dimensions jsonb not null default '{}'::jsonb;

-- Every dimension value of every escalation, one row each, the eight columns and the taxonomy's
-- others alike: what a BI tool joins to count by any dimension.
create view reporting.escalation_dimension as
select e.external_id as escalation_id, d.dimension, d.value
from escalation e
cross join lateral (values ('policy', e.policy), ('vendor', e.vendor), ('market', e.market),
  ('language', e.language), ('channel', e.channel), ('priority', e.priority), ('action', e.action),
  ('outcome', e.outcome)) as d (dimension, value)
where d.value is not null
union all
select e.external_id, j.key, j.value
from escalation e cross join lateral jsonb_each_text(e.dimensions) as j (key, value);

-- Daily counts now hold the taxonomy's other dimensions too.
create or replace view reporting.daily_counts as
select r.run_id, r.run_date, (e.created_at at time zone 'UTC')::date as day, ca.cluster_id, d.dimension, d.value,
       count(*) as escalations
from cluster_assignment ca
join reporting.completed_runs r on r.run_id = ca.run_id
join escalation e on e.id = ca.escalation_id
cross join lateral (select * from (values ('policy', e.policy), ('vendor', e.vendor), ('market', e.market),
  ('language', e.language), ('channel', e.channel), ('priority', e.priority), ('action', e.action),
  ('outcome', e.outcome)) as c (dimension, value)
  union all select key, value from jsonb_each_text(e.dimensions)) as d (dimension, value)
where d.value is not null
group by 1, 2, 3, 4, 5, 6;

-- Which declared dimension has been back-filled from which column kept in `extra`: the taxonomy's
-- `source`, read once per declaration, not scanned every night.
create table dimension_backfill (
  dimension text primary key,
  source text not null,
  escalations bigint not null,
  backfilled_at timestamptz not null default now()
);
