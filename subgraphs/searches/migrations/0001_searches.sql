-- Missing-migrant searches (seed 004): requests, found-person records and the
-- seeded ground truth used to measure matching quality.
-- pg_trgm serves the name blocking keys; created in public so every subgraph
-- schema on the same database can share it.
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;

CREATE TABLE search_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Row-level access: a family member sees requests whose requester_sub is her
  -- token's subject; null when staff opened the request for a family offline.
  requester_sub text CHECK (length(requester_sub) <= 200),
  requester_relationship text NOT NULL,
  requester_contact text CHECK (length(requester_contact) <= 300),
  handling_organization_id uuid NOT NULL,
  given_names text NOT NULL CHECK (length(given_names) BETWEEN 1 AND 200),
  first_surname text CHECK (length(first_surname) <= 100),
  second_surname text CHECK (length(second_surname) <= 100),
  aliases text[] NOT NULL DEFAULT '{}',
  -- Case- and accent-folded "given first second", computed by the application
  -- (unaccent() is not immutable, so it cannot feed an index expression).
  name_key text NOT NULL,
  sex text NOT NULL DEFAULT 'UNKNOWN',
  birth_date date,
  age_min smallint CHECK (age_min BETWEEN 0 AND 120),
  age_max smallint CHECK (age_max BETWEEN 0 AND 120),
  nationality text CHECK (nationality ~ '^[A-Z]{2}$'),
  languages text[] NOT NULL DEFAULT '{}',
  physical_description text CHECK (length(physical_description) <= 5000),
  last_contact_date date,
  last_contact_place text CHECK (length(last_contact_place) <= 300),
  last_contact_country text CHECK (last_contact_country ~ '^[A-Z]{2}$'),
  last_contact_latitude double precision CHECK (last_contact_latitude BETWEEN -90 AND 90),
  last_contact_longitude double precision CHECK (last_contact_longitude BETWEEN -180 AND 180),
  last_contact_route text CHECK (length(last_contact_route) <= 1000),
  circumstances text NOT NULL,
  countries_involved text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'OPEN',
  -- Millisecond precision so a cursor carrying a JS Date round-trips exactly.
  opened_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CHECK (age_min IS NULL OR age_max IS NULL OR age_min <= age_max)
);
CREATE INDEX search_requests_requester_idx ON search_requests (requester_sub, opened_at DESC, id DESC)
  WHERE requester_sub IS NOT NULL;
CREATE INDEX search_requests_org_idx ON search_requests (handling_organization_id, opened_at DESC, id DESC);
CREATE INDEX search_requests_status_idx ON search_requests (status);
CREATE INDEX search_requests_name_trgm_idx ON search_requests USING gin (name_key gin_trgm_ops);

CREATE TABLE found_person_records (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  source_kind text NOT NULL,
  source_organization_id uuid,
  vital_status text NOT NULL CHECK (vital_status IN ('ALIVE', 'DECEASED')),
  given_names text CHECK (length(given_names) <= 200),
  first_surname text CHECK (length(first_surname) <= 100),
  second_surname text CHECK (length(second_surname) <= 100),
  name_key text NOT NULL,
  sex text NOT NULL DEFAULT 'UNKNOWN',
  estimated_age_min smallint CHECK (estimated_age_min BETWEEN 0 AND 120),
  estimated_age_max smallint CHECK (estimated_age_max BETWEEN 0 AND 120),
  nationality text CHECK (nationality ~ '^[A-Z]{2}$'),
  found_place text CHECK (length(found_place) <= 300),
  found_country text CHECK (found_country ~ '^[A-Z]{2}$'),
  found_latitude double precision CHECK (found_latitude BETWEEN -90 AND 90),
  found_longitude double precision CHECK (found_longitude BETWEEN -180 AND 180),
  found_date date,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  CHECK (estimated_age_min IS NULL OR estimated_age_max IS NULL OR estimated_age_min <= estimated_age_max)
);
CREATE INDEX found_person_records_name_trgm_idx ON found_person_records USING gin (name_key gin_trgm_ops);
CREATE INDEX found_person_records_country_idx ON found_person_records (found_country, found_date);
CREATE INDEX found_person_records_source_org_idx ON found_person_records (source_organization_id);

-- Ground truth of the demo seed: which found record each seeded search is
-- really about, and how the family's description differs from it.
CREATE TABLE seed_true_matches (
  search_request_id uuid NOT NULL REFERENCES search_requests (id) ON DELETE CASCADE,
  found_person_record_id uuid NOT NULL REFERENCES found_person_records (id) ON DELETE CASCADE,
  variant text NOT NULL,
  PRIMARY KEY (search_request_id, found_person_record_id)
);
