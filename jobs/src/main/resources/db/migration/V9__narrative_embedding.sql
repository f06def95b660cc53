-- Sentence embeddings of narratives, made once per escalation version and model: a vector is made
-- again when the narrative changes (source_changed_at) or the model does (model = name@version).
-- Vectors are stored quantised to 8 bits with one scale per vector (388 bytes for 384 dimensions).
create table narrative_embedding (
  escalation_id     bigint      primary key references escalation (id) on delete cascade,
  model             text        not null,
  source_changed_at timestamptz not null,
  vector            bytea       not null,
  run_id            bigint      not null,
  embedded_at       timestamptz not null default now()
);
create index narrative_embedding_run on narrative_embedding (run_id);

alter table rca_run add column embedded bigint not null default 0;
