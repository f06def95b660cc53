-- What changed since the previous completed run: 'new' or 'continuing' per finding.
alter table finding add column change text not null default 'new';
