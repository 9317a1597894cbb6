-- Free text near a place (issue 10's catalogue bench: "mujeres" matches
-- nearly every service). Two costs went with it:
--
-- 1. `search_text LIKE '%' || lower(unaccent($1)) || '%'` ran unaccent() once
--    per row it tested: unaccent() is STABLE (its one-argument form finds
--    the dictionary through search_path). search_pattern() names the
--    dictionary, so its result depends on the term alone and it can be
--    IMMUTABLE (the usual f_unaccent pattern): the planner folds it into a
--    constant once per statement and estimates with it as before. Same
--    normalization as refreshSearchText's lower(unaccent(…)); the caller
--    escapes the term's own LIKE wildcards.
CREATE FUNCTION search_pattern(term text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT '%' || lower(public.unaccent('public.unaccent'::regdictionary, term)) || '%'
$$;

-- 2. The text could only be tested on the table rows: a broad term near a
--    place read every row of the radius from the heap, scattered (about
--    3,800 page reads for 50 km around Tapachula, for the count and again
--    for the page). This index is 0004's with `search_text` too, so text
--    near a place is an index-only scan like the other filters, and the page
--    can be walked nearest first (nearestPage.ts). An index row must fit in
--    a page, and `search_text` (descriptions in every language) need not:
--    the index holds only the services whose text fits comfortably, and
--    the few others have an index of their own; a search reads both, with
--    these exact predicates (searchServices.ts, SEARCH_TEXT_IN_INDEX).
CREATE INDEX services_public_position_text_idx ON services
  USING gist (point(public_longitude, public_latitude))
  INCLUDE (public_latitude, public_longitude, id, categories, languages, serves_regardless_of_status, search_text)
  WHERE octet_length(search_text) <= 2000;
CREATE INDEX services_public_position_long_text_idx ON services
  USING gist (point(public_longitude, public_latitude))
  WHERE octet_length(search_text) > 2000;
