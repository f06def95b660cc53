-- What each run published where: one row per run and channel (jira, webhook, email), its last
-- status, how many attempts and a one-line detail. A failed delivery never fails the night; the
-- next run retries it.
create table delivery (
  run_id     bigint      not null references rca_run (run_id) on delete cascade,
  channel    text        not null,
  status     text        not null check (status in ('sent', 'failed')),
  attempts   integer     not null default 1,
  detail     text        not null default '',
  at         timestamptz not null default now(),
  primary key (run_id, channel)
);

-- The JIRA ticket of each tracked cause, and every comment posted on it (once per cause, night and
-- kind: a rerun never posts twice).
create table jira_ticket (
  cause_id    bigint      primary key references tracked_cause (id) on delete cascade,
  issue_key   text        not null,
  created_on  date        not null,
  created_at  timestamptz not null default now()
);

create table jira_comment (
  cause_id  bigint      not null references tracked_cause (id) on delete cascade,
  run_date  date        not null,
  kind      text        not null,
  at        timestamptz not null default now(),
  primary key (cause_id, run_date, kind)
);
