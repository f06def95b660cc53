-- A cause followed across nights: identified by its findings' keys (cluster id, which keeps its
-- identity across nights, plus the finding's dimension values), with the state program managers
-- move it through: new → acknowledged (owner) → ticketed (ticket key) → resolved (date, note);
-- a resolved cause that fires again is regressed; dismissed (a false alarm, with a reason) stays
-- in findings.json, flagged, but leaves the top list.
create table tracked_cause (
  id              bigserial   primary key,
  state           text        not null default 'new'
                  check (state in ('new', 'acknowledged', 'ticketed', 'resolved', 'regressed', 'dismissed')),
  summary         text        not null,
  cluster_id      text        not null,
  dimension       text        not null,
  value           text        not null,
  owner           text,
  ticket          text,
  resolved_on     date,
  note            text,
  first_seen      date        not null,
  last_seen       date        not null,
  onset           date,
  updated_at      timestamptz not null default now(),
  updated_by      text        not null default 'nightly run'
);

-- Every finding key a tracked cause has been seen under ("C0012|vendor ∧ market|Atlas ∧ BR").
create table tracked_cause_key (
  key       text   primary key,
  cause_id  bigint not null references tracked_cause (id) on delete cascade
);

-- Who changed what and when, and what the nights did (first seen, regressed).
create table tracked_cause_event (
  id        bigserial   primary key,
  cause_id  bigint      not null references tracked_cause (id) on delete cascade,
  at        timestamptz not null default now(),
  actor     text        not null,
  action    text        not null,
  detail    text        not null default ''
);
create index tracked_cause_event_cause on tracked_cause_event (cause_id, id);

-- The cause in each run it fired in, with the escalations it covered.
create table tracked_cause_night (
  cause_id     bigint not null references tracked_cause (id) on delete cascade,
  run_id       bigint not null references rca_run (run_id) on delete cascade,
  run_date     date   not null,
  escalations  bigint not null,
  primary key (cause_id, run_id)
);

alter table finding_cause add column tracked_id bigint references tracked_cause (id) on delete set null;
