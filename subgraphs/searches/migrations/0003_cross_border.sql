-- Cross-border handling (issue 7): partner organisations of the countries a
-- search involves may see it; transfers of responsibility are recorded.

-- An organisation (a consulate, typically) that partners on searches
-- involving a country. Maintained by operators; the demo seed adds none.
CREATE TABLE partner_organizations (
  organization_id uuid NOT NULL,
  country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  PRIMARY KEY (organization_id, country)
);

CREATE TABLE search_transfers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  search_request_id uuid NOT NULL REFERENCES search_requests (id) ON DELETE CASCADE,
  from_organization_id uuid NOT NULL,
  to_organization_id uuid NOT NULL,
  transferred_by_sub text NOT NULL,
  transferred_at timestamptz(3) NOT NULL DEFAULT now(),
  CHECK (from_organization_id <> to_organization_id)
);
CREATE INDEX search_transfers_search_idx ON search_transfers (search_request_id, transferred_at);
