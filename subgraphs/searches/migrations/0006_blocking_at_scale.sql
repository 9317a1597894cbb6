-- Matching at 1M found-person records (issue 10). Blocking through the GIN
-- index on found_person_records.match_keys visits one heap page per record
-- sharing a key (~1,500 random pages for a common name at 1M) and computes a
-- trigram similarity for each. Here every key of a record is one entry of a
-- B-tree that also carries what the pre-ranking reads, so the records
-- sharing a key are a few adjacent index pages, read without the table
-- (index-only: the table must be vacuumed, as autovacuum does).

-- One row per (blocking key, record), for records still findable. Written
-- only by the triggers below; `born_from`/`born_to` are the record's
-- estimated birth years as matchProfile.ts computes them (age at the found
-- date, or at registration in UTC when there is none).
CREATE TABLE found_person_blocking_keys (
  match_key text NOT NULL,
  found_person_record_id uuid NOT NULL,
  name_key text NOT NULL,
  sex text NOT NULL,
  born_from integer,
  born_to integer,
  found_date date,
  PRIMARY KEY (match_key, found_person_record_id) INCLUDE (name_key, sex, born_from, born_to, found_date)
);

-- Statement-level, so a bulk load of 5,000 rows is two set operations, not
-- 5,000 trigger calls. A withdrawn record keeps no key (it never matches again).
CREATE FUNCTION found_person_blocking_keys_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM found_person_blocking_keys b
     USING old_rows o
     WHERE b.found_person_record_id = o.id AND b.match_key = ANY (o.match_keys);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO found_person_blocking_keys (match_key, found_person_record_id, name_key, sex, born_from, born_to, found_date)
    SELECT k, n.id, n.name_key, n.sex, d.year - n.estimated_age_max - 1, d.year - n.estimated_age_min, n.found_date
      FROM new_rows n
     CROSS JOIN LATERAL (
       SELECT extract(year FROM coalesce(n.found_date, (n.created_at AT TIME ZONE 'UTC')::date))::integer AS year) d
     CROSS JOIN LATERAL unnest(n.match_keys) AS k
     WHERE n.withdrawn_at IS NULL
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER found_person_blocking_keys_insert AFTER INSERT ON found_person_records
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION found_person_blocking_keys_sync();
CREATE TRIGGER found_person_blocking_keys_update AFTER UPDATE ON found_person_records
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION found_person_blocking_keys_sync();
CREATE TRIGGER found_person_blocking_keys_delete AFTER DELETE ON found_person_records
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION found_person_blocking_keys_sync();

INSERT INTO found_person_blocking_keys (match_key, found_person_record_id, name_key, sex, born_from, born_to, found_date)
SELECT k, f.id, f.name_key, f.sex, d.year - f.estimated_age_max - 1, d.year - f.estimated_age_min, f.found_date
  FROM found_person_records f
 CROSS JOIN LATERAL (
   SELECT extract(year FROM coalesce(f.found_date, (f.created_at AT TIME ZONE 'UTC')::date))::integer AS year) d
 CROSS JOIN LATERAL unnest(f.match_keys) AS k
 WHERE f.withdrawn_at IS NULL
ON CONFLICT DO NOTHING;

-- Matching reads only active searches. A plain status index let a planner
-- without statistics for search_requests (autovacuum off) scan every active
-- search and compute a trigram similarity for each; partial indexes on the
-- active ones leave it only the selective paths, and are smaller.
DROP INDEX search_requests_status_idx;
DROP INDEX search_requests_match_keys_idx;
DROP INDEX search_requests_name_trgm_idx;
DROP INDEX search_requests_requester_match_keys_idx;
CREATE INDEX search_requests_active_match_keys_idx ON search_requests USING gin (match_keys)
  WHERE status IN ('OPEN', 'POTENTIAL_MATCH');
CREATE INDEX search_requests_active_name_trgm_idx ON search_requests USING gin (name_key gin_trgm_ops)
  WHERE status IN ('OPEN', 'POTENTIAL_MATCH');
CREATE INDEX search_requests_active_requester_match_keys_idx ON search_requests USING gin (requester_match_keys)
  WHERE status IN ('OPEN', 'POTENTIAL_MATCH');

-- The candidates read checks a found record through its candidates (no
-- browsing), and deleting a record cascades to them: both by record.
CREATE INDEX match_candidates_found_idx ON match_candidates (found_person_record_id)
  WHERE found_person_record_id IS NOT NULL;
