-- Withdrawn searches and people assisted in cases who consented to be found
-- (issue 7).

-- When the family (or staff on her behalf) withdrew the search; it no longer
-- takes part in matching (status WITHDRAWN is not an active status).
ALTER TABLE search_requests ADD COLUMN withdrawn_at timestamptz(3);

-- A found-person record of source CASE_ASSISTANCE stands for one case of the
-- cases subgraph whose owner recorded her TO_BE_FOUND consent; the sync job
-- keys it by that case so repeated syncs update rather than duplicate.
ALTER TABLE found_person_records ADD COLUMN case_id uuid;
CREATE UNIQUE INDEX found_person_records_case_uq ON found_person_records (case_id) WHERE case_id IS NOT NULL;
-- Languages she speaks (ISO 639-3); the cases subgraph knows them, field records mostly do not.
ALTER TABLE found_person_records ADD COLUMN languages text[] NOT NULL DEFAULT '{}';
-- Set when she is no longer findable (consent revoked or expired, case
-- erased) but a reviewed candidate still points at the record: the record then
-- stays only for that review's consent flow, with its blocking keys emptied
-- so no new search is ever matched with it.
ALTER TABLE found_person_records ADD COLUMN withdrawn_at timestamptz(3);
