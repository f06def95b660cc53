-- Escalations land here from imports; the nightly job reads them by changed_at.
create table escalation (
  id            bigserial primary key,
  external_id   text        not null unique,
  created_at    timestamptz not null,
  updated_at    timestamptz not null,
  narrative     text        not null,
  policy        text,
  vendor        text,
  market        text,
  language      text,
  channel       text,
  priority      text,
  action        text,
  outcome       text,
  extra         jsonb       not null default '{}'::jsonb,
  -- Hash of the mapped content: re-importing an unchanged row does not move changed_at.
  content_hash  text        not null,
  imported_at   timestamptz not null default now(),
  -- Wall-clock time of the last content change; the nightly watermark compares against it.
  changed_at    timestamptz not null default clock_timestamp()
);
create index escalation_changed_at on escalation (changed_at);
create index escalation_created_at on escalation (created_at);

create table import_run (
  id          bigserial primary key,
  source      text        not null,
  mapping     text        not null,
  started_at  timestamptz not null default now(),
  finished_at timestamptz,
  read        bigint      not null default 0,
  inserted    bigint      not null default 0,
  updated     bigint      not null default 0,
  unchanged   bigint      not null default 0,
  skipped     bigint      not null default 0,
  rejected    bigint      not null default 0
);

-- Nothing is lost: every row an import refuses is kept with its text and the reason.
create table rejected_row (
  id             bigserial primary key,
  import_id      bigint      not null references import_run (id),
  source         text        not null,
  record_number  bigint      not null,
  line_number    bigint      not null,
  raw            text        not null,
  reason         text        not null,
  rejected_at    timestamptz not null default now()
);
create index rejected_row_import on rejected_row (import_id);

create table narrative_analysis (
  escalation_id     bigint      primary key references escalation (id) on delete cascade,
  source_changed_at timestamptz not null,
  detected_language text        not null,
  terms             text        not null,
  phrases           text        not null,
  token_count       integer     not null,
  run_id            bigint      not null,
  analyzed_at       timestamptz not null default now()
);
create index narrative_analysis_run on narrative_analysis (run_id);

-- One row per nightly job instance (= run date, or run date + rerun attempt).
create table rca_run (
  run_id          bigint      primary key,
  run_date        date        not null,
  full_run        boolean     not null,
  window_start    date        not null,
  window_end      date        not null,
  watermark_from  timestamptz,
  watermark_to    timestamptz not null,
  status          text        not null,
  changed         bigint      not null default 0,
  analyzed        bigint      not null default 0,
  indexed         bigint      not null default 0,
  window_size     bigint      not null default 0,
  cluster_count   integer     not null default 0,
  finding_count   integer     not null default 0,
  started_at      timestamptz not null default now(),
  finished_at     timestamptz
);
create index rca_run_completed on rca_run (status, finished_at);

create table rca_cluster (
  run_id       bigint  not null references rca_run (run_id) on delete cascade,
  cluster_id   text    not null,
  label        text    not null,
  top_terms    text    not null,
  size         integer not null,
  example_ids  text    not null,
  profile      text    not null default '',
  primary key (run_id, cluster_id)
);

create table cluster_assignment (
  run_id         bigint not null references rca_run (run_id) on delete cascade,
  escalation_id  bigint not null references escalation (id) on delete cascade,
  cluster_id     text   not null,
  similarity     real   not null,
  primary key (run_id, escalation_id)
);

create table finding (
  run_id       bigint           not null references rca_run (run_id) on delete cascade,
  rank         integer          not null,
  cluster_id   text             not null,
  dimension    text             not null,
  value        text             not null,
  observed     bigint           not null,
  expected     double precision not null,
  lift         double precision not null,
  lift_low     double precision not null,
  lift_high    double precision not null,
  p_value      double precision not null,
  q_value      double precision not null,
  score        double precision not null,
  summary      text             not null,
  example_ids  text             not null,
  primary key (run_id, rank)
);
