-- A findability sync too large for one call goes in pages, one round: every page of a round records
-- the cases it listed here, and only the round's last page removes the records of cases no page
-- listed. A round that never ends (the job died) removes nobody; its rows are dropped a day later
-- by the next round's last page.
CREATE TABLE findability_sync_rounds (
  round_id uuid NOT NULL,
  case_id uuid NOT NULL,
  listed_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (round_id, case_id)
);
CREATE INDEX findability_sync_rounds_listed_idx ON findability_sync_rounds (listed_at);
