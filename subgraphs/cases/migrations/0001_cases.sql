-- Cases and their referrals. organization_id and service_id name entities of
-- the services subgraph, which owns them: no foreign key crosses subgraphs.
CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference_code text NOT NULL UNIQUE CHECK (reference_code ~ '^AMP-[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$'),
  organization_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'REFERRED', 'CLOSED')),
  country_of_assistance text NOT NULL CHECK (country_of_assistance ~ '^[A-Z]{2}$'),
  phase text NOT NULL CHECK (phase IN ('ORIGIN', 'TRANSIT', 'DESTINATION', 'RETURN')),
  given_name text CHECK (length(given_name) BETWEEN 1 AND 200),
  family_name text CHECK (length(family_name) BETWEEN 1 AND 200),
  preferred_name text CHECK (length(preferred_name) BETWEEN 1 AND 200),
  sex text NOT NULL DEFAULT 'UNKNOWN' CHECK (sex IN ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN')),
  birth_date date CHECK (birth_date >= DATE '1900-01-01'),
  estimated_age smallint CHECK (estimated_age BETWEEN 0 AND 120),
  nationality text CHECK (nationality ~ '^[A-Z]{2}$'),
  languages text[] NOT NULL DEFAULT '{}',
  intake_statement text CHECK (length(intake_statement) <= 20000),
  -- Millisecond precision: the keyset cursor carries opened_at as a JS date,
  -- so a finer stored value would make pages skip or repeat rows.
  opened_at timestamptz(3) NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- The list every caseworker opens: her organisation's cases, newest first, optionally by status.
CREATE INDEX cases_org_opened_idx ON cases (organization_id, opened_at DESC, id DESC);
CREATE INDEX cases_org_status_opened_idx ON cases (organization_id, status, opened_at DESC, id DESC);

CREATE TABLE referrals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  service_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED', 'COMPLETED')),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX referrals_case_idx ON referrals (case_id, created_at);
CREATE INDEX referrals_service_status_idx ON referrals (service_id, status);
CREATE INDEX referrals_status_idx ON referrals (status);
