-- The slope of a finding's daily share of volume: relative change per week and its q-value.
alter table finding add column weekly_change double precision not null default 0;
alter table finding add column trend_q       double precision not null default 1;
