-- Each finding's last days against the rest of the window: counts, spike q-value, onset date.
alter table finding add column recent_observed bigint           not null default 0;
alter table finding add column recent_expected double precision not null default 0;
alter table finding add column spike_q         double precision not null default 1;
alter table finding add column since           date;
