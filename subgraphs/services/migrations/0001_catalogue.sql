-- The catalogue: organisations and the services they provide.
CREATE TABLE organizations (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  kind text NOT NULL,
  country char(2) NOT NULL,
  city text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organizations_name_idx ON organizations (name, id);
CREATE INDEX organizations_country_idx ON organizations (country);

CREATE TABLE services (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  description text CHECK (length(description) <= 5000),
  categories text[] NOT NULL,
  phases text[] NOT NULL,
  country char(2) NOT NULL,
  area text,
  city text,
  latitude double precision CHECK (latitude BETWEEN -90 AND 90),
  longitude double precision CHECK (longitude BETWEEN -180 AND 180),
  languages text[] NOT NULL DEFAULT '{}',
  serves_regardless_of_status boolean NOT NULL DEFAULT true,
  requires_identity_document boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'ACTIVE',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX services_org_idx ON services (organization_id);
CREATE INDEX services_name_idx ON services (name, id);
CREATE INDEX services_country_idx ON services (country);
CREATE INDEX services_categories_idx ON services USING gin (categories);
CREATE INDEX services_languages_idx ON services USING gin (languages);
CREATE INDEX services_phases_idx ON services USING gin (phases);
