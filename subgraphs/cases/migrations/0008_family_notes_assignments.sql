-- Family unity (seed 000 §III): the children and relatives who travel with her,
-- and those she was separated from (family tracing starts from them). A consent
-- can share them as the FAMILY section.
CREATE TABLE family_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  relationship text NOT NULL CHECK (relationship IN ('CHILD', 'PARTNER', 'PARENT', 'SIBLING', 'OTHER_RELATIVE')),
  given_name text CHECK (length(given_name) BETWEEN 1 AND 200),
  family_name text CHECK (length(family_name) BETWEEN 1 AND 200),
  sex text NOT NULL DEFAULT 'UNKNOWN' CHECK (sex IN ('FEMALE', 'MALE', 'INTERSEX', 'OTHER', 'UNKNOWN')),
  birth_date date CHECK (birth_date >= DATE '1900-01-01'),
  estimated_age smallint CHECK (estimated_age BETWEEN 0 AND 120),
  accompanying boolean NOT NULL,
  note text CHECK (length(note) BETWEEN 1 AND 1000),
  recorded_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);
-- Read per case (Case.familyMembers, export, erasure), oldest first.
CREATE INDEX family_members_case_idx ON family_members (case_id, recorded_at, id);

ALTER TABLE consents DROP CONSTRAINT consents_sections_check;
ALTER TABLE consents ADD CONSTRAINT consents_sections_check CHECK (
  cardinality(sections) > 0
  AND sections <@ ARRAY['IDENTITY', 'INTAKE_STATEMENT', 'NEEDS', 'INCIDENTS', 'FAMILY', 'MIGRATION_STATUS']::text[]
);

-- Working notes of the owning organisation: append-only (no API edits or
-- deletes them, and the trigger refuses an UPDATE); erasure and the retention
-- purge delete them with her personal data. The author is the caseworker's
-- opaque token subject, never a name.
CREATE TABLE case_notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  author text NOT NULL CHECK (length(author) BETWEEN 1 AND 200),
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
-- Case.notes: newest first.
CREATE INDEX case_notes_case_idx ON case_notes (case_id, created_at DESC, id DESC);
CREATE FUNCTION case_notes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case_notes is append-only';
END;
$$;
CREATE TRIGGER case_notes_no_update BEFORE UPDATE ON case_notes
  FOR EACH ROW EXECUTE FUNCTION case_notes_append_only();

-- Caseworkers assigned to a case, by token subject: one row per pair, so
-- assigning twice changes nothing.
CREATE TABLE case_assignments (
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  caseworker text NOT NULL CHECK (length(caseworker) BETWEEN 1 AND 200),
  assigned_at timestamptz(3) NOT NULL DEFAULT now(),
  assigned_by text NOT NULL CHECK (length(assigned_by) BETWEEN 1 AND 200),
  PRIMARY KEY (case_id, caseworker)
);
-- "My cases": cases(assignedToMe: true) looks the caller's subject up here.
CREATE INDEX case_assignments_caseworker_idx ON case_assignments (caseworker, case_id);
