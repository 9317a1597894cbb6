-- TO_BE_FOUND (issue 7): she agrees that family searches may find her. It
-- shares no section with anyone: the consent is recorded alone, for her own
-- organisation, and only makes her case part of the findability extract that
-- the gateway's findability-sync job carries to the searches subgraph. Her
-- whereabouts still reach a family only through the found person's consent
-- of the searches flow.
ALTER TABLE consents DROP CONSTRAINT consents_sections_check;
ALTER TABLE consents ADD CONSTRAINT consents_sections_check CHECK (
  cardinality(sections) > 0
  AND sections <@ ARRAY['IDENTITY', 'INTAKE_STATEMENT', 'NEEDS', 'INCIDENTS', 'FAMILY', 'MIGRATION_STATUS', 'TO_BE_FOUND']::text[]
);
-- The extract's question, asked on every sync: which cases carry a live TO_BE_FOUND consent.
CREATE INDEX consents_to_be_found_idx ON consents (case_id) WHERE 'TO_BE_FOUND' = ANY (sections) AND revoked_at IS NULL;
