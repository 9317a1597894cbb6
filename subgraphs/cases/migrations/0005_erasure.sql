-- Her right to erasure, and retention after closure: personal data are
-- removed and the de-identified fields statistics need stay (country of
-- assistance, phase, sex, age group). age_group is fixed at erasure, from the
-- age she had when the case was opened.
ALTER TABLE cases ADD COLUMN erased_at timestamptz(3);
ALTER TABLE cases ADD COLUMN age_group text CHECK (age_group IN ('0-11', '12-17', '18-24', '25-34', '35-49', '50+', 'UNKNOWN'));
-- The retention job's question: closed, not yet erased, closed before a cut-off.
CREATE INDEX cases_retention_idx ON cases (closed_at) WHERE erased_at IS NULL AND status = 'CLOSED';
