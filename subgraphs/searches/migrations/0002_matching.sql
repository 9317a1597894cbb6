-- Matching, review and the found person's consent (issue 7, phase 2).

-- Blocking keys computed by the application (src/names/matchKeys.ts): pairs
-- "given|surname" and "surname+surname" of Spanish/Mayan-aware phonetic
-- codes, order-insensitive so swapped or missing surnames still meet. A GIN
-- index answers "shares any key" (&&) without scanning the table.
ALTER TABLE found_person_records ADD COLUMN match_keys text[] NOT NULL DEFAULT '{}';
ALTER TABLE search_requests ADD COLUMN match_keys text[] NOT NULL DEFAULT '{}';
CREATE INDEX found_person_records_match_keys_idx ON found_person_records USING gin (match_keys);
CREATE INDEX search_requests_match_keys_idx ON search_requests USING gin (match_keys);

-- What the family is allowed to know of her search's progress. `status` is
-- the handling organisation's working status (POTENTIAL_MATCH, LOCATED_* as
-- soon as a caseworker confirms); `family_status` moves only when the found
-- person consents (LOCATED_ALIVE) or the organisation has communicated a
-- death (LOCATED_DECEASED), so neither the value, nor a status filter, nor a
-- count, nor the moment it changes tells the family anything earlier.
ALTER TABLE search_requests ADD COLUMN family_status text NOT NULL DEFAULT 'OPEN';
-- Seeded history: outcomes already communicated; a pending match is not news.
UPDATE search_requests SET family_status = CASE WHEN status = 'POTENTIAL_MATCH' THEN 'OPEN' ELSE status END;
CREATE INDEX search_requests_family_status_idx ON search_requests (requester_sub, family_status)
  WHERE requester_sub IS NOT NULL;

-- Which organisation registered a record: needed to let its caseworkers
-- record the found person's answer; never exposed to the family.
ALTER TABLE found_person_records ADD COLUMN registered_by_sub text CHECK (length(registered_by_sub) <= 200);

-- A scored candidate for one search: either a found-person record or another
-- search (two relatives searching for each other). Kept for review; the
-- explanation lists each matched feature and its contribution to the score.
CREATE TABLE match_candidates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  search_request_id uuid NOT NULL REFERENCES search_requests (id) ON DELETE CASCADE,
  found_person_record_id uuid REFERENCES found_person_records (id) ON DELETE CASCADE,
  other_search_request_id uuid REFERENCES search_requests (id) ON DELETE CASCADE,
  score double precision NOT NULL,
  explanation jsonb NOT NULL,
  review_status text NOT NULL DEFAULT 'PENDING' CHECK (review_status IN ('PENDING', 'CONFIRMED', 'REJECTED')),
  reviewed_by_sub text,
  reviewed_at timestamptz(3),
  -- The found person's own choice (living persons only), recorded by staff.
  consent_choice text CHECK (consent_choice IN ('SHARE_CONTACT', 'SHARE_LOCATED_ONLY', 'SHARE_NOTHING')),
  consent_recorded_at timestamptz(3),
  -- Only what she chose to give the family; never her location.
  shared_contact text CHECK (length(shared_contact) <= 300),
  -- A death is told to the family by the organisation, in person, first.
  death_communicated_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  CHECK ((found_person_record_id IS NULL) <> (other_search_request_id IS NULL)),
  CHECK (other_search_request_id IS NULL OR other_search_request_id <> search_request_id)
);
CREATE UNIQUE INDEX match_candidates_found_uq ON match_candidates (search_request_id, found_person_record_id)
  WHERE found_person_record_id IS NOT NULL;
CREATE UNIQUE INDEX match_candidates_other_uq ON match_candidates (search_request_id, other_search_request_id)
  WHERE other_search_request_id IS NOT NULL;
CREATE INDEX match_candidates_search_idx ON match_candidates (search_request_id, score DESC);
