-- Opening a search reads these indexes right after inserting into them.
-- With GIN's fast update, new rows wait in a pending list that every read
-- scans in full until a VACUUM merges it, and the list's cost makes the
-- planner prefer a sequential scan that computes a trigram similarity for
-- every active search. In issue 10's domain bench (autovacuum off, ~3,000
-- searches opened in a run) the trigram fallback on other searches took
-- 18 ms on average; on the same rows with the list merged, 2 ms. A search
-- is one row, so updating the index at once costs little: PostgreSQL's
-- GIN docs advise turning fast update off when consistent response time
-- matters more than update speed.
ALTER INDEX search_requests_active_match_keys_idx SET (fastupdate = off);
ALTER INDEX search_requests_active_name_trgm_idx SET (fastupdate = off);
ALTER INDEX search_requests_active_requester_match_keys_idx SET (fastupdate = off);

-- Turning it off leaves what is already pending where it is.
SELECT gin_clean_pending_list('search_requests_active_match_keys_idx'::regclass);
SELECT gin_clean_pending_list('search_requests_active_name_trgm_idx'::regclass);
SELECT gin_clean_pending_list('search_requests_active_requester_match_keys_idx'::regclass);
