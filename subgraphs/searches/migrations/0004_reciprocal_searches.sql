-- Two relatives searching for each other (issue 7): the requester's own name,
-- optional, is matched against other searches' missing person. Never shown
-- in any API field; it serves matching only.
ALTER TABLE search_requests ADD COLUMN requester_given_names text CHECK (length(requester_given_names) <= 200);
ALTER TABLE search_requests ADD COLUMN requester_first_surname text CHECK (length(requester_first_surname) <= 100);
ALTER TABLE search_requests ADD COLUMN requester_second_surname text CHECK (length(requester_second_surname) <= 100);
ALTER TABLE search_requests ADD COLUMN requester_match_keys text[] NOT NULL DEFAULT '{}';
CREATE INDEX search_requests_requester_match_keys_idx ON search_requests USING gin (requester_match_keys);
