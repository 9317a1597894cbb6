-- Consent (F5): which sections of a case, to which organisation, for which
-- purpose, until when, given how. Access through a consent is decided in SQL
-- on every request (revoked_at, valid_until), never cached across requests.
CREATE TABLE consents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  organization_id uuid NOT NULL,
  sections text[] NOT NULL CHECK (
    cardinality(sections) > 0 AND sections <@ ARRAY['IDENTITY', 'INTAKE_STATEMENT', 'MIGRATION_STATUS']::text[]
  ),
  purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 500),
  given_how text NOT NULL CHECK (given_how IN ('SIGNED', 'VERBAL_WITNESSED', 'GUARDIAN_FOR_MINOR')),
  valid_until timestamptz(3) NOT NULL,
  recorded_at timestamptz(3) NOT NULL DEFAULT now(),
  recorded_by text NOT NULL,
  revoked_at timestamptz(3)
);
-- "Is this case shared with my organisation right now?", asked on every read by a receiving organisation.
CREATE INDEX consents_org_case_idx ON consents (organization_id, case_id) WHERE revoked_at IS NULL;
CREATE INDEX consents_case_idx ON consents (case_id, recorded_at);

-- Referrals now name the organisation that receives them and the consent they travel with.
-- Rows from before this migration have neither: they are visible to the owning organisation only.
ALTER TABLE referrals ADD COLUMN receiving_organization_id uuid;
ALTER TABLE referrals ADD COLUMN consent_id uuid REFERENCES consents (id);
ALTER TABLE referrals ADD COLUMN responded_at timestamptz(3);
ALTER TABLE referrals ADD COLUMN completed_at timestamptz(3);
CREATE INDEX referrals_receiving_idx ON referrals (receiving_organization_id, status, created_at DESC)
  WHERE receiving_organization_id IS NOT NULL;
