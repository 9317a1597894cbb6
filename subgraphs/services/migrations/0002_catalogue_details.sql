-- Catalogue details (issue 4): translations, accessibility, populations, cost,
-- time-zone-aware opening hours, contact channels, verification, confidential
-- locations, and the columns/indexes that keep search fast on 100k services.
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;

ALTER TABLE services
  ADD COLUMN default_language text NOT NULL DEFAULT 'es',
  ADD COLUMN address text CHECK (length(address) <= 500),
  ADD COLUMN confidential_location boolean NOT NULL DEFAULT false,
  ADD COLUMN time_zone text NOT NULL DEFAULT 'America/Guatemala',
  ADD COLUMN open_around_the_clock boolean NOT NULL DEFAULT false,
  ADD COLUMN accessibility text[] NOT NULL DEFAULT '{}',
  ADD COLUMN populations text[] NOT NULL DEFAULT '{}',
  ADD COLUMN cost_kind text NOT NULL DEFAULT 'FREE',
  ADD COLUMN cost_description text CHECK (length(cost_description) <= 500),
  ADD COLUMN contacts jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN verification_status text NOT NULL DEFAULT 'UNVERIFIED',
  ADD COLUMN verified_on date,
  -- lower(unaccent(name, description, every translation)); unaccent() is not
  -- IMMUTABLE, so the application computes this column (refreshSearchText)
  -- instead of an expression index.
  ADD COLUMN search_text text NOT NULL DEFAULT '',
  -- What distance search may use: exact for ordinary services, rounded to
  -- 0.1° (~11 km) for confidential ones, so distances cannot trilaterate a shelter.
  ADD COLUMN public_latitude double precision GENERATED ALWAYS AS (
    CASE WHEN confidential_location THEN round(latitude::numeric, 1)::double precision ELSE latitude END) STORED,
  ADD COLUMN public_longitude double precision GENERATED ALWAYS AS (
    CASE WHEN confidential_location THEN round(longitude::numeric, 1)::double precision ELSE longitude END) STORED;

CREATE TABLE service_translations (
  service_id uuid NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  language text NOT NULL CHECK (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  description text CHECK (length(description) <= 5000),
  PRIMARY KEY (service_id, language)
);

-- ISO weekday 1 (Monday) … 7, local wall-clock times in the service's time zone.
CREATE TABLE service_hours (
  service_id uuid NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  opens time NOT NULL,
  closes time NOT NULL,
  CHECK (opens < closes),
  PRIMARY KEY (service_id, weekday, opens)
);

CREATE INDEX services_search_text_trgm_idx ON services USING gin (search_text gin_trgm_ops);
CREATE INDEX services_accessibility_idx ON services USING gin (accessibility);
CREATE INDEX services_populations_idx ON services USING gin (populations);
-- Distance search filters on a bounding box first: a 2-D GiST over the public position (core point type).
CREATE INDEX services_public_position_idx ON services USING gist (point(public_longitude, public_latitude));
