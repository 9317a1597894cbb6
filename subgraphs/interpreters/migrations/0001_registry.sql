-- The registry of interpreters and the bookings made with them.
-- btree_gist lets one exclusion constraint compare a uuid (=) and a time range (&&).
CREATE EXTENSION IF NOT EXISTS btree_gist SCHEMA public;

CREATE TABLE interpreters (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  spheres text[] NOT NULL DEFAULT '{}',
  countries text[] NOT NULL DEFAULT '{}',
  time_zone text NOT NULL,
  modalities text[] NOT NULL DEFAULT '{}',
  gender text CHECK (gender IN ('FEMALE', 'MALE', 'NON_BINARY')),
  communities text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX interpreters_name_idx ON interpreters (display_name, id);
CREATE INDEX interpreters_spheres_idx ON interpreters USING gin (spheres);
CREATE INDEX interpreters_countries_idx ON interpreters USING gin (countries);

-- One row per pair, so matching can ask for a direction; for BOTH the order of
-- from/to carries no meaning.
CREATE TABLE interpreter_languages (
  interpreter_id uuid NOT NULL REFERENCES interpreters (id) ON DELETE CASCADE,
  from_language text NOT NULL CHECK (from_language ~ '^[a-z]{3}$'),
  to_language text NOT NULL CHECK (to_language ~ '^[a-z]{3}$' AND to_language <> from_language),
  direction text NOT NULL CHECK (direction IN ('ONE_WAY', 'BOTH')),
  proficiency text NOT NULL CHECK (proficiency IN ('NATIVE', 'FLUENT', 'WORKING')),
  PRIMARY KEY (interpreter_id, from_language, to_language)
);
-- `interpreters(language:)` matches either side of a pair.
CREATE INDEX interpreter_languages_from_idx ON interpreter_languages (from_language, interpreter_id);
CREATE INDEX interpreter_languages_to_idx ON interpreter_languages (to_language, interpreter_id);

CREATE TABLE interpreter_certifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  interpreter_id uuid NOT NULL REFERENCES interpreters (id) ON DELETE CASCADE,
  issuer text NOT NULL CHECK (length(issuer) BETWEEN 1 AND 300),
  issued_on date NOT NULL,
  expires_on date CHECK (expires_on >= issued_on)
);
CREATE INDEX interpreter_certifications_interpreter_idx ON interpreter_certifications (interpreter_id);

-- Filled from phase 2 on (requests, matching, booking).
CREATE TABLE interpretation_bookings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  interpreter_id uuid NOT NULL REFERENCES interpreters (id),
  -- A Case of the cases subgraph; null when the woman requested it herself.
  case_id uuid,
  language text NOT NULL CHECK (language ~ '^[a-z]{3}$'),
  sphere text NOT NULL,
  modality text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
  status text NOT NULL CHECK (status IN ('REQUESTED', 'MATCHED', 'CONFIRMED', 'COMPLETED', 'CANCELLED', 'NO_SHOW')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Two held bookings of one interpreter never overlap, whatever the
  -- concurrency: the database refuses the second one.
  CONSTRAINT interpretation_bookings_no_overlap EXCLUDE USING gist (
    interpreter_id WITH =,
    tstzrange(starts_at, ends_at, '[)') WITH &&
  ) WHERE (status IN ('CONFIRMED', 'COMPLETED'))
);
CREATE INDEX interpretation_bookings_interpreter_idx ON interpretation_bookings (interpreter_id, starts_at);
CREATE INDEX interpretation_bookings_case_idx ON interpretation_bookings (case_id) WHERE case_id IS NOT NULL;
