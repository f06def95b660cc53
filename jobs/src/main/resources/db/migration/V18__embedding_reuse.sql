-- A narrative whose text (whitespace aside) already has a vector from the same model takes that
-- vector instead of running the model again: identical pastes are common (a tenth of the CFPB
-- sample's narratives repeat another one word for word). text_hash is SHA-256 of the text with its
-- whitespace collapsed, null for vectors made before this version; reused says where a vector came from.
alter table narrative_embedding add column text_hash bytea;
alter table narrative_embedding add column reused boolean not null default false;
create index narrative_embedding_text on narrative_embedding (model, text_hash) where text_hash is not null;
