-- Stable, documented views for BI tools (Tableau, Looker, Superset): a tool reads `reporting.*`
-- with a read-only role and never the job's own tables, whose shape may change between versions.
-- README.md, "Views for BI", says which view answers which question.
create schema if not exists reporting;

-- Every run, with its counts and duration.
create view reporting.runs as
select run_id, run_date, status, full_run, window_start, window_end, changed, analyzed, embedded, indexed,
       window_size as in_window, cluster_count as clusters, finding_count as findings, started_at, finished_at,
       extract(epoch from finished_at - started_at)::bigint as duration_seconds
from rca_run;

-- The completed run of each date (the last one, when a date was rerun): the runs reports stand for.
create view reporting.completed_runs as
select distinct on (run_date) * from reporting.runs where status = 'COMPLETED' order by run_date, run_id desc;

-- Every finding of every completed run, with its cluster's label and its tracked cause's state.
create view reporting.findings as
select r.run_id, r.run_date, f.rank, f.kind, f.cluster_id, coalesce(c.label, 'all escalations') as cluster_label,
       f.dimension, f.value, f.observed, f.expected, f.lift, f.lift_low, f.lift_high, f.p_value, f.q_value,
       f.recent_observed, f.recent_expected, f.since as onset, f.weekly_change, f.change, f.cause as cause_in_run,
       fc.tracked_id as tracked_cause_id, t.state as cause_state, f.summary
from finding f
join reporting.completed_runs r on r.run_id = f.run_id
left join rca_cluster c on c.run_id = f.run_id and c.cluster_id = f.cluster_id
left join finding_cause fc on fc.run_id = f.run_id and fc.cause = f.cause
left join tracked_cause t on t.id = fc.tracked_id;

-- Every cluster of every completed run (ids are kept across nights: one id is one problem).
create view reporting.clusters as
select r.run_id, r.run_date, c.cluster_id, c.label, c.size, lower(c.status) as status, c.previous_ids, c.profile,
       c.top_terms
from rca_cluster c join reporting.completed_runs r on r.run_id = c.run_id;

-- Causes followed across nights, their state, owner, ticket and resolution, and how many nights they fired.
create view reporting.causes as
select t.id as cause_id, t.state, t.summary, t.cluster_id, t.dimension, t.value, t.owner, t.ticket, t.resolved_on,
       t.note, t.first_seen, t.last_seen, t.onset, t.updated_at, t.updated_by,
       (select count(*) from tracked_cause_night n where n.cause_id = t.id) as nights
from tracked_cause t;

-- The escalations each tracked cause covered, night by night.
create view reporting.cause_nights as
select n.cause_id, n.run_date, n.escalations, t.state
from tracked_cause_night n join tracked_cause t on t.id = n.cause_id
join reporting.completed_runs r on r.run_id = n.run_id;

-- Daily escalation counts per cluster × dimension value in each completed run's window:
-- one row per (run, day, cluster, dimension, value). Filter on run_id or run_date (or use daily_counts_latest).
create view reporting.daily_counts as
select r.run_id, r.run_date, (e.created_at at time zone 'UTC')::date as day, ca.cluster_id, d.dimension, d.value,
       count(*) as escalations
from cluster_assignment ca
join reporting.completed_runs r on r.run_id = ca.run_id
join escalation e on e.id = ca.escalation_id
cross join lateral (values ('policy', e.policy), ('vendor', e.vendor), ('market', e.market),
  ('language', e.language), ('channel', e.channel), ('priority', e.priority), ('action', e.action),
  ('outcome', e.outcome)) as d (dimension, value)
where d.value is not null
group by 1, 2, 3, 4, 5, 6;

-- The same for the latest completed run only.
create view reporting.daily_counts_latest as
select * from reporting.daily_counts
where run_id = (select run_id from reporting.completed_runs order by run_date desc limit 1);
