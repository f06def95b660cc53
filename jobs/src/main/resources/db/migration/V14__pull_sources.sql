-- Where each pulled source (jira, jdbc) got to: the watermark of its last successful pull, which
-- only moves when a pull finishes, and what that pull did.
create table pull_source (
  name         text        primary key,
  watermark    timestamptz not null,
  last_pull    timestamptz not null default now(),
  import_id    bigint      references import_run (id)
);
