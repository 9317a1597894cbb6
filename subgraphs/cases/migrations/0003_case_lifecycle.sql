-- Writes by caseworkers: closure with a reason, and the full Sex value set the
-- GraphQL enum shares with the other subgraphs (0001 lacked INTERSEX).
ALTER TABLE cases DROP CONSTRAINT cases_sex_check;
ALTER TABLE cases ADD CONSTRAINT cases_sex_check CHECK (sex IN ('FEMALE', 'MALE', 'INTERSEX', 'OTHER', 'UNKNOWN'));
ALTER TABLE cases ADD COLUMN closed_at timestamptz;
ALTER TABLE cases ADD COLUMN closure_reason text CHECK (
  closure_reason IN ('NEEDS_MET', 'REFERRED_ELSEWHERE', 'LOST_CONTACT', 'DECLINED_FURTHER_ASSISTANCE', 'MOVED_ON', 'OTHER')
);
