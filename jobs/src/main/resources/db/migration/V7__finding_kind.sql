-- 'concentration' (a cluster over-represented for values) or 'surge' (a cluster, or a value over
-- all clusters, above its usual share of volume in the last days).
alter table finding add column kind text not null default 'concentration';
