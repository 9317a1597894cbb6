-- The count of a search by place alone (no filter: a third of the
-- catalogue bench's searches, and the first search of a map) walks every
-- service in the radius. Through 0004's index it reads every entry's
-- categories and languages too, which it does not need: an index-only scan
-- of a GiST index forms each entry whole. 0003's index, position only, held
-- about 80 entries per page against 0004's 16 (EXPLAIN on 100k services,
-- 100 km, 6,832 services: 92 pages against 477, 1.7–2.0 ms against
-- 3.1–4.2).
--
-- It is keyed on the position with its axes swapped, point(latitude,
-- longitude), and only that count asks for that expression
-- (searchServices.ts, countBox). Keyed as 0004's is, the planner took it
-- for filtered searches too: it estimates a few dozen services in any box,
-- so checking categories on the table rows looked cheap, and a search by
-- categories and language near a place ran three times slower.
CREATE INDEX services_public_position_only_idx ON services
  USING gist (point(public_latitude, public_longitude)) INCLUDE (public_latitude, public_longitude);
