-- Migration 0006 wrote the rows of found_person_blocking_keys twice: in the
-- trigger function and in its backfill, each with its own copy of the
-- birth-year expression that mirrors matchProfile.ts. From here the rows of
-- one record come from this function alone; the trigger uses it, and so
-- should any later backfill:
--
--   INSERT INTO found_person_blocking_keys (match_key, found_person_record_id, name_key, sex, born_from, born_to, found_date)
--   SELECT b.match_key, b.found_person_record_id, b.name_key, b.sex, b.born_from, b.born_to, b.found_date
--     FROM found_person_records f CROSS JOIN LATERAL found_person_blocking_rows(f) b
--   ON CONFLICT DO NOTHING;
--
-- `born_from`/`born_to` are the birth years matchProfile.ts (foundProfile)
-- computes: the estimated age at the found date, or at registration in UTC
-- when there is none. src/matching/blockingRows.test.ts fails if the two
-- disagree. A withdrawn record has no rows (it never matches again).
--
-- SQL and STABLE, so the planner inlines it: a bulk statement over many
-- records stays one set operation, not one function call per record.
CREATE FUNCTION found_person_blocking_rows(f found_person_records)
RETURNS TABLE (
  match_key text,
  found_person_record_id uuid,
  name_key text,
  sex text,
  born_from integer,
  born_to integer,
  found_date date
) LANGUAGE sql STABLE AS $$
  SELECT k, f.id, f.name_key, f.sex, d.year - f.estimated_age_max - 1, d.year - f.estimated_age_min, f.found_date
    FROM (SELECT extract(year FROM coalesce(f.found_date, (f.created_at AT TIME ZONE 'UTC')::date))::integer AS year) d
   CROSS JOIN LATERAL unnest(f.match_keys) AS k
   WHERE f.withdrawn_at IS NULL
$$;

-- Same triggers (statement-level, transition tables), same behaviour; only
-- the row computation moved into the function above.
CREATE OR REPLACE FUNCTION found_person_blocking_keys_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM found_person_blocking_keys b
     USING old_rows o
     WHERE b.found_person_record_id = o.id AND b.match_key = ANY (o.match_keys);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO found_person_blocking_keys (match_key, found_person_record_id, name_key, sex, born_from, born_to, found_date)
    SELECT b.match_key, b.found_person_record_id, b.name_key, b.sex, b.born_from, b.born_to, b.found_date
      FROM new_rows n
     CROSS JOIN LATERAL found_person_blocking_rows(n) b
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
