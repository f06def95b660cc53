-- Cluster identity across nights: a vocabulary-independent signature of each centre, and how
-- the cluster relates to the previous night's (new, growing, stable, shrinking, merged, split).
alter table rca_cluster add column signature    text not null default '';
alter table rca_cluster add column status       text not null default 'NEW';
alter table rca_cluster add column previous_ids text not null default '';
