-- Phase 2: availability, requests, matching, bookings, unmet demand, interpreter accounts, registry import.

-- The interpreter's own login (`sub` of her token) and the id of her record in an official registry
-- (CSV import upserts by it). Both optional: not every interpreter has an account or comes from a registry.
ALTER TABLE interpreters ADD COLUMN account_sub text UNIQUE CHECK (length(account_sub) BETWEEN 1 AND 200);
ALTER TABLE interpreters ADD COLUMN registry_id text UNIQUE CHECK (length(registry_id) BETWEEN 1 AND 100);

-- Weekly working hours as local wall-clock times in the interpreter's own time zone;
-- converted to UTC instants per date when matching, so a DST change moves them correctly.
-- ISO day of week: 1 = Monday … 7 = Sunday. ends_at may be 24:00.
CREATE TABLE interpreter_weekly_availability (
  interpreter_id uuid NOT NULL REFERENCES interpreters (id) ON DELETE CASCADE,
  day_of_week smallint NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
  starts_at time NOT NULL,
  ends_at time NOT NULL CHECK (ends_at > starts_at),
  PRIMARY KEY (interpreter_id, day_of_week, starts_at)
);

-- Dates that differ from the weekly pattern: UNAVAILABLE (whole day when no times) or EXTRA hours.
CREATE TABLE interpreter_availability_exceptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  interpreter_id uuid NOT NULL REFERENCES interpreters (id) ON DELETE CASCADE,
  on_date date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('UNAVAILABLE', 'EXTRA')),
  starts_at time,
  ends_at time,
  CHECK ((starts_at IS NULL AND ends_at IS NULL AND kind = 'UNAVAILABLE') OR (starts_at IS NOT NULL AND ends_at > starts_at))
);
CREATE INDEX interpreter_availability_exceptions_idx ON interpreter_availability_exceptions (interpreter_id, on_date);

CREATE TABLE interpretation_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  language text NOT NULL CHECK (language ~ '^[a-z]{3}$'),
  target_language text NOT NULL CHECK (target_language ~ '^[a-z]{3}$' AND target_language <> language),
  sphere text NOT NULL,
  modality text NOT NULL CHECK (modality IN ('PHONE', 'VIDEO', 'IN_PERSON')),
  urgency text NOT NULL CHECK (urgency IN ('NOW', 'SCHEDULED')),
  -- For NOW: the window computed at request time; matching and confirmation recompute it from the clock.
  window_starts_at timestamptz NOT NULL,
  window_ends_at timestamptz NOT NULL CHECK (window_ends_at > window_starts_at),
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 15 AND 480),
  country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  preferred_gender text CHECK (preferred_gender IN ('FEMALE', 'MALE', 'NON_BINARY')),
  avoid_communities text[] NOT NULL DEFAULT '{}',
  case_id uuid,
  requested_by_sub text NOT NULL,
  requested_by_role text NOT NULL CHECK (requested_by_role IN ('caseworker', 'migrant')),
  organization_id uuid,
  -- Copied onto the booking at confirmation: the only personal data an interpreter ever sees.
  person_preferred_name text CHECK (length(person_preferred_name) BETWEEN 1 AND 100),
  status text NOT NULL CHECK (status IN ('REQUESTED', 'MATCHED', 'CONFIRMED', 'COMPLETED', 'CANCELLED', 'NO_SHOW')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (requested_by_role = 'migrant' OR organization_id IS NOT NULL),
  CHECK (requested_by_role = 'caseworker' OR case_id IS NULL)
);
CREATE INDEX interpretation_requests_org_idx ON interpretation_requests (organization_id, created_at);
CREATE INDEX interpretation_requests_sub_idx ON interpretation_requests (requested_by_sub, created_at);

ALTER TABLE interpretation_bookings ADD COLUMN request_id uuid REFERENCES interpretation_requests (id);
ALTER TABLE interpretation_bookings ADD COLUMN organization_id uuid;
ALTER TABLE interpretation_bookings ADD COLUMN person_preferred_name text;
ALTER TABLE interpretation_bookings ADD COLUMN person_language text;
-- One booking per request: the request row is locked while confirming, this is the backstop.
CREATE UNIQUE INDEX interpretation_bookings_request_idx ON interpretation_bookings (request_id) WHERE request_id IS NOT NULL;
CREATE INDEX interpretation_bookings_org_case_idx ON interpretation_bookings (organization_id, case_id);

-- Requests nobody could take, counted for the governments that train interpreters (feeds statistics).
-- Dimensions only: no person, no case, no organisation.
CREATE TABLE unmet_interpretation_demand (
  request_id uuid PRIMARY KEY REFERENCES interpretation_requests (id),
  language text NOT NULL,
  sphere text NOT NULL,
  country text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX unmet_interpretation_demand_recorded_idx ON unmet_interpretation_demand (recorded_at);
