-- Gender identity (optional, her own words), vulnerabilities, and needs named
-- with the services catalogue's categories, so a need maps to services. A
-- consent can now share the NEEDS section (needs and vulnerabilities).
ALTER TABLE cases ADD COLUMN gender_identity text CHECK (length(gender_identity) BETWEEN 1 AND 100);
ALTER TABLE cases ADD COLUMN vulnerabilities text[] NOT NULL DEFAULT '{}';
ALTER TABLE cases ADD COLUMN needs text[] NOT NULL DEFAULT '{}';
ALTER TABLE consents DROP CONSTRAINT consents_sections_check;
ALTER TABLE consents ADD CONSTRAINT consents_sections_check CHECK (
  cardinality(sections) > 0 AND sections <@ ARRAY['IDENTITY', 'INTAKE_STATEMENT', 'NEEDS', 'MIGRATION_STATUS']::text[]
);
