-- A finding is a change: the q-value of its change test (the spike or trend test, whichever is
-- stronger, Bonferroni over the two), and the cause it belongs to (findings describing the same
-- escalations share one).
alter table finding add column change_q double precision not null default 1;
alter table finding add column cause    integer          not null default 0;

-- One cause of the morning read per row: its findings (ranks), how many escalations they cover,
-- the clusters carrying them ("C0012 14;C0031 5") and the terms weighing most in their narratives.
create table finding_cause (
  run_id      bigint  not null references rca_run (run_id) on delete cascade,
  cause       integer not null,
  lead_rank   integer not null,
  ranks       text    not null,
  escalations bigint  not null,
  clusters    text    not null,
  top_terms   text    not null,
  primary key (run_id, cause)
);
