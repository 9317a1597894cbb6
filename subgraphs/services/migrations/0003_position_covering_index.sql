-- The distance search reads, for every service in its box, only the public
-- position (to compute the exact distance) and the id (for the page): with
-- both in the index, a search by place alone is an index-only scan instead
-- of thousands of scattered heap reads (EXPLAIN on 100k services: about
-- 21 ms down to 6 ms for the count). It replaces the plain position index.
CREATE INDEX services_public_position_covering_idx ON services
  USING gist (point(public_longitude, public_latitude)) INCLUDE (public_latitude, public_longitude, id);
DROP INDEX services_public_position_idx;
