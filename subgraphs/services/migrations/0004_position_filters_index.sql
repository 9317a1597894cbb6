-- A distance search's page is read nearest first from the position index
-- (ORDER BY point <-> center, see nearestPage.ts). That walk stops after
-- about 20 rows only when the filters can be checked on the index entries
-- themselves: otherwise every entry costs a heap read, and the planner
-- (which cannot estimate a box's share of the rows) ANDs the filters' GIN
-- indexes over the whole box instead. So the index also carries the filters
-- most searches near a place use: categories, languages, and whether the
-- service serves regardless of migration status. It replaces 0003's index
-- (same key, a few more INCLUDE columns), which the count and the other
-- distance searches use the same way.
CREATE INDEX services_public_position_filters_idx ON services
  USING gist (point(public_longitude, public_latitude))
  INCLUDE (public_latitude, public_longitude, id, categories, languages, serves_regardless_of_status);
DROP INDEX services_public_position_covering_idx;
