-- The monthly statistics extract selects requests by the month they were made in.
CREATE INDEX interpretation_requests_created_idx ON interpretation_requests (created_at);
