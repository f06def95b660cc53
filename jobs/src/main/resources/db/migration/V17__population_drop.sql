-- Drops: values whose escalations fell significantly below expected in a night's last days.
create table population_drop (
  run_id          bigint           not null references rca_run (run_id) on delete cascade,
  rank            integer          not null,
  dimension       text             not null,
  value           text             not null,
  recent          bigint           not null,
  expected        double precision not null,
  ratio           double precision not null,
  ratio_low       double precision not null,
  ratio_high      double precision not null,
  p_value         double precision not null,
  q_value         double precision not null,
  per_day_before  double precision not null,
  per_day_recent  double precision not null,
  summary         text             not null,
  primary key (run_id, rank)
);
