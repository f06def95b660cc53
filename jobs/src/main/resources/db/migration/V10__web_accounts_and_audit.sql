-- Local accounts of `rca serve`: bcrypt hashes only, a role, and failed sign-ins counted per
-- account so that guessing a password is throttled (locked until locked_until).
create table app_user (
  name             text        primary key,
  password_hash    text        not null,
  role             text        not null check (role in ('analyst', 'manager', 'admin')),
  failed_attempts  integer     not null default 0,
  locked_until     timestamptz,
  created_at       timestamptz not null default now()
);

-- Who searched for what, opened which escalation, exported what, when and from where.
create table audit_event (
  id          bigserial   primary key,
  at          timestamptz not null default now(),
  user_name   text        not null,
  action      text        not null,
  detail      text        not null,
  remote      text        not null default ''
);
create index audit_event_at on audit_event (at desc);
