-- Incidents of violence as seed 000 §6.3m asks to record them: type of
-- violence, phase of migration, country and date range. A consent can share
-- them as the INCIDENTS section.
CREATE TABLE incidents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  violence_type text NOT NULL CHECK (violence_type IN ('PHYSICAL', 'SEXUAL', 'PSYCHOLOGICAL', 'ECONOMIC',
    'TRAFFICKING', 'KIDNAPPING', 'EXTORTION', 'INSTITUTIONAL', 'OTHER')),
  phase text CHECK (phase IN ('ORIGIN', 'TRANSIT', 'DESTINATION', 'RETURN')),
  country text CHECK (country ~ '^[A-Z]{2}$'),
  occurred_from date,
  occurred_to date,
  recorded_at timestamptz(3) NOT NULL DEFAULT now(),
  CHECK (occurred_from IS NULL OR occurred_to IS NULL OR occurred_to >= occurred_from)
);
CREATE INDEX incidents_case_idx ON incidents (case_id, recorded_at);
ALTER TABLE consents DROP CONSTRAINT consents_sections_check;
ALTER TABLE consents ADD CONSTRAINT consents_sections_check CHECK (
  cardinality(sections) > 0
  AND sections <@ ARRAY['IDENTITY', 'INTAKE_STATEMENT', 'NEEDS', 'INCIDENTS', 'MIGRATION_STATUS']::text[]
);
