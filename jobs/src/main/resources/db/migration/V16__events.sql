-- Events a program manager records (policy launches, vendor changes, tool releases, outages): marked
-- on every chart and cited by findings and explanations that began soon after one.
create table event (
  id          bigserial   primary key,
  starts      date        not null,
  ends        date,
  title       text        not null,
  kind        text        not null,
  scope       jsonb       not null default '{}',
  created_by  text        not null,
  created_at  timestamptz not null default now(),
  updated_by  text,
  updated_at  timestamptz,
  check (ends is null or ends >= starts)
);
create index event_starts on event (starts);
